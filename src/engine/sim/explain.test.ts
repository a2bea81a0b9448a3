import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { Output } from '../kubectl/output.ts';
import { startControllerManager } from '../controllers/index.ts';
import { startScheduler } from '../scheduler/index.ts';
import { runExplain } from './explain.ts';

const pods = resourceOf('Pod');

function explain(cluster: Cluster, ...words: string[]): Output {
  const out = new Output();
  runExplain(cluster, words, out);
  return out;
}

describe('sim explain pod', () => {
  it('prints the filter verdicts and the score table of the latest decision', () => {
    const cluster = new Cluster(defaultParts(), { seed: 1, workers: 2 });
    startControllerManager(cluster);
    startScheduler(cluster);
    cluster.settle();
    const api = cluster.client('test');
    api.create(pods, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: { containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '1' } } }] },
    });
    cluster.settle();
    const out = explain(cluster, 'pod', 'web');
    expect(out.exitCode).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^Pod default\/web: scheduled to kubesim-worker2? \(attempt 1 at /);
    expect(out.stdout).toContain(
      'kubesim-control-plane   rejected   TaintToleration   node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    );
    expect(out.stdout).toMatch(/kubesim-worker +passed/);
    // Two empty workers tie: every plugin gives both the same score.
    expect(out.stdout).toMatch(/TaintToleration +0 +100 +3 +300/);
    expect(out.stdout).toContain(
      'Skipped (nothing to score for this pod): NodeAffinity, PodTopologySpread, InterPodAffinity',
    );
    expect(out.stdout).toMatch(/Why: highest total score \d+, tied with 1 other node\(s\): picked at random/);
  });

  it('answers NotFound for a pod that does not exist', () => {
    const cluster = new Cluster(defaultParts(), { seed: 1, workers: 1 });
    startScheduler(cluster);
    const out = explain(cluster, 'pod', 'nope', '-n', 'kube-system');
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(explain(cluster, 'deployment', 'x').stderr).toBe(
      'error: usage: sim explain pod NAME [-n NAMESPACE]\n',
    );
  });
});
