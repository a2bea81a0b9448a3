/**
 * Engine benchmarks (`npm run bench`). Figures depend on the machine: compare runs on the
 * same machine, and read the ratios more than the absolute numbers.
 *
 *   store: etcd-analogue writes per second with 10 watchers receiving every event
 *   apiserver: Pod creates per second through the full pipeline (decode, default, admit,
 *              validate, persist, trace), 10,000 pods
 *   watch delivery: events delivered per second to 5 informer-style watches on the virtual clock
 */
import { MvccStore } from '../src/engine/store/mvcc-store.ts';
import { Session } from '../src/engine/session.ts';
import { resourceOf } from '../src/engine/cluster/cluster.ts';
import type { KubeObject } from '../src/engine/api/types.ts';
import { benchDeploymentScale } from './deployment-scale.ts';

const PODS = Number(process.env.BENCH_PODS ?? 10_000);

function pod(i: number, namespace = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace, labels: { app: 'web', shard: String(i % 10) } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
  };
}

function time<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

function report(name: string, count: number, ms: number, unit: string): void {
  const perSecond = Math.round((count / ms) * 1000);
  console.log(
    `${name.padEnd(44)} ${String(count).padStart(8)} ${unit} in ${ms.toFixed(0).padStart(6)} ms  = ${perSecond.toLocaleString('en-US').padStart(10)} ${unit}/s`,
  );
}

function benchStore(): void {
  const store = new MvccStore({ freeze: true });
  let delivered = 0;
  for (let w = 0; w < 10; w++) store.watch('/registry/pods/', 0, () => delivered++);
  const { ms } = time(() => {
    for (let i = 0; i < PODS; i++) store.create(`/registry/pods/default/web-${i}`, pod(i));
    for (let i = 0; i < PODS; i++) store.update(`/registry/pods/default/web-${i}`, pod(i));
  });
  report('store writes (10 watchers each)', PODS * 2, ms, 'writes');
  report('store watch fan-out', delivered, ms, 'events');
}

function benchApiServer(): void {
  const session = new Session({ seed: 1, workers: 3 });
  const client = session.cluster.client('bench');
  const pods = resourceOf('Pod');
  const heapBefore = process.memoryUsage().heapUsed;
  const { ms } = time(() => {
    for (let i = 0; i < PODS; i++) client.create(pods, pod(i));
  });
  report('apiserver pod creates (full pipeline)', PODS, ms, 'creates');
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(`${'heap growth for the pods and their trace'.padEnd(44)} ${heapMb.toFixed(0).padStart(8)} MB`);

  let delivered = 0;
  for (let w = 0; w < 5; w++) {
    client.watch(
      pods,
      undefined,
      { resourceVersion: String(session.cluster.store.revision) },
      { onEvent: () => delivered++ },
    );
  }
  const { ms: deliverMs } = time(() => {
    for (let i = 0; i < PODS; i++) client.delete(pods, 'default', `web-${i}`);
    session.cluster.settle();
  });
  report('pod deletes + watch delivery to 5 watchers', delivered, deliverMs, 'events');
}

console.log(`kubesim engine benchmarks (node ${process.version}, ${PODS} pods)`);
benchStore();
benchApiServer();
if (process.env.BENCH_SKIP_SCALE !== '1') benchDeploymentScale();
