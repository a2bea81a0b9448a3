/** Pods in the states `kubectl get pods` distinguishes. */
import type { KubeObject } from '../../api/types.ts';
import { ago, meta, object } from './meta.ts';

const nginx = { name: 'nginx', image: 'nginx:1.27' };

function pod(
  name: string,
  ageSeconds: number,
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
  extra = {},
): KubeObject {
  return object('v1', 'Pod', meta(name, 'default', ageSeconds, extra), { spec, status });
}

const running = { running: { startedAt: ago(300) } };
const scheduled = { nodeName: 'worker-1', containers: [nginx] };

export const pendingPod = pod(
  'pending',
  45,
  { containers: [nginx] },
  {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
  },
);

export const runningPod = pod(
  'web-7c5ddbdf54-x8k2p',
  3 * 3600 + 125,
  scheduled,
  {
    phase: 'Running',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [
      {
        name: 'nginx',
        ready: true,
        restartCount: 2,
        state: running,
        lastState: { terminated: { exitCode: 137, reason: 'Error', finishedAt: ago(610) } },
      },
    ],
  },
  { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } },
);

export const crashLoopPod = pod('crasher', 600, scheduled, {
  phase: 'Running',
  podIP: '10.244.1.6',
  podIPs: [{ ip: '10.244.1.6' }],
  containerStatuses: [
    {
      name: 'nginx',
      ready: false,
      restartCount: 5,
      state: {
        waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container' },
      },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(30) } },
    },
  ],
});

export const initPod = pod(
  'with-init',
  20,
  {
    nodeName: 'worker-2',
    initContainers: [
      { name: 'setup', image: 'busybox' },
      { name: 'migrate', image: 'busybox' },
    ],
    containers: [nginx],
  },
  {
    phase: 'Pending',
    podIP: '10.244.2.7',
    conditions: [{ type: 'Initialized', status: 'False' }],
    initContainerStatuses: [
      { name: 'setup', ready: false, restartCount: 0, state: { running: { startedAt: ago(10) } } },
      { name: 'migrate', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
    ],
    containerStatuses: [
      { name: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
    ],
  },
);

export const initCrashPod = pod(
  'init-crash',
  900,
  { nodeName: 'worker-2', initContainers: [{ name: 'setup', image: 'busybox' }], containers: [nginx] },
  {
    phase: 'Pending',
    initContainerStatuses: [
      {
        name: 'setup',
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(75) } },
      },
    ],
    containerStatuses: [
      { name: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
    ],
  },
);

export const terminatingPod = pod(
  'leaving',
  7200,
  scheduled,
  {
    phase: 'Running',
    podIP: '10.244.1.9',
    containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: running }],
  },
  { deletionTimestamp: ago(-25), deletionGracePeriodSeconds: 30 },
);

export const completedPod = pod(
  'job-done-xk2lp',
  2 * 86400 + 3 * 3600,
  { nodeName: 'worker-1', containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' },
  {
    phase: 'Succeeded',
    containerStatuses: [
      {
        name: 'pi',
        ready: false,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: ago(2 * 86400) } },
      },
    ],
  },
);

export const sidecarPod = pod(
  'with-sidecar',
  400,
  {
    nodeName: 'worker-1',
    initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }],
    containers: [nginx],
  },
  {
    phase: 'Running',
    podIP: '10.244.1.10',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
    ],
    initContainerStatuses: [
      {
        name: 'proxy',
        ready: true,
        started: true,
        restartCount: 1,
        state: running,
        lastState: { terminated: { exitCode: 2, reason: 'Error', finishedAt: ago(350) } },
      },
    ],
    containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: running }],
  },
);

export const creatingPod = pod('starting', 3, scheduled, {
  phase: 'Pending',
  containerStatuses: [
    { name: 'nginx', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
  ],
});

export const imagePullPod = pod(
  'bad-image',
  95,
  { nodeName: 'worker-2', containers: [{ name: 'app', image: 'nginx:nope' }] },
  {
    phase: 'Pending',
    podIP: '10.244.2.8',
    containerStatuses: [
      {
        name: 'app',
        ready: false,
        restartCount: 0,
        state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:nope"' } },
      },
    ],
  },
);

export const oomPod = pod('hungry', 4000, scheduled, {
  phase: 'Running',
  containerStatuses: [
    {
      name: 'nginx',
      ready: false,
      restartCount: 1,
      state: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(5) } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(65) } },
    },
  ],
});

export const evictedPod = pod('evicted', 9 * 86400, scheduled, {
  phase: 'Failed',
  reason: 'Evicted',
  message: 'The node was low on resource: memory.',
});

export const gatedPod = pod(
  'gated',
  12,
  {
    containers: [nginx],
    readinessGates: [{ conditionType: 'example.com/feature' }],
    schedulingGates: [{ name: 'wait' }],
  },
  { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
);

export const systemPod = object(
  'v1',
  'Pod',
  meta('coredns-668d6bf9bc-4xk7q', 'kube-system', 40 * 86400, { labels: { 'k8s-app': 'kube-dns' } }),
  {
    spec: {
      nodeName: 'control-plane',
      containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3' }],
    },
    status: {
      phase: 'Running',
      podIP: '10.244.0.2',
      podIPs: [{ ip: '10.244.0.2' }],
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'coredns', ready: true, restartCount: 0, state: running }],
    },
  },
);

export const defaultNamespacePods = [
  pendingPod,
  runningPod,
  crashLoopPod,
  initPod,
  initCrashPod,
  terminatingPod,
  completedPod,
  sidecarPod,
  creatingPod,
  imagePullPod,
  oomPod,
  evictedPod,
  gatedPod,
];
