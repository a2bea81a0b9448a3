/**
 * Where the Traffic panel can send requests: each Service by name (from inside the
 * cluster), each NodePort or LoadBalancer Service through a worker's node port (from
 * outside), and each Ingress host once its controller has published an address.
 */
import type { MirroredObject } from '../state/cluster-store.ts';

export interface TrafficTarget {
  readonly label: string;
  /** The `sim request` target and namespace. */
  readonly target: string;
  readonly namespace: string;
  /** Traffic from outside the cluster only (node ports, Ingress hosts). */
  readonly outside: boolean;
}

/** `80:32288/TCP,443:31000/TCP` → 32288: the first node port of a Service's PORT(S). */
function firstNodePort(ports: string): string | undefined {
  return /^\d+:(\d+)\//.exec(ports)?.[1];
}

/** `8081:30000/TCP` → `:8081`: the first port of a Service's PORT(S), left out when it is HTTP's 80. */
function portSuffix(ports: string): string {
  const port = /^(\d+)/.exec(ports)?.[1];
  return port && port !== '80' ? `:${port}` : '';
}

export function trafficTargets(objects: readonly MirroredObject[]): TrafficTarget[] {
  const workerIp = objects.find((o) => o.kind === 'Node' && o.name !== 'kubesim-control-plane')?.display
    .address;
  const targets: TrafficTarget[] = [];
  // The cluster's own Services (the API server, DNS) serve no web pages.
  const services = objects.filter(
    (o) => o.kind === 'Service' && o.name !== 'kubernetes' && o.namespace !== 'kube-system',
  );
  for (const svc of services) {
    const namespace = svc.namespace ?? 'default';
    const target = `${svc.name}${portSuffix(svc.display.service?.ports ?? '')}`;
    targets.push({ label: `${namespace}/${svc.name}`, target, namespace, outside: false });
    const nodePort = firstNodePort(svc.display.service?.ports ?? '');
    if (nodePort && workerIp) {
      targets.push({
        label: `${namespace}/${svc.name} via ${workerIp}:${nodePort}`,
        target: `${workerIp}:${nodePort}`,
        namespace,
        outside: true,
      });
    }
  }
  for (const ingress of objects.filter((o) => o.kind === 'Ingress' && o.display.address)) {
    for (const host of ingress.display.hosts ?? []) {
      targets.push({
        label: `${host} (Ingress)`,
        target: host,
        namespace: ingress.namespace ?? 'default',
        outside: true,
      });
    }
  }
  return targets;
}

/** The `sim request` line for a target, sent from a pod (`namespace/name`) or from outside. */
export function requestCommand(target: TrafficTarget, count: number, from: string, credentials = ''): string {
  const pod = target.outside || from === 'outside' ? '' : (from.split('/')[1] ?? '');
  // Basic-auth credentials are one shell word: quote them unless they are plain.
  const user = credentials.trim();
  const auth = user ? ` -u ${/^[\w.:@-]+$/.test(user) ? user : `'${user.replace(/'/g, `'\\''`)}'`}` : '';
  return `sim request ${target.target} --count ${count} --from ${pod || 'outside'}${auth} -n ${target.namespace}`;
}
