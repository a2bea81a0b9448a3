import { describe, expect, it } from 'vitest';
import { complete, type CompletionContext } from './completion.ts';

const ctx: CompletionContext = {
  kinds: ['deployments', 'deployment', 'deploy', 'pods', 'pod', 'po', 'nodes', 'node', 'no'],
  namesOf: (kind) =>
    kind.startsWith('po') ? ['nginx-1', 'nginx-2', 'web-1'] : kind.startsWith('no') ? ['kubesim-worker'] : [],
};

describe('terminal completion', () => {
  it('completes programs, verbs and kinds', () => {
    expect(complete('kub', ctx)).toEqual({ line: 'kubectl ', candidates: ['kubectl'] });
    expect(complete('kubectl desc', ctx).line).toBe('kubectl describe ');
    expect(complete('kubectl get dep', ctx)).toEqual({
      line: 'kubectl get deploy',
      candidates: ['deploy', 'deployment', 'deployments'],
    });
  });

  it('completes object names from the cluster and stops where they differ', () => {
    expect(complete('kubectl describe pod ng', ctx)).toEqual({
      line: 'kubectl describe pod nginx-',
      candidates: ['nginx-1', 'nginx-2'],
    });
    expect(complete('kubectl logs w', ctx).line).toBe('kubectl logs web-1 ');
    expect(complete('sim node fail kube', ctx).line).toBe('sim node fail kubesim-worker ');
    expect(complete('kubectl get pods --rep', ctx).line).toBe('kubectl get pods --replicas=');
  });

  it('leaves the line alone when nothing fits', () => {
    expect(complete('kubectl frobnicate x', ctx)).toEqual({ line: 'kubectl frobnicate x', candidates: [] });
  });
});
