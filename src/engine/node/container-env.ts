/**
 * A container's environment as the kubelet builds it when the container starts
 * (`makeEnvironmentVariables`): `envFrom` sources, then `env` entries (values, ConfigMap and
 * Secret keys, the downward API, `$(VAR)` references to earlier ones), then the Docker-link
 * style variables of every Service in the namespace and of `kubernetes`. It is fixed at
 * start: later changes to the sources do not reach a running container.
 */
import type { KubeObject } from '../api/types.ts';
import { decodeBase64 } from './runtime/base64.ts';

interface Ref {
  name?: string;
  key?: string;
  optional?: boolean;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: Ref;
    secretKeyRef?: Ref;
    fieldRef?: { fieldPath: string };
  };
}

export interface EnvContainer {
  env?: EnvVar[];
  envFrom?: { prefix?: string; configMapRef?: Ref; secretRef?: Ref }[];
}

export interface EnvSources {
  configMap(name: string): KubeObject | undefined;
  secret(name: string): KubeObject | undefined;
  /** Services whose variables a container started now gets (its namespace's, and `kubernetes`). */
  services(): readonly KubeObject[];
}

const IMAGE_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function dataOf(object: KubeObject | undefined, secret: boolean): Record<string, string> {
  if (!object) return {};
  const data = (object.data as Record<string, string> | undefined) ?? {};
  return secret ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v)])) : data;
}

/** `$(NAME)` expands to an earlier variable; `$$` escapes; unknown references stay as written. */
function expand(value: string, defined: ReadonlyMap<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) =>
    name === undefined ? '$' : (defined.get(name) ?? match),
  );
}

function fieldValue(pod: KubeObject, path: string): string {
  const spec = (pod.spec ?? {}) as { nodeName?: string; serviceAccountName?: string };
  const status = (pod.status ?? {}) as { podIP?: string; hostIP?: string };
  const labelOrAnnotation = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (labelOrAnnotation) {
    const map = labelOrAnnotation[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations;
    return map?.[labelOrAnnotation[2]!] ?? '';
  }
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': spec.nodeName,
    'spec.serviceAccountName': spec.serviceAccountName,
    'status.podIP': status.podIP,
    'status.hostIP': status.hostIP,
  };
  return fields[path] ?? '';
}

/** `my-svc` → `MY_SVC`, as Docker links name their variables. */
function linkName(service: string): string {
  return service.toUpperCase().replace(/-/g, '_');
}

/** The variables one Service gives a container: host, ports, and Docker-link style addresses. */
export function serviceVariables(service: KubeObject): string[] {
  const spec = (service.spec ?? {}) as {
    clusterIP?: string;
    ports?: { name?: string; port: number; protocol?: string }[];
  };
  const ip = spec.clusterIP ?? '';
  const ports = spec.ports ?? [];
  if (ip === '' || ip === 'None' || ports.length === 0) return [];
  const name = linkName(service.metadata.name ?? '');
  const first = ports[0]!;
  const vars = [`${name}_SERVICE_PORT=${first.port}`];
  for (const port of ports)
    if (port.name) vars.push(`${name}_SERVICE_PORT_${linkName(port.name)}=${port.port}`);
  const url = (port: { port: number; protocol?: string }) =>
    `${(port.protocol ?? 'TCP').toLowerCase()}://${ip}:${port.port}`;
  vars.push(`${name}_PORT=${url(first)}`);
  for (const port of ports) {
    const protocol = port.protocol ?? 'TCP';
    const prefix = `${name}_PORT_${port.port}_${protocol}`;
    vars.push(
      `${prefix}=${url(port)}`,
      `${prefix}_PROTO=${protocol.toLowerCase()}`,
      `${prefix}_PORT=${port.port}`,
      `${prefix}_ADDR=${ip}`,
    );
  }
  vars.push(`${name}_SERVICE_HOST=${ip}`);
  return vars;
}

export function containerEnvironment(
  pod: KubeObject,
  container: EnvContainer,
  sources: EnvSources,
): string[] {
  const defined = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    const data = from.configMapRef?.name
      ? dataOf(sources.configMap(from.configMapRef.name), false)
      : from.secretRef?.name
        ? dataOf(sources.secret(from.secretRef.name), true)
        : {};
    for (const key of Object.keys(data).sort()) {
      // Keys that are not valid variable names are skipped, as the kubelet does.
      if (/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(prefix + key)) defined.set(prefix + key, data[key]!);
    }
  }
  for (const env of container.env ?? []) {
    const from = env.valueFrom;
    let value: string | undefined;
    if (from?.configMapKeyRef) {
      value = dataOf(sources.configMap(from.configMapKeyRef.name ?? ''), false)[
        from.configMapKeyRef.key ?? ''
      ];
    } else if (from?.secretKeyRef) {
      value = dataOf(sources.secret(from.secretKeyRef.name ?? ''), true)[from.secretKeyRef.key ?? ''];
    } else if (from?.fieldRef) {
      value = fieldValue(pod, from.fieldRef.fieldPath);
    } else {
      value = expand(env.value ?? '', defined);
    }
    // An optional reference that is missing defines nothing.
    if (value !== undefined) defined.set(env.name, value);
  }
  const own = [...defined].map(([k, v]) => `${k}=${v}`);
  const linked = sources
    .services()
    .flatMap(serviceVariables)
    .filter((v) => !defined.has(v.slice(0, v.indexOf('='))));
  return [IMAGE_PATH, `HOSTNAME=${pod.metadata.name ?? ''}`, ...own, ...linked, 'HOME=/root'];
}
