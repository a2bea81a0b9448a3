/**
 * The objects `kubectl create configmap|secret|service` build from their flags (kubectl's
 * generators), and their flag errors as kubectl words them.
 */
import type { KubeObject } from '../../api/types.ts';
import { encodeBase64 } from '../../node/runtime/base64.ts';

export type Generated = { object: KubeObject } | { error: string };

/** `--from-literal=key=value` pairs, `--from-file=[key=]path` files, in flag order. */
export interface DataSources {
  readonly literals: readonly string[];
  readonly files: readonly string[];
  readonly readFile: (path: string) => string | undefined;
}

function collectData(sources: DataSources): { data: Record<string, string> } | { error: string } {
  const data: Record<string, string> = {};
  for (const literal of sources.literals) {
    const at = literal.indexOf('=');
    if (at <= 0) return { error: `error: invalid literal source ${literal}, expected key=value` };
    data[literal.slice(0, at)] = literal.slice(at + 1);
  }
  for (const spec of sources.files) {
    const at = spec.indexOf('=');
    const path = at > 0 ? spec.slice(at + 1) : spec;
    const key = at > 0 ? spec.slice(0, at) : path.slice(path.lastIndexOf('/') + 1);
    const text = sources.readFile(path);
    if (text === undefined) return { error: `error: error reading ${path}: no such file or directory` };
    data[key] = text;
  }
  return { data };
}

export function configMapFor(name: string, sources: DataSources): Generated {
  const collected = collectData(sources);
  if ('error' in collected) return collected;
  const { data } = collected;
  return {
    object: {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name },
      ...(Object.keys(data).length ? { data } : {}),
    } as KubeObject,
  };
}

export function genericSecretFor(name: string, type: string, sources: DataSources): Generated {
  const collected = collectData(sources);
  if ('error' in collected) return collected;
  const encoded = Object.fromEntries(Object.entries(collected.data).map(([k, v]) => [k, encodeBase64(v)]));
  return {
    object: {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name },
      ...(Object.keys(encoded).length ? { data: encoded } : {}),
      ...(type ? { type } : {}),
    } as KubeObject,
  };
}

export function tlsSecretFor(name: string, cert: string | undefined, key: string | undefined): Generated {
  if (cert === undefined || key === undefined) {
    return { error: 'error: open : no such file or directory' };
  }
  if (!cert.includes('-----BEGIN'))
    return { error: 'error: tls: failed to find any PEM data in certificate input' };
  if (!key.includes('-----BEGIN')) return { error: 'error: tls: failed to find any PEM data in key input' };
  return {
    object: {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name },
      data: { 'tls.crt': encodeBase64(cert), 'tls.key': encodeBase64(key) },
      type: 'kubernetes.io/tls',
    } as KubeObject,
  };
}

export type ServiceKind = 'clusterip' | 'nodeport' | 'loadbalancer' | 'externalname';

const SERVICE_TYPES: Record<ServiceKind, string> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

export interface ServiceOptions {
  readonly tcp: readonly string[];
  readonly nodePort: number;
  readonly clusterIP: string;
  readonly externalName: string;
}

/** `kubectl create service TYPE NAME --tcp=port[:targetPort]`. */
export function serviceFor(kind: ServiceKind, name: string, o: ServiceOptions): Generated {
  const ports = [];
  for (const spec of o.tcp) {
    const [port, target = port] = spec.split(':');
    if (!/^\d+$/.test(port ?? '') || !/^\d+$/.test(target ?? '')) {
      return { error: `error: invalid port number: ${spec}` };
    }
    ports.push({
      name: port === target ? port! : `${port}-${target}`,
      port: Number(port),
      protocol: 'TCP',
      targetPort: Number(target),
      ...(kind === 'nodeport' && o.nodePort > 0 ? { nodePort: o.nodePort } : {}),
    });
  }
  if (kind !== 'externalname' && ports.length === 0 && o.clusterIP !== 'None') {
    return { error: 'error: at least one tcp port specifier must be provided' };
  }
  const labels = { app: name };
  return {
    object: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name, labels },
      spec: {
        ...(ports.length ? { ports } : {}),
        ...(kind !== 'externalname' ? { selector: { ...labels } } : {}),
        ...(o.clusterIP ? { clusterIP: o.clusterIP } : {}),
        type: SERVICE_TYPES[kind],
        ...(kind === 'externalname' ? { externalName: o.externalName } : {}),
      },
      status: { loadBalancer: {} },
    } as KubeObject,
  };
}

export interface DockerRegistryOptions {
  readonly server: string;
  readonly username: string;
  readonly password: string;
  readonly email: string;
}

/** `kubectl create secret docker-registry`: a `.dockerconfigjson` with one registry's credentials. */
export function dockerRegistrySecretFor(name: string, o: DockerRegistryOptions): Generated {
  if (!o.username || !o.password || !o.server) {
    return {
      error:
        'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
    };
  }
  // Field order as Go marshals kubectl's DockerConfigEntry; email is left out when empty.
  const entry = {
    username: o.username,
    password: o.password,
    ...(o.email ? { email: o.email } : {}),
    auth: encodeBase64(`${o.username}:${o.password}`),
  };
  const config = JSON.stringify({ auths: { [o.server]: entry } });
  return {
    object: {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name },
      data: { '.dockerconfigjson': encodeBase64(config) },
      type: 'kubernetes.io/dockerconfigjson',
    } as KubeObject,
  };
}
