/**
 * The real helm v4 against `kubesim serve`: install, upgrade, rollback and uninstall of the
 * chart beside this file, whose release objects the simulated controllers then reconcile.
 * Helm writes its release records as Secrets through protobuf and its objects through
 * server-side apply.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigText } from '../../src/cli/serve/kubeconfig.ts';
import { startServer, type RunningServer } from '../../src/cli/serve/serve-command.ts';
import { realHelm } from '../conformance/kubectl-binary.ts';

/** A response body, read loosely: the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const run = promisify(execFile);
const chart = join(import.meta.dirname, 'web-chart');
let server: RunningServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    nodes: 3,
    seed: 1,
    speed: 0,
    kubeconfig: '',
    startMs: Date.parse('2025-01-01T00:00:00Z'),
  });
  const home = mkdtempSync(join(tmpdir(), 'kubesim-helm-'));
  const kubeconfig = join(home, 'config');
  writeFileSync(kubeconfig, kubeconfigText(server.url, 'helm'));
  env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    KUBECONFIG: kubeconfig,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config.d'),
    HELM_DATA_HOME: join(home, 'data'),
  };
});

afterAll(() => server.close());

async function helm(...args: string[]): Promise<string> {
  const { stdout } = await run(realHelm(), args, { env, timeout: 30_000 });
  return stdout;
}

async function advance(duration: string): Promise<void> {
  await fetch(`${server.url}/kubesim/v1/advance?duration=${duration}`, { method: 'POST' });
}

async function get(path: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (await res.json()) as Json };
}

const deployment = () => get('/apis/apps/v1/namespaces/default/deployments/demo');
const configMap = () => get('/api/v1/namespaces/default/configmaps/demo-config');

describe('helm v4 against kubesim serve', () => {
  it('installs, upgrades, rolls back and uninstalls a release that the cluster reconciles', async () => {
    expect(await helm('install', 'demo', chart)).toContain('STATUS: deployed');
    await advance('30s');
    expect((await deployment()).body.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect((await configMap()).body.data).toEqual({ GREETING: 'hello' });
    const service = await get('/api/v1/namespaces/default/services/demo');
    expect(service.body.spec.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
    ]);

    expect(await helm('upgrade', 'demo', chart, '--set', 'replicaCount=3', '--set', 'greeting=hi')).toContain(
      'STATUS: deployed',
    );
    await advance('30s');
    expect((await deployment()).body.status).toMatchObject({ replicas: 3, readyReplicas: 3 });
    expect((await configMap()).body.data).toEqual({ GREETING: 'hi' });

    expect(await helm('rollback', 'demo', '1')).toContain('Rollback was a success');
    await advance('30s');
    expect((await deployment()).body.spec.replicas).toBe(2);
    expect((await configMap()).body.data).toEqual({ GREETING: 'hello' });
    const history = await helm('history', 'demo');
    expect(
      history
        .split('\n')
        .filter((l) => /^\d/.test(l))
        .map((l) => l.split('\t')[2]?.trim()),
    ).toEqual(['superseded', 'superseded', 'deployed']);

    expect(await helm('uninstall', 'demo')).toContain('release "demo" uninstalled');
    await advance('60s');
    expect((await deployment()).status).toBe(404);
    expect((await configMap()).status).toBe(404);
    const pods = await get('/api/v1/namespaces/default/pods');
    expect(pods.body.items).toEqual([]);
    const releases = await get('/api/v1/namespaces/default/secrets?labelSelector=owner%3Dhelm');
    expect(releases.body.items).toEqual([]);
  });
});
