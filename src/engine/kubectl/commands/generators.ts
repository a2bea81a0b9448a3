/** The objects `kubectl create deployment` and `kubectl run` build (kubectl's generators). */
import type { KubeObject } from '../../api/types.ts';

/** The container name kubectl derives from an image: its last path element without tag or digest. */
export function containerNameForImage(image: string): string {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return last.split('@')[0]!.split(':')[0]!;
}

export function deploymentFor(
  name: string,
  images: readonly string[],
  replicas: number,
  port: number,
): KubeObject {
  const labels = { app: name };
  const containers = images.map((image) => ({
    name: containerNameForImage(image),
    image,
    ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as KubeObject;
}

export interface RunOptions {
  readonly image: string;
  readonly port: number;
  readonly restart: string;
  readonly command: boolean;
  readonly args: readonly string[];
  readonly labels: Record<string, string>;
  readonly env: readonly { name: string; value: string }[];
  readonly imagePullPolicy: string;
}

export function podFor(name: string, o: RunOptions): KubeObject {
  const container: Record<string, unknown> = { name, image: o.image };
  if (o.args.length > 0) container[o.command ? 'command' : 'args'] = [...o.args];
  if (o.port >= 0) container.ports = [{ containerPort: o.port }];
  if (o.env.length > 0) container.env = o.env.map((e) => ({ ...e }));
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  container.resources = {};
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, labels: { ...o.labels } },
    spec: { containers: [container], restartPolicy: o.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as KubeObject;
}
