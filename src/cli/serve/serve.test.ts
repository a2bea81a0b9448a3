/**
 * `kubesim serve` over real HTTP: Kubernetes' paths, Status errors, watch streams and the
 * control endpoints, with the virtual clock stopped (speed 0) so nothing races the test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_BODY_BYTES } from './http-handler.ts';
import { kubeconfigText } from './kubeconfig.ts';
import { parseServeArgs, startServer, type RunningServer } from './serve-command.ts';

let server: RunningServer;

beforeAll(async () => {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubesim-serve-')), 'config');
  server = await startServer({ port: 0, nodes: 2, seed: 7, speed: 0, kubeconfig });
});

afterAll(async () => {
  await server.close();
});

const call = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { a: '1' },
});

describe('kubesim serve', () => {
  it('serves discovery, version and Tables as kube-apiserver does', async () => {
    const version = (await (await call('/version')).json()) as { gitVersion: string };
    expect(version.gitVersion).toBe('v1.34.5');
    const table = await call('/api/v1/nodes', {
      headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const body = (await table.json()) as { kind: string; rows: { cells: unknown[] }[] };
    expect(body.kind).toBe('Table');
    expect(body.rows.map((r) => r.cells[0])).toEqual([
      'kubesim-control-plane',
      'kubesim-worker',
      'kubesim-worker2',
    ]);
  });

  it('creates objects and answers errors with real Status objects', async () => {
    const created = await call('/api/v1/namespaces/default/configmaps', json(configMap('one')));
    expect(created.status).toBe(201);
    const again = await call('/api/v1/namespaces/default/configmaps', json(configMap('one')));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ kind: 'Status', reason: 'AlreadyExists' });
    const missing = await call('/api/v1/namespaces/default/configmaps/nope');
    expect(await missing.json()).toMatchObject({ code: 404, message: 'configmaps "nope" not found' });
    const unknown = await call('/apis/nope.example/v1/things');
    expect(unknown.status).toBe(404);
    const protobuf = await call('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.kubernetes.protobuf' },
      body: 'k8s\u0000',
    });
    // An envelope that names no kind.
    expect(protobuf.status).toBe(400);
    expect(await protobuf.json()).toMatchObject({ reason: 'BadRequest' });
    const huge = await call('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ reason: 'RequestEntityTooLarge' });
    const garbage = await call('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"kind": ',
    });
    expect(garbage.status).toBe(400);
  });

  it('streams watch events as newline-delimited JSON, as one-row Tables for kubectl get -w', async () => {
    const list = (await (await call('/api/v1/namespaces/default/configmaps')).json()) as {
      metadata: { resourceVersion: string };
    };
    const controller = new AbortController();
    const watch = await call(
      `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${list.metadata.resourceVersion}`,
      {
        signal: controller.signal,
        headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
      },
    );
    expect(watch.status).toBe(200);
    await call('/api/v1/namespaces/default/configmaps', json(configMap('watched')));
    await call('/kubesim/v1/advance', json({ duration: '1s' }));
    const reader = watch.body!.getReader();
    let text = '';
    while (!text.includes('\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const event = JSON.parse(text.split('\n')[0]!) as {
      type: string;
      object: { kind: string; rows: { cells: unknown[] }[] };
    };
    expect(event.type).toBe('ADDED');
    expect(event.object.kind).toBe('Table');
    expect(event.object.rows[0]!.cells.slice(0, 2)).toEqual(['watched', 1]);
  });

  it('moves virtual time only when told to at speed 0, and serves the scale subresource', async () => {
    const before = (await (await call('/kubesim/v1/clock')).json()) as { nowMs: number };
    const exec = await call(
      '/kubesim/v1/exec',
      json({ line: 'kubectl create deployment web --image=nginx --replicas=2' }),
    );
    expect(await exec.json()).toMatchObject({ text: 'deployment.apps/web created\n', exitCode: 0 });
    const after = (await (await call('/kubesim/v1/advance', json({ duration: '30s' }))).json()) as {
      nowMs: number;
    };
    expect(after.nowMs - before.nowMs).toBe(30_000);
    const scale = (await (
      await call('/apis/apps/v1/namespaces/default/deployments/web/scale')
    ).json()) as object;
    expect(scale).toMatchObject({
      kind: 'Scale',
      spec: { replicas: 2 },
      status: { replicas: 2, selector: 'app=web' },
    });
    const patched = await call('/apis/apps/v1/namespaces/default/deployments/web/scale', {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { replicas: 4 } }),
    });
    expect(await patched.json()).toMatchObject({ kind: 'Scale', spec: { replicas: 4 } });
    const negative = await call('/apis/apps/v1/namespaces/default/deployments/web/scale', {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { replicas: -1 } }),
    });
    expect(negative.status).toBe(422);
    const bad = await call('/kubesim/v1/advance', json({ duration: 'soon' }));
    expect(bad.status).toBe(400);
  });

  it('streams a snapshot and deltas for the app to attach to, and lets only loopback pages call', async () => {
    const controller = new AbortController();
    const stream = await call('/kubesim/v1/stream', {
      signal: controller.signal,
      headers: { origin: 'http://localhost:5173' },
    });
    expect(stream.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    await call('/kubesim/v1/exec', json({ line: 'kubectl run attached --image=nginx' }));
    const reader = stream.body!.getReader();
    let text = '';
    while (text.split('\n').length < 3) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const [ready, delta] = text
      .split('\n')
      .slice(0, 2)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(ready).toMatchObject({ type: 'ready', playback: { playing: false, speed: 0 } });
    expect(delta!.type).toBe('delta');
    const names = (delta!.objects as { key: string }[]).map((o) => o.key);
    expect(names).toContain('/registry/pods/default/attached');
    const foreign = await call('/version', { headers: { origin: 'https://example.com' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('writes a kubeconfig kubectl can use and parses its flags', () => {
    const config = parse(kubeconfigText('http://127.0.0.1:6443', 'kubesim')) as {
      clusters: { cluster: { server: string } }[];
      'current-context': string;
    };
    expect(config.clusters[0]!.cluster.server).toBe('http://127.0.0.1:6443');
    expect(config['current-context']).toBe('kubesim-kubesim');
    expect(parseServeArgs(['--port', '7000', '--speed=10'])).toMatchObject({ port: 7000, speed: 10 });
    expect(parseServeArgs(['--speed', 'fast'])).toBe('--speed needs a number from 0 to 1000');
    expect(parseServeArgs(['--bogus'])).toBe('unknown option --bogus');
  });
});
