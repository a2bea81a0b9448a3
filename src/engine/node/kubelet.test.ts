import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import type { KubeObject } from '../api/types.ts';
import { startKubelets } from './index.ts';
import { requestsFrom, writesFrom } from '../controllers/test-support.ts';
import type { Kubelet } from './kubelet.ts';

/** Parsed JSON, read freely in assertions. */
type Json = ReturnType<typeof JSON.parse>;

const PODS = resourceOf('Pod');
const NODE = 'kubesim-worker';

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 1 });
  cluster.client('test').create(resourceOf('ServiceAccount'), {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'default', namespace: 'default' },
  });
  startKubelets(cluster);
  cluster.settle();
  return { cluster, api: cluster.client('test') };
}

function pod(name: string, containers: unknown[], extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: NODE, containers, ...extra },
  };
}

function status(cluster: Cluster, name: string) {
  return cluster.client('test').get(PODS, 'default', name).status as Json;
}

function events(cluster: Cluster, name: string): string[] {
  return cluster
    .client('test')
    .list(resourceOf('Event'), 'default')
    .items.filter((e) => (e.involvedObject as { name: string }).name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message}${(e.count as number) > 1 ? ` x${e.count}` : ''}`);
}

describe('kubelet', () => {
  it("gives a hostNetwork pod its node's address and keeps the pod range for the others", () => {
    const { cluster, api } = setup();
    api.create(PODS, pod('host', [{ name: 'nginx', image: 'nginx:1.27' }], { hostNetwork: true }));
    api.create(PODS, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.settle();
    expect(status(cluster, 'host').podIP).toBe('172.18.0.3');
    expect(status(cluster, 'host').podIPs).toEqual([{ ip: '172.18.0.3' }]);
    expect(status(cluster, 'web').podIP).toBe('10.244.1.2');
  });

  it('runs an nginx pod to Running with the real events and status', () => {
    const { cluster, api } = setup();
    const since = cluster.trace.lastSeq;
    api.create(PODS, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.settle();
    const s = status(cluster, 'web');
    expect(s.phase).toBe('Running');
    expect(s.podIP).toBe('10.244.1.2');
    expect(s.hostIP).toBe('172.18.0.3');
    expect(s.conditions.map((c: Json) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(s.containerStatuses[0]).toMatchObject({
      name: 'nginx',
      ready: true,
      restartCount: 0,
      started: true,
      image: 'docker.io/library/nginx:1.27',
    });
    expect(s.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const ev = events(cluster, 'web');
    expect(ev[0]).toBe('Normal Pulling Pulling image "nginx:1.27"');
    expect(ev[1]).toMatch(
      /^Normal Pulled Successfully pulled image "nginx:1.27" in [\d.]+s \([\d.]+s including waiting\)\. Image size: \d+ bytes\.$/,
    );
    expect(ev.slice(2)).toEqual([
      'Normal Created Created container: nginx',
      'Normal Started Started container nginx',
    ]);
    expect(writesFrom(cluster.trace, `kubelet/${NODE}`, since).filter((w) => w.includes('pods'))).toEqual([
      'patch pods/default/web/status',
      'patch pods/default/web/status',
      'patch pods/default/web/status',
    ]);
    // A second pod with the same image finds it on the node.
    api.create(PODS, pod('web2', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.settle();
    expect(events(cluster, 'web2')[0]).toBe(
      'Normal Pulled Container image "nginx:1.27" already present on machine',
    );
    expect(status(cluster, 'web2').podIP).toBe('10.244.1.3');
  });

  it('renews its lease every 10 s as periodic work', () => {
    const { cluster } = setup();
    const lease = () =>
      cluster.client('test').get(resourceOf('Lease', 'coordination.k8s.io'), 'kube-node-lease', NODE)
        .spec as Json;
    const first = lease().renewTime;
    const since = cluster.trace.lastSeq;
    cluster.advance(10_000);
    // One lease update; the node status is only posted when it changes (or every 5 minutes).
    expect(requestsFrom(cluster.trace, `kubelet/${NODE}`, since)).toEqual([
      `update leases/kube-node-lease/${NODE}`,
    ]);
    expect(lease().renewTime).not.toBe(first);
    expect(lease().leaseDurationSeconds).toBe(40);
    expect(cluster.settle().settled).toBe(true);
  });

  it('crash-loops a container that exits 1 with a doubling back-off', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('crash', [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 1'] }]),
    );
    cluster.advance(60_000);
    const s = status(cluster, 'crash');
    expect(s.containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    expect(s.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    // Restarts at about 0, 10, 20 s after each crash: 3 restarts within the first minute (plus pull time).
    expect(s.containerStatuses[0].restartCount).toBe(3);
    expect(s.phase).toBe('Running');
    const logs = cluster.kubelets.get(NODE)!.logs(api.get(PODS, 'default', 'crash'), {});
    expect(logs).toBe('boom\n');
  });

  it('counts the back-off from when the last run finished, so a long run still waits before its restart', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('slow-crash', [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 30; exit 1'] }]),
    );
    // First crash about 30 s in: restarted at once. Second crash about 60 s in: 10 s of back-off.
    cluster.advance(70_000);
    const waiting = status(cluster, 'slow-crash').containerStatuses[0];
    expect(waiting.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(waiting.restartCount).toBe(1);
    cluster.advance(10_000);
    const running = status(cluster, 'slow-crash').containerStatuses[0];
    expect(running.restartCount).toBe(2);
    const finished = Date.parse(running.lastState.terminated.finishedAt);
    const restarted = Date.parse(running.state.running.startedAt);
    expect(restarted - finished).toBeGreaterThanOrEqual(10_000);
  });

  it('completes a pod with restartPolicy Never', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('job', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 2; echo done'] }], {
        restartPolicy: 'Never',
      }),
    );
    cluster.settle();
    const s = status(cluster, 'job');
    expect(s.phase).toBe('Succeeded');
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.conditions.map((c: Json) => `${c.type}=${c.status}/${c.reason ?? ''}`)).toEqual([
      'PodReadyToStartContainers=False/',
      'Initialized=True/PodCompleted',
      'Ready=False/PodCompleted',
      'ContainersReady=False/PodCompleted',
      'PodScheduled=True/',
    ]);
  });

  it('reports ErrImagePull then ImagePullBackOff for an unknown tag', () => {
    const { cluster, api } = setup();
    api.create(PODS, pod('typo', [{ name: 'nginx', image: 'nginx:1.277' }]));
    cluster.settle();
    expect(status(cluster, 'typo').containerStatuses[0].state.waiting.reason).toBe('ImagePullBackOff');
    expect(events(cluster, 'typo')).toContain(
      'Warning Failed Failed to pull image "nginx:1.277": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found',
    );
  });

  it('terminates gracefully and deletes the pod', () => {
    const { cluster, api } = setup();
    api.create(PODS, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.settle();
    api.delete(PODS, 'default', 'web');
    cluster.settle();
    expect(() => api.get(PODS, 'default', 'web')).toThrow(/not found/);
    expect(events(cluster, 'web')).toContain('Normal Killing Stopping container nginx');
  });

  it('stops reporting when stopped', () => {
    const { cluster } = setup();
    const kubelet = cluster.component<Kubelet>(`kubelet/${NODE}`)!;
    kubelet.stop();
    const lease = () =>
      (
        cluster.client('test').get(resourceOf('Lease', 'coordination.k8s.io'), 'kube-node-lease', NODE)
          .spec as Json
      ).renewTime;
    const before = lease();
    cluster.advance(60_000);
    expect(lease()).toBe(before);
    kubelet.start();
    expect(lease()).not.toBe(before);
  });

  it('runs init containers in order before the app container', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('init', [{ name: 'app', image: 'nginx:1.27' }], {
        initContainers: [
          { name: 'first', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] },
          { name: 'second', image: 'busybox:1.36', command: ['sh', '-c', 'echo ok'] },
        ],
      }),
    );
    cluster.advance(2000);
    const early = status(cluster, 'init');
    expect(early.phase).toBe('Pending');
    expect(early.conditions[1]).toMatchObject({
      type: 'Initialized',
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [first second]',
    });
    expect(early.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(
      cluster.kubelets.get(NODE)!.logs(api.get(PODS, 'default', 'init'), { container: 'app' }),
    ).toMatchObject({
      message: 'container "app" in pod "init" is waiting to start: PodInitializing',
    });
    cluster.settle();
    const s = status(cluster, 'init');
    expect(s.phase).toBe('Running');
    expect(s.initContainerStatuses.map((c: Json) => c.state.terminated.reason)).toEqual([
      'Completed',
      'Completed',
    ]);
    const order = events(cluster, 'init').filter((e) => e.includes('Started'));
    expect(order).toEqual([
      'Normal Started Started container first',
      'Normal Started Started container second',
      'Normal Started Started container app',
    ]);
  });

  it('keeps restarting with 10 s doubling back-off up to 5 minutes', () => {
    const { cluster, api } = setup();
    api.create(PODS, pod('loop', [{ name: 'c', image: 'busybox:1.36', command: ['false'] }]));
    const restarts: number[] = [];
    for (let t = 0; t < 10 * 60; t += 5) {
      cluster.advance(5000);
      restarts.push(status(cluster, 'loop').containerStatuses[0].restartCount);
    }
    const firstAt = (n: number) => (restarts.indexOf(n) + 1) * 5;
    // Restart n happens about 10·2^(n-2) s after the previous one (the first at once), capped at 300 s.
    expect([1, 2, 3, 4, 5, 6].map(firstAt)).toEqual([5, 15, 35, 75, 155, 315]);
    expect(restarts.at(-1)).toBe(6);
    const s = status(cluster, 'loop').containerStatuses[0];
    expect(s.state.waiting.message).toMatch(
      /^back-off 5m0s restarting failed container=c pod=loop_default\(/,
    );
  });

  it('waits in CreateContainerConfigError for a missing ConfigMap', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('cfg', [{ name: 'c', image: 'nginx:1.27', envFrom: [{ configMapRef: { name: 'settings' } }] }]),
    );
    cluster.advance(5000);
    expect(status(cluster, 'cfg').containerStatuses[0].state.waiting).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'configmap "settings" not found',
    });
    expect(events(cluster, 'cfg')).toContain('Warning Failed Error: configmap "settings" not found');
    api.create(resourceOf('ConfigMap'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'default' },
      data: { A: '1' },
    });
    cluster.advance(30_000);
    expect(status(cluster, 'cfg').phase).toBe('Running');
  });

  it('OOM-kills a container whose usage exceeds its memory limit', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('oom', [
        {
          name: 'c',
          image: 'polinux/stress',
          command: ['stress'],
          args: ['--vm', '1', '--vm-bytes', '250M'],
          resources: { limits: { memory: '100Mi' } },
        },
      ]),
    );
    cluster.advance(15_000);
    const c = status(cluster, 'oom').containerStatuses[0];
    expect(c.lastState.terminated ?? c.state.terminated).toMatchObject({
      reason: 'OOMKilled',
      exitCode: 137,
    });
  });

  it('turns a readiness probe on a port nobody listens on into Ready=False with Unhealthy events', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('probe', [
        { name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 8080 } } },
      ]),
    );
    cluster.advance(60_000);
    const s = status(cluster, 'probe');
    expect(s.phase).toBe('Running');
    expect(s.containerStatuses[0].ready).toBe(false);
    expect(events(cluster, 'probe').at(-1)).toMatch(
      /^Warning Unhealthy Readiness probe failed: Get "http:\/\/10\.244\.1\.2:8080\/": dial tcp 10\.244\.1\.2:8080: connect: connection refused x\d+$/,
    );
  });

  it('restarts a container whose liveness probe fails (the classic exec example)', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('live', [
        {
          name: 'liveness',
          image: 'busybox:1.36',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: {
            exec: { command: ['cat', '/tmp/healthy'] },
            initialDelaySeconds: 5,
            periodSeconds: 5,
          },
        },
      ]),
    );
    cluster.advance(35_000);
    expect(status(cluster, 'live').containerStatuses[0].restartCount).toBe(0);
    cluster.advance(60_000);
    expect(status(cluster, 'live').containerStatuses[0].restartCount).toBe(1);
    const ev = events(cluster, 'live');
    expect(ev).toContain(
      "Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n x3",
    );
    expect(ev).toContain('Normal Killing Container liveness failed liveness probe, will be restarted');
  });

  it('serves logs and exec like the kubelet', () => {
    const { cluster, api } = setup();
    api.create(
      PODS,
      pod('echo', [
        {
          name: 'c',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'echo one; echo two; sleep 3600'],
          env: [{ name: 'GREETING', value: 'hi' }],
        },
      ]),
    );
    const kubelet = () => cluster.kubelets.get(NODE)!;
    const current = () => api.get(PODS, 'default', 'echo');
    expect(kubelet().logs(current(), {})).toMatchObject({
      code: 400,
      message: 'container "c" in pod "echo" is waiting to start: ContainerCreating',
    });
    cluster.settle();
    expect(kubelet().logs(current(), {})).toBe('one\ntwo\n');
    expect(kubelet().logs(current(), { tailLines: 1 })).toBe('two\n');
    expect(kubelet().logs(current(), { previous: true })).toMatchObject({
      message: 'previous terminated container "c" in pod "echo" not found',
    });
    expect(kubelet().logs(current(), { container: 'x' })).toMatchObject({
      message: 'container x is not valid for pod echo',
    });
    expect(kubelet().exec(current(), undefined, ['hostname'])).toEqual({
      stdout: 'echo\n',
      stderr: '',
      exitCode: 0,
    });
    expect(
      kubelet().exec(current(), undefined, ['sh', '-c', 'env | grep GREETING | wc -l; env | grep -q NOPE']),
    ).toEqual({
      stdout: '1\n',
      stderr: '',
      exitCode: 1,
    });
    expect(kubelet().exec(current(), undefined, ['sh', '-c', 'env | grep GREET'])).toMatchObject({
      stdout: 'GREETING=hi\n',
    });
    expect(kubelet().exec(current(), undefined, ['sh', '-c', 'nope'])).toEqual({
      stdout: '',
      stderr: 'sh: nope: not found\n',
      exitCode: 127,
    });
    expect(kubelet().exec(current(), undefined, ['nope'])).toMatchObject({
      code: 500,
      message: expect.stringMatching(
        /^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in \$PATH: unknown$/,
      ),
    });
    expect(kubelet().exec(current(), undefined, ['sh', '-c', 'echo $0; printenv GREETING'])).toMatchObject({
      stdout: '$0\nhi\n',
    });
  });

  it('writes nothing more once a pod is settled', () => {
    const { cluster, api } = setup();
    api.create(PODS, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.settle();
    const since = cluster.trace.lastSeq;
    const kubelet = cluster.component<Kubelet>(`kubelet/${NODE}`)!;
    for (const rec of kubelet.pods.values()) kubelet.worker.drive(rec);
    cluster.settle();
    expect(writesFrom(cluster.trace, `kubelet/${NODE}`, since)).toEqual([]);
  });

  it('re-asserts Ready when another component marked the pod not ready', () => {
    const { cluster, api } = setup();
    api.create(PODS, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.settle();
    const current = api.get(PODS, 'default', 'web');
    const conditions = (current.status as Json).conditions.map((c: Json) =>
      c.type === 'Ready' ? { ...c, status: 'False' } : c,
    );
    api.patch(PODS, 'default', 'web', 'merge', { status: { conditions } }, 'status');
    cluster.settle();
    const ready = status(cluster, 'web').conditions.find((c: Json) => c.type === 'Ready');
    expect(ready.status).toBe('True');
  });

  it('starts a kubelet for a node added later', () => {
    const { cluster, api } = setup();
    cluster.addNode({ name: 'extra' });
    cluster.settle();
    expect(cluster.kubelets.has('extra')).toBe(true);
    api.create(PODS, {
      ...pod('late', [{ name: 'nginx', image: 'nginx:1.27' }]),
      spec: { nodeName: 'extra', containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    });
    cluster.settle();
    expect(status(cluster, 'late').podIP).toBe('10.244.4.2');
    expect(status(cluster, 'late').phase).toBe('Running');
  });

  it('reports simulated usage of running containers', () => {
    const { cluster, api } = setup();
    api.create(PODS, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    cluster.settle();
    const kubelet = cluster.component<Kubelet>(`kubelet/${NODE}`)!;
    const nginx = { name: 'nginx', cpuMillis: 1, memoryBytes: 12 * 1024 * 1024 };
    expect(kubelet.podUsage('default', 'web')).toEqual([{ ...nginx, startedAt: expect.any(Number) }]);
    expect(kubelet.podUsage('default', 'missing')).toEqual([]);
    const summary = kubelet.summary();
    expect(summary.pods).toMatchObject([{ namespace: 'default', name: 'web', containers: [nginx] }]);
    expect(summary.node).toEqual({ cpuMillis: 96, memoryBytes: (612 + 12) * 1024 * 1024 });
  });
});
