/** Containers, volumes and pod templates as describe prints them (shared by pods and workloads). */
import type { JsonValue } from '../../api/types.ts';
import { parseQuantity, formatQuantity } from '../../apiserver/validation/quantity.ts';
import type { DescribeWriter } from './describe-writer.ts';
import {
  arr,
  goBool,
  goDuration,
  num,
  obj,
  rfc1123z,
  s,
  tolerationLines,
  writeAnnotations,
  writeLabels,
  writeMultiline,
  type Obj,
} from './format.ts';

function intOrString(v: JsonValue | undefined): string {
  return typeof v === 'number' ? String(v) : s(v);
}

export function describeProbe(probe: Obj): string {
  const attrs = `delay=${goDuration(num(probe.initialDelaySeconds))} timeout=${goDuration(num(probe.timeoutSeconds, 1))} period=${goDuration(num(probe.periodSeconds, 10))} #success=${num(probe.successThreshold, 1)} #failure=${num(probe.failureThreshold, 3)}`;
  if (probe.exec) return `exec [${arr(obj(probe.exec).command).map(s).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const h = obj(probe.httpGet);
    const host = s(h.host);
    const port = intOrString(h.port);
    const hostPort = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    const path = s(h.path);
    const scheme = s(h.scheme).toLowerCase();
    const url = `${scheme ? `${scheme}:` : ''}//${hostPort}${path && !path.startsWith('/') ? `/${path}` : path}`;
    return `http-get ${url} ${attrs}`;
  }
  if (probe.tcpSocket) {
    const t = obj(probe.tcpSocket);
    return `tcp-socket ${s(t.host)}:${intOrString(t.port)} ${attrs}`;
  }
  if (probe.grpc) {
    const g = obj(probe.grpc);
    return `grpc <pod>:${num(g.port)} ${s(g.service)} ${attrs}`;
  }
  return `unknown ${attrs}`;
}

function writeState(w: DescribeWriter, title: string, state: Obj): void {
  if (state.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(obj(state.running).startedAt)}\n`);
  } else if (state.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    const reason = s(obj(state.waiting).reason);
    if (reason) w.write(3, `Reason:\t${reason}\n`);
  } else if (state.terminated) {
    const t = obj(state.terminated);
    w.write(2, `${title}:\tTerminated\n`);
    if (s(t.reason)) w.write(3, `Reason:\t${s(t.reason)}\n`);
    if (s(t.message)) w.write(3, `Message:\t${s(t.message)}\n`);
    w.write(3, `Exit Code:\t${num(t.exitCode)}\n`);
    if (num(t.signal) > 0) w.write(3, `Signal:\t${num(t.signal)}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

/** Resolves a downward-API field for the Environment section of a pod. */
function fieldValue(pod: Obj | undefined, path: string): string {
  if (!pod) return '';
  const meta = obj(pod.metadata);
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  const known: Record<string, JsonValue | undefined> = {
    'metadata.name': meta.name,
    'metadata.namespace': meta.namespace,
    'metadata.uid': meta.uid,
    'spec.nodeName': spec.nodeName,
    'spec.serviceAccountName': spec.serviceAccountName,
    'status.podIP': status.podIP,
    'status.hostIP': status.hostIP,
  };
  return s(known[path]);
}

function writeEnv(w: DescribeWriter, c: Obj, pod: Obj | undefined): void {
  const envFrom = arr(c.envFrom).map(obj);
  if (envFrom.length > 0) {
    w.write(2, 'Environment Variables from:\n');
    for (const from of envFrom) {
      const ref = from.configMapRef ? obj(from.configMapRef) : obj(from.secretRef);
      const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
      const prefix = s(from.prefix) ? ` with prefix '${s(from.prefix)}'` : '';
      w.write(3, `${s(ref.name)}\t${kind}${prefix}\tOptional: ${ref.optional === true}\n`);
    }
  }
  const env = arr(c.env).map(obj);
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = s(e.name);
    if (!e.valueFrom) {
      s(e.value)
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const from = obj(e.valueFrom);
    if (from.fieldRef) {
      const f = obj(from.fieldRef);
      w.write(3, `${name}:\t${fieldValue(pod, s(f.fieldPath))} (${s(f.apiVersion)}:${s(f.fieldPath)})\n`);
    } else if (from.resourceFieldRef) {
      const r = obj(from.resourceFieldRef);
      w.write(3, `${name}:\t (${s(r.resource)})\n`);
    } else if (from.secretKeyRef) {
      const r = obj(from.secretKeyRef);
      w.write(
        3,
        `${name}:\t<set to the key '${s(r.key)}' in secret '${s(r.name)}'>\tOptional: ${r.optional === true}\n`,
      );
    } else if (from.configMapKeyRef) {
      const r = obj(from.configMapKeyRef);
      w.write(
        3,
        `${name}:\t<set to the key '${s(r.key)}' of config map '${s(r.name)}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function writeResources(w: DescribeWriter, resources: Obj): void {
  for (const [title, list] of [
    ['Limits', obj(resources.limits)],
    ['Requests', obj(resources.requests)],
  ] as const) {
    const names = Object.keys(list).sort();
    if (names.length > 0) w.write(2, `${title}:\n`);
    for (const n of names) {
      const q = parseQuantity(list[n]);
      w.write(3, `${n}:\t${q ? formatQuantity(q) : s(list[n])}\n`);
    }
  }
}

/** describeContainers: `statuses` and `pod` are absent for templates. */
export function writeContainers(
  w: DescribeWriter,
  title: string,
  containers: readonly Obj[],
  statuses: readonly Obj[] | undefined,
  space: string,
  pod?: Obj,
): void {
  w.write(0, `${space}${title}:\n`);
  for (const c of containers) {
    const status = statuses?.find((st) => st.name === c.name);
    w.write(1, `${space ? ' ' : ''}${s(c.name)}:\n`);
    if (status) w.write(2, `Container ID:\t${s(status.containerID)}\n`);
    w.write(2, `Image:\t${s(c.image)}\n`);
    if (status) w.write(2, `Image ID:\t${s(status.imageID)}\n`);
    const ports = arr(c.ports).map(obj);
    const portText = ports.map((p) => `${num(p.containerPort)}/${s(p.protocol) || 'TCP'}`).join(', ');
    const hostText = ports.map((p) => `${num(p.hostPort)}/${s(p.protocol) || 'TCP'}`).join(', ');
    if (portText.includes(',')) w.write(2, `Ports:\t${portText}\n`);
    else w.write(2, `Port:\t${portText || '<none>'}\n`);
    if (hostText.includes(',')) w.write(2, `Host Ports:\t${hostText}\n`);
    else w.write(2, `Host Port:\t${hostText || '<none>'}\n`);
    for (const [key, label] of [
      ['command', 'Command'],
      ['args', 'Args'],
    ] as const) {
      const words = arr(c[key]).map(s);
      if (words.length === 0) continue;
      w.write(2, `${label}:\n`);
      for (const word of words) for (const line of word.split('\n')) w.write(3, `${line}\n`);
    }
    if (status) {
      writeState(w, 'State', obj(status.state));
      if (obj(status.lastState).terminated) writeState(w, 'Last State', obj(status.lastState));
      w.write(2, `Ready:\t${goBool(status.ready)}\n`);
      w.write(2, `Restart Count:\t${num(status.restartCount)}\n`);
    }
    writeResources(w, obj(c.resources));
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(obj(c.livenessProbe))}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(obj(c.readinessProbe))}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(obj(c.startupProbe))}\n`);
    writeEnv(w, c, pod);
    const mounts = arr(c.volumeMounts)
      .map(obj)
      .sort((a, b) => (s(a.mountPath) < s(b.mountPath) ? -1 : s(a.mountPath) > s(b.mountPath) ? 1 : 0));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly === true ? 'ro' : 'rw'];
      if (s(m.subPath)) flags.push(`path=${JSON.stringify(s(m.subPath))}`);
      w.write(3, `${s(m.mountPath)} from ${s(m.name)} (${flags.join(',')})\n`);
    }
  }
}

function optional(v: JsonValue | undefined): string {
  return v === true ? 'true' : 'false';
}

export function writeVolumes(w: DescribeWriter, volumes: readonly Obj[], space: string): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${s(v.name)}:\n`);
    if (v.hostPath) {
      const h = obj(v.hostPath);
      w.write(
        2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${s(h.path)}\n    HostPathType:\t${s(h.type)}\n`,
      );
    } else if (v.emptyDir) {
      const e = obj(v.emptyDir);
      const limit = parseQuantity(e.sizeLimit);
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n`);
      w.write(2, `Medium:\t${s(e.medium)}\n`);
      w.write(2, `SizeLimit:\t${limit ? formatQuantity(limit) : '<unset>'}\n`);
    } else if (v.secret) {
      const sec = obj(v.secret);
      w.write(
        2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s(sec.secretName)}\n    Optional:\t${optional(sec.optional)}\n`,
      );
    } else if (v.configMap) {
      const cm = obj(v.configMap);
      w.write(
        2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${s(cm.name)}\n    Optional:\t${optional(cm.optional)}\n`,
      );
    } else if (v.persistentVolumeClaim) {
      const p = obj(v.persistentVolumeClaim);
      w.write(
        2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${s(p.claimName)}\n    ReadOnly:\t${p.readOnly === true}\n`,
      );
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const src of arr(obj(v.projected).sources).map(obj)) {
        if (src.secret) {
          const sec = obj(src.secret);
          w.write(2, `SecretName:\t${s(sec.name)}\n    Optional:\t${optional(sec.optional)}\n`);
        } else if (src.downwardAPI) {
          w.write(2, 'DownwardAPI:\ttrue\n');
        } else if (src.configMap) {
          const cm = obj(src.configMap);
          w.write(2, `ConfigMapName:\t${s(cm.name)}\n    Optional:\t${optional(cm.optional)}\n`);
        } else if (src.serviceAccountToken) {
          w.write(2, `TokenExpirationSeconds:\t${num(obj(src.serviceAccountToken).expirationSeconds)}\n`);
        }
      }
    } else if (v.downwardAPI) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of arr(obj(v.downwardAPI).items).map(obj)) {
        w.write(3, `${s(obj(item.fieldRef).fieldPath)} -> ${s(item.path)}\n`);
      }
    } else {
      w.write(2, '<unknown>\n');
    }
  }
}

export function writePodTemplate(w: DescribeWriter, template: Obj): void {
  w.write(0, 'Pod Template:\n');
  const meta = obj(template.metadata);
  const spec = obj(template.spec);
  writeLabels(w, 0, '  Labels', meta.labels);
  if (Object.keys(obj(meta.annotations)).length > 0) writeAnnotations(w, 1, meta.annotations);
  if (s(spec.serviceAccountName)) w.write(1, `Service Account:\t${s(spec.serviceAccountName)}\n`);
  const inits = arr(spec.initContainers).map(obj);
  if (inits.length > 0) writeContainers(w, 'Init Containers', inits, undefined, '  ');
  writeContainers(w, 'Containers', arr(spec.containers).map(obj), undefined, '  ');
  writeVolumes(w, arr(spec.volumes).map(obj), '  ');
  if (s(spec.priorityClassName)) w.write(1, `Priority Class Name:\t${s(spec.priorityClassName)}\n`);
  writeLabels(w, 0, '  Node-Selectors', spec.nodeSelector);
  writeMultiline(w, 0, '  Tolerations', tolerationLines(spec.tolerations));
}
