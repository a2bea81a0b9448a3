/**
 * Scale benchmark: a Deployment scaled to 30,000 replicas on 1,000 worker nodes, from
 * `kubectl apply` until every pod is Running. Reports wall time, pods reaching Running per
 * wall second and peak heap. Sizes can be lowered with BENCH_REPLICAS / BENCH_NODES.
 */
import { Session } from '../src/engine/session.ts';
import { resourceOf } from '../src/engine/cluster/cluster.ts';

const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 30_000);
const NODES = Number(process.env.BENCH_NODES ?? 1_000);
/** Give up after this much wall time, and report how far it got. */
const WALL_LIMIT_MS = Number(process.env.BENCH_WALL_LIMIT_MS ?? 180_000);
/** Virtual time per step of the run loop. */
const STEP_MS = 5_000;

export function benchDeploymentScale(): void {
  let peakHeap = 0;
  const sampleHeap = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const setupStart = performance.now();
  const session = new Session({ seed: 1, workers: NODES, traceCapacity: 50_000 });
  const setupMs = performance.now() - setupStart;
  sampleHeap();

  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${REPLICAS}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests:
            cpu: 10m
            memory: 16Mi
`;
  const start = performance.now();
  const applied = session.exec('kubectl apply -f -', manifest);
  if (applied.exitCode !== 0) throw new Error(applied.text);
  const pods = resourceOf('Pod');
  const countRunning = () =>
    session.cluster.store
      .list('/registry/pods/default/')
      .items.filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running').length;
  let running = 0;
  let virtualMs = 0;
  while (running < REPLICAS && performance.now() - start < WALL_LIMIT_MS) {
    session.cluster.advance(STEP_MS);
    virtualMs += STEP_MS;
    running = countRunning();
    sampleHeap();
  }
  const wallMs = performance.now() - start;
  void pods;
  const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
  console.log(`\nDeployment of ${REPLICAS} replicas on ${NODES} workers (node ${process.version})`);
  line('cluster set-up (wall)', `${(setupMs / 1000).toFixed(1)} s`);
  line('pods Running', `${running} of ${REPLICAS}${running < REPLICAS ? ' (wall-time limit reached)' : ''}`);
  line('wall time, apply to all Running', `${(wallMs / 1000).toFixed(1)} s`);
  line('virtual time, apply to all Running', `${(virtualMs / 1000).toFixed(0)} s`);
  line(
    'pods reaching Running per wall second',
    `${Math.round(running / (wallMs / 1000)).toLocaleString('en-US')}`,
  );
  line('peak heap', `${Math.round(peakHeap / 1024 / 1024)} MB`);
}
