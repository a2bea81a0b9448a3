/**
 * Workload commands against an API server with no controllers running, so each test
 * states the cluster objects it needs (ReplicaSets, statuses) and checks the exact writes.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { Kubectl } from '../kubectl.ts';
import { splitShellWords } from '../shell-words.ts';
import { kubectlHostFor } from '../../cluster/kubectl-host.ts';

function setup(): { run: (line: string) => { out: string; err: string; code: number }; cluster: Cluster } {
  const cluster = new Cluster(defaultParts(), {});
  // No service-account controller runs here, and pods need the default ServiceAccount.
  cluster.client('test').request({
    method: 'POST',
    path: '/api/v1/namespaces/default/serviceaccounts',
    body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
  });
  const kubectl = new Kubectl(kubectlHostFor(cluster));
  return {
    cluster,
    run: (line) => {
      const words = splitShellWords(line);
      const o = kubectl.run(Array.isArray(words) ? words : []);
      return { out: o.stdout, err: o.stderr, code: o.exitCode };
    },
  };
}

const rsPath = '/apis/apps/v1/namespaces/default/replicasets';

function addReplicaSet(
  cluster: Cluster,
  deployment: KubeObject,
  revision: number,
  image: string,
  hash: string,
): void {
  const res = cluster.client('test').request({
    method: 'POST',
    path: rsPath,
    body: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `web-${hash}`,
        labels: { app: 'web', 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/revision': String(revision),
          ...(revision === 1 ? { 'kubernetes.io/change-cause': 'first' } : {}),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: deployment.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
        template: {
          metadata: { labels: { app: 'web', 'pod-template-hash': hash } },
          spec: { containers: [{ name: 'nginx', image }] },
        },
      },
    },
  });
  expect(res.status).toBe(201);
}

function getDeployment(cluster: Cluster): KubeObject {
  return cluster.client('test').request({
    method: 'GET',
    path: '/apis/apps/v1/namespaces/default/deployments/web',
  }).body as KubeObject;
}

describe('rollout', () => {
  it('lists history and rolls back to the previous revision with a JSON patch', () => {
    const { run, cluster } = setup();
    expect(run('create deployment web --image=nginx:1.28').out).toBe('deployment.apps/web created\n');
    const dep = getDeployment(cluster);
    addReplicaSet(cluster, dep, 1, 'nginx:1.27', 'aaaaaaaaa');
    addReplicaSet(cluster, dep, 2, 'nginx:1.28', 'bbbbbbbbb');
    expect(run('rollout history deployment/web').out).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n\n',
    );
    const before = cluster.trace.lastSeq;
    expect(run('rollout undo deployment/web').out).toBe('deployment.apps/web rolled back\n');
    const writes = cluster.trace
      .since(before)
      .filter((r) => r.from === 'kubectl' && r.type === 'request' && r.verb !== 'get' && r.verb !== 'list');
    expect(writes.map((w) => w.summary)).toEqual([
      'PATCH /apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-rollout',
    ]);
    const after = getDeployment(cluster) as unknown as {
      spec: { template: { spec: { containers: { image: string }[] }; metadata: { labels: object } } };
      metadata: { annotations: Record<string, string> };
    };
    expect(after.spec.template.spec.containers[0]!.image).toBe('nginx:1.27');
    expect(after.spec.template.metadata.labels).toEqual({ app: 'web' });
    expect(after.metadata.annotations['kubernetes.io/change-cause']).toBe('first');
    // The template now matches revision 1, the newest other revision is 2.
    expect(run('rollout undo deployment/web --to-revision=1').out).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 1)\n',
    );
    expect(run('rollout undo deployment/web --to-revision=7').err).toBe(
      'error: unable to find specified revision 7 in history\n',
    );
  });

  it('reports rollout status from the deployment status', () => {
    const { run, cluster } = setup();
    run('create deployment web --image=nginx --replicas=3');
    const dep = getDeployment(cluster) as KubeObject & { status?: object };
    const client = cluster.client('test');
    const setStatus = (status: object): void => {
      const current = getDeployment(cluster);
      const res = client.request({
        method: 'PUT',
        path: '/apis/apps/v1/namespaces/default/deployments/web/status',
        body: { ...current, status: { observedGeneration: dep.metadata.generation, ...status } },
      });
      expect(res.status).toBe(200);
    };
    setStatus({ replicas: 3, updatedReplicas: 1, availableReplicas: 0 });
    expect(run('rollout status deployment/web --watch=false').out).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
    setStatus({ replicas: 4, updatedReplicas: 3, availableReplicas: 2 });
    expect(run('rollout status deployment/web --watch=false').out).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
    );
    setStatus({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 });
    expect(run('rollout status deployment/web --watch=false').out).toBe(
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n',
    );
    setStatus({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(run('rollout status deployment/web').out).toBe('deployment "web" successfully rolled out\n');
  });

  it('pauses, resumes and restarts', () => {
    const { run } = setup();
    run('create deployment web --image=nginx');
    expect(run('rollout pause deployment/web').out).toBe('deployment.apps/web paused\n');
    expect(run('rollout restart deployment/web').err).toBe(
      `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`,
    );
    expect(run('rollout undo deployment/web').err).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect(run('rollout resume deployment/web').out).toBe('deployment.apps/web resumed\n');
    expect(run('rollout restart deployment/web').out).toBe('deployment.apps/web restarted\n');
  });
});

describe('generators', () => {
  it('creates a pod with kubectl run and prints it with --dry-run=client', () => {
    const { run } = setup();
    const out = run(
      'run box --image=busybox --restart=Never --port=8080 --dry-run=client -o json -- sleep 10',
    ).out;
    const pod = JSON.parse(out) as { metadata: object; spec: object };
    expect(pod.metadata).toEqual({ name: 'box', labels: { run: 'box' } });
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'box',
          image: 'busybox',
          args: ['sleep', '10'],
          ports: [{ containerPort: 8080 }],
          resources: {},
        },
      ],
      restartPolicy: 'Never',
      dnsPolicy: 'ClusterFirst',
    });
    expect(run('run box --image=busybox --command -- sh -c "echo hi"').out).toBe('pod/box created\n');
  });
});

describe('node administration', () => {
  it('cordons, taints and refuses to drain unmanaged pods', () => {
    const { run, cluster } = setup();
    cluster.client('test').request({
      method: 'POST',
      path: '/api/v1/nodes',
      body: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } },
    });
    expect(run('cordon n1').out).toBe('node/n1 cordoned\n');
    expect(run('cordon n1').out).toBe('node/n1 already cordoned\n');
    expect(run('uncordon n1').out).toBe('node/n1 uncordoned\n');
    expect(run('taint node n1 gpu=yes:NoSchedule').out).toBe('node/n1 tainted\n');
    expect(run('taint node n1 gpu=no:NoSchedule').err).toBe(
      "error: Node 'n1' already has a taint with key (gpu) and effect (NoSchedule), and --overwrite is false\n",
    );
    expect(run('taint node n1 gpu=no:NoSchedule --overwrite').out).toBe('node/n1 modified\n');
    expect(run('taint node n1 gpu:NoSchedule-').out).toBe('node/n1 untainted\n');
    expect(run('taint node n1 gpu:NoSchedule-').err).toBe('error: taint "gpu:NoSchedule" not found\n');
    cluster.client('test').request({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bare' },
        spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] },
      },
    });
    const drained = run('drain n1');
    expect(drained.out).toBe('node/n1 cordoned\n');
    expect(drained.err).toBe(
      'error: unable to drain node "n1" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\nThere are pending nodes to be drained:\n n1\ncannot delete Pods that declare no controller (use --force to override): default/bare\n',
    );
  });
});
