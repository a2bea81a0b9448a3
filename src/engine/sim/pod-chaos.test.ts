import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { startKubelets } from '../node/index.ts';
import { runSim } from './sim-commands.ts';

const PODS = resourceOf('Pod');

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 3 });
  const api = cluster.client('test');
  api.create(resourceOf('ServiceAccount'), {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'default', namespace: 'default' },
  });
  startKubelets(cluster);
  const create = (name: string, image: string, extra: Record<string, unknown> = {}) =>
    api.create(PODS, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { nodeName: 'kubesim-worker2', containers: [{ name: 'main', image, ...extra }] },
    });
  const containerStatus = (name: string) =>
    (api.get(PODS, 'default', name).status as { containerStatuses: Record<string, never>[] })
      .containerStatuses[0] as unknown as {
      ready: boolean;
      restartCount: number;
      state: Record<string, { reason?: string }>;
      lastState: Record<string, { exitCode?: number; reason?: string }>;
    };
  return { cluster, create, containerStatus };
}

describe('sim pod kill', () => {
  it('kills the container process with exit code 137 and the kubelet restarts it', () => {
    const { cluster, create, containerStatus } = setup();
    create('web', 'nginx:1.27');
    cluster.settle();
    const out = runSim(cluster, ['pod', 'kill', 'web']);
    expect(out.stdout).toBe('pod/web: container main killed\n');
    cluster.settle();
    const s = containerStatus('web');
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(s.state.running).toBeDefined();
  });

  it('fails for a pod that does not exist or is not running', () => {
    const { cluster, create } = setup();
    expect(runSim(cluster, ['pod', 'kill', 'nope']).stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    create('typo', 'nginx:1.277');
    cluster.settle();
    expect(runSim(cluster, ['pod', 'kill', 'typo']).stderr).toBe(
      'error: container "main" of pod "typo" is not running\n',
    );
  });
});

describe('sim pod fail-probe', () => {
  it('makes a passing readiness probe fail so the pod turns unready', () => {
    const { cluster, create, containerStatus } = setup();
    create('web', 'nginx:1.27', { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } });
    cluster.advance(20_000);
    expect(containerStatus('web').ready).toBe(true);
    expect(runSim(cluster, ['pod', 'fail-probe', 'web', 'readiness']).exitCode).toBe(0);
    cluster.advance(20_000);
    expect(containerStatus('web').ready).toBe(false);
  });

  it('makes a liveness probe fail so the container is restarted', () => {
    const { cluster, create, containerStatus } = setup();
    create('web', 'nginx:1.27', { livenessProbe: { tcpSocket: { port: 80 } } });
    cluster.advance(20_000);
    runSim(cluster, ['pod', 'fail-probe', 'web', '--container', 'main', 'liveness']);
    cluster.advance(40_000);
    expect(containerStatus('web').restartCount).toBe(1);
    expect(containerStatus('web').lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('sim registry', () => {
  it('breaks and repairs an image', () => {
    const { cluster, create, containerStatus } = setup();
    expect(runSim(cluster, ['registry', 'remove', 'redis:7']).stdout).toBe(
      'image redis:7 removed from the registry\n',
    );
    create('cache', 'redis:7');
    cluster.advance(5000);
    expect(containerStatus('cache').state.waiting?.reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    runSim(cluster, ['registry', 'add', 'redis:7']);
    cluster.advance(30_000);
    expect(containerStatus('cache').state.running).toBeDefined();
  });

  it('rejects bad usage', () => {
    const { cluster } = setup();
    expect(runSim(cluster, ['registry', 'drop', 'x']).stderr).toBe(
      'error: usage: sim registry add|remove IMAGE\n',
    );
    expect(runSim(cluster, ['registry', 'add', 'Bad:Ref:x']).stderr).toBe(
      'error: invalid image reference "Bad:Ref:x"\n',
    );
  });
});
