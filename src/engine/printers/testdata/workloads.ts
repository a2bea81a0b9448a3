/** Controllers, jobs, autoscalers and budgets for printer tests. */
import { ago, meta, object } from './meta.ts';

const template = (image: string, labels: Record<string, string>) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'web', image }] },
});

export const deployment = object(
  'apps/v1',
  'Deployment',
  meta('web', 'default', 3 * 3600 + 130, { generation: 2 }),
  {
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: template('nginx:1.27', { app: 'web' }),
    },
    status: {
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 2,
    },
  },
);

export const scaledDownDeployment = object('apps/v1', 'Deployment', meta('api', 'default', 86400 * 3, {}), {
  spec: {
    replicas: 0,
    selector: {
      matchLabels: { app: 'api', tier: 'backend' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
    },
    template: {
      metadata: { labels: { app: 'api' } },
      spec: {
        containers: [
          { name: 'api', image: 'api:2' },
          { name: 'log', image: 'fluentbit' },
        ],
      },
    },
  },
  status: {},
});

export const replicaSet = object(
  'apps/v1',
  'ReplicaSet',
  meta('web-7c5ddbdf54', 'default', 3 * 3600 + 125, {
    labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true },
    ],
  }),
  {
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } },
      template: template('nginx:1.27', { app: 'web' }),
    },
    status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
  },
);

export const statefulSet = object('apps/v1', 'StatefulSet', meta('db', 'default', 500), {
  spec: {
    replicas: 3,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: template('postgres:16', { app: 'db' }),
  },
  status: { replicas: 2, readyReplicas: 1 },
});

export const daemonSet = object('apps/v1', 'DaemonSet', meta('kube-proxy', 'kube-system', 40 * 86400), {
  spec: {
    selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-proxy' } },
      spec: {
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.0' }],
      },
    },
  },
  status: {
    desiredNumberScheduled: 3,
    currentNumberScheduled: 3,
    numberReady: 3,
    updatedNumberScheduled: 3,
    numberAvailable: 3,
  },
});

export const completeJob = object('batch/v1', 'Job', meta('pi', 'default', 2 * 86400 + 3 * 3600), {
  spec: {
    completions: 1,
    parallelism: 1,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-pi' } },
    template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }] } },
  },
  status: {
    succeeded: 1,
    startTime: ago(2 * 86400 + 3 * 3600 - 2),
    completionTime: ago(2 * 86400 + 3 * 3600 - 49),
    conditions: [
      { type: 'SuccessCriteriaMet', status: 'True' },
      { type: 'Complete', status: 'True' },
    ],
  },
});

export const failedJob = object('batch/v1', 'Job', meta('flaky', 'default', 1800), {
  spec: {
    completions: 3,
    parallelism: 1,
    template: { spec: { containers: [{ name: 'main', image: 'busybox' }] } },
  },
  status: {
    failed: 7,
    succeeded: 1,
    startTime: ago(1795),
    conditions: [
      { type: 'FailureTarget', status: 'True' },
      { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' },
    ],
  },
});

export const runningJob = object('batch/v1', 'Job', meta('batch-work', 'default', 200), {
  spec: { parallelism: 4, template: { spec: { containers: [{ name: 'w', image: 'worker' }] } } },
  status: { active: 4, startTime: ago(190) },
});

export const suspendedJob = object('batch/v1', 'Job', meta('later', 'default', 60), {
  spec: {
    completions: 2,
    suspend: true,
    template: { spec: { containers: [{ name: 'w', image: 'worker' }] } },
  },
  status: { conditions: [{ type: 'Suspended', status: 'True' }] },
});

export const cronJob = object('batch/v1', 'CronJob', meta('hello', 'default', 3 * 86400), {
  spec: {
    schedule: '*/5 * * * *',
    suspend: false,
    jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }] } } } },
  },
  status: {
    lastScheduleTime: ago(130),
    active: [{ kind: 'Job', name: 'hello-28934180', namespace: 'default' }],
  },
});

export const zonedCronJob = object('batch/v1', 'CronJob', meta('nightly', 'default', 20), {
  spec: {
    schedule: '0 2 * * *',
    timeZone: 'Europe/Paris',
    suspend: true,
    jobTemplate: { spec: { template: { spec: { containers: [{ name: 'backup', image: 'backup:1' }] } } } },
  },
  status: {},
});

export const hpa = object('autoscaling/v2', 'HorizontalPodAutoscaler', meta('web', 'default', 3600), {
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
      },
      {
        type: 'Resource',
        resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } },
      },
      {
        type: 'Pods',
        pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } },
      },
    ],
  },
  status: {
    currentReplicas: 3,
    desiredReplicas: 3,
    currentMetrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', current: { averageUtilization: 42, averageValue: '21m' } },
      },
    ],
  },
});

export const pdb = object('policy/v1', 'PodDisruptionBudget', meta('web', 'default', 3600), {
  spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } },
  status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 },
});

export const controllerRevision = object(
  'apps/v1',
  'ControllerRevision',
  meta('db-5d8f7c9b6', 'default', 500, {
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'uid-db', controller: true },
    ],
  }),
  { revision: 1, data: {} },
);
