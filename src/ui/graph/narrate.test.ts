import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/index.ts';
import { graphNodeOf } from './components.ts';
import { caption, tokenLabel } from './narrate.ts';

const base = { seq: 1, time: 0, causeSeq: undefined } as const;

describe('narration', () => {
  it('labels and narrates a create request, its etcd write and a watch event', () => {
    const request: TraceRecord = {
      ...base,
      from: 'kubectl',
      to: 'apiserver',
      type: 'request',
      verb: 'create',
      object: 'configmaps/default',
      summary: 'POST /api/v1/namespaces/default/configmaps',
    };
    const storage: TraceRecord = {
      ...base,
      from: 'apiserver',
      to: 'etcd',
      type: 'storage',
      verb: 'create',
      object: 'configmaps/default/demo',
      summary: 'create /registry/configmaps/default/demo (revision 26)',
    };
    const watch: TraceRecord = {
      ...base,
      from: 'apiserver',
      to: 'controller-manager/deployment',
      type: 'watch',
      verb: 'ADDED',
      object: 'deployments/default/web',
      summary: '',
    };
    expect(tokenLabel(request)).toBe('POST configmaps');
    expect(tokenLabel(storage)).toBe('create rev 26');
    expect(tokenLabel(watch)).toBe('WATCH ADDED deployments');
    expect(caption(request)).toBe('Kubectl asks the API server: POST /api/v1/namespaces/default/configmaps');
    expect(caption(storage)).toBe(
      'The API server writes to etcd: create /registry/configmaps/default/demo (revision 26)',
    );
    expect(caption(watch)).toBe(
      'The API server tells the deployment controller on its watch: ADDED deployments/default/web',
    );
  });

  it('names subresources and narrates binding and status reports', () => {
    const bind: TraceRecord = {
      ...base,
      from: 'scheduler',
      to: 'apiserver',
      type: 'request',
      verb: 'create',
      object: 'pods/default/web-1/binding',
      summary: 'POST /api/v1/namespaces/default/pods/web-1/binding',
    };
    const status: TraceRecord = {
      ...base,
      from: 'kubelet/kubesim-worker3',
      to: 'apiserver',
      type: 'request',
      verb: 'patch',
      object: 'pods/default/web-1/status',
      summary: 'PATCH /api/v1/namespaces/default/pods/web-1/status',
    };
    const informed: TraceRecord = {
      ...base,
      from: 'apiserver',
      to: 'controller-manager/shared-informers',
      type: 'watch',
      verb: 'MODIFIED',
      object: 'pods/default/web-1',
      summary: 'MODIFIED Pod rv=43',
    };
    expect(tokenLabel(bind)).toBe('POST pods/binding');
    expect(caption(bind)).toBe(
      'The scheduler binds pod default/web-1 to a node: POST /api/v1/namespaces/default/pods/web-1/binding',
    );
    expect(tokenLabel(status)).toBe('PATCH pods/status');
    expect(caption(status)).toBe(
      'The kubelet on kubesim-worker3 reports the status of pod default/web-1: PATCH /api/v1/namespaces/default/pods/web-1/status',
    );
    expect(caption(informed)).toBe(
      'The API server tells the controller manager’s informers on its watch: MODIFIED pods/default/web-1',
    );
  });

  it("narrates the scheduler's choice with its score", () => {
    const select: TraceRecord = {
      ...base,
      from: 'scheduler',
      to: 'scheduler',
      type: 'action',
      verb: 'select',
      object: 'pods/default/web-1',
      summary: 'chose kubesim-worker2 for pod default/web-1 among 3 feasible nodes: highest total score 187',
    };
    expect(tokenLabel(select)).toBe('select');
    expect(caption(select)).toBe(
      'The scheduler chose kubesim-worker2 for pod default/web-1 among 3 feasible nodes: highest total score 187',
    );
  });

  it('places components on the graph', () => {
    expect(graphNodeOf('controller-manager/replicaset')).toBe('kube-controller-manager');
    expect(graphNodeOf('kubelet/kubesim-worker')).toBe('node/kubesim-worker');
    expect(graphNodeOf('scheduler')).toBe('kube-scheduler');
    expect(graphNodeOf('apiserver/compactor')).toBe('kube-apiserver');
    expect(graphNodeOf('test')).toBeUndefined();
  });
});
