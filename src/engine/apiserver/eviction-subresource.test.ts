import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { resourcePath } from '../client/api-client.ts';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { startControllerManager } from '../controllers/index.ts';

const PODS = resourceOf('Pod');
const PDBS = resourceOf('PodDisruptionBudget', 'policy');

function runningPod(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
  };
}

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 1 });
  // The service account controller makes the `default` account pods need.
  startControllerManager(cluster);
  cluster.settle();
  const api = cluster.client('test');
  for (const name of ['a', 'b']) {
    api.create(PODS, runningPod(name));
    // Running and Ready, as a kubelet would report.
    api.request({
      method: 'PATCH',
      path: resourcePath(PODS, 'default', name, 'status'),
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } },
    });
  }
  const evict = (name: string) =>
    api.request({
      method: 'POST',
      path: resourcePath(PODS, 'default', name, 'eviction'),
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } },
    });
  return { api, evict };
}

function budget(status: Record<string, unknown> | undefined): KubeObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web', namespace: 'default' },
    spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
    ...(status ? { status } : {}),
  };
}

describe('pods/eviction', () => {
  it('deletes a pod no budget covers and answers 201 Success', () => {
    const { api, evict } = setup();
    const res = evict('a');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      code: 201,
    });
    // Not bound to a node, so nothing has to stop it: it is gone at once.
    expect(api.request({ method: 'GET', path: resourcePath(PODS, 'default', 'a') }).status).toBe(404);
  });

  it('refuses while the budget is unprocessed or allows no disruption, then spends one', () => {
    const { api, evict } = setup();
    api.create(PDBS, budget(undefined));
    expect(evict('a').body).toMatchObject({
      code: 429,
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: {
        retryAfterSeconds: 10,
        causes: [
          {
            reason: 'DisruptionBudget',
            message: 'The disruption budget web is still being processed by the server.',
          },
        ],
      },
    });
    const live = api.get(PDBS, 'default', 'web');
    const status = {
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 2,
      desiredHealthy: 1,
      expectedPods: 2,
    };
    api.request({
      method: 'PUT',
      path: resourcePath(PDBS, 'default', 'web', 'status'),
      body: { ...live, status },
    });
    expect(evict('a').status).toBe(201);
    const spent = api.get(PDBS, 'default', 'web').status as {
      disruptionsAllowed: number;
      disruptedPods: object;
    };
    expect(spent.disruptionsAllowed).toBe(0);
    expect(Object.keys(spent.disruptedPods)).toEqual(['a']);
    expect(evict('b').body).toMatchObject({
      code: 429,
      details: {
        causes: [
          {
            reason: 'DisruptionBudget',
            message: 'The disruption budget web needs 1 healthy pods and has 2 currently',
          },
        ],
      },
    });
    expect(api.get(PODS, 'default', 'b').metadata.deletionTimestamp).toBeUndefined();
  });

  it('checks the name', () => {
    const { api } = setup();
    const res = api.request({
      method: 'POST',
      path: resourcePath(PODS, 'default', 'a', 'eviction'),
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'b' } },
    });
    expect(res.body).toMatchObject({
      code: 400,
      message: 'name in URL does not match name in Eviction object',
    });
  });
});
