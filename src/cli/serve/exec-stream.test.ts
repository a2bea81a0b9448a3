/** `kubectl exec -it POD -- sh` against `kubesim serve`: the terminal shell over the v5 WebSocket protocol. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startServer, type RunningServer } from './serve-command.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, nodes: 1, seed: 7, speed: 0, kubeconfig: '' });
  await fetch(`${server.url}/kubesim/v1/exec`, {
    method: 'POST',
    body: JSON.stringify({ line: 'kubectl run box --image=busybox:1.37 -- sleep 3600' }),
  });
  await fetch(`${server.url}/kubesim/v1/advance?duration=20s`, { method: 'POST' });
});

afterAll(() => server.close());

/** Opens the exec stream and collects what each channel carries until the server closes it. */
function shell(typed: readonly string[]) {
  const url = `${server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/box/exec?command=sh&stdin=true&stdout=true&tty=true`;
  const ws = new WebSocket(url, ['v5.channel.k8s.io']);
  const channels = new Map<number, string>();
  return new Promise<{ protocol: string; channels: Map<number, string> }>((resolve, reject) => {
    ws.on('open', () => {
      for (const text of typed) ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
    });
    ws.on('message', (data: Buffer) => {
      const channel = data[0]!;
      channels.set(channel, (channels.get(channel) ?? '') + data.subarray(1).toString('utf8'));
    });
    ws.on('close', () => resolve({ protocol: ws.protocol, channels }));
    ws.on('error', reject);
  });
}

describe('exec streams', () => {
  it('echoes typed input, runs each line in the container, and ends with the exit status', async () => {
    const { protocol, channels } = await shell(['echo hi\r', 'cat /etc/hostname\r', 'exit\r']);
    expect(protocol).toBe('v5.channel.k8s.io');
    expect(channels.get(1)).toBe('# echo hi\r\nhi\r\n# cat /etc/hostname\r\nbox\r\n# exit\r\n');
    expect(JSON.parse(channels.get(3) ?? '')).toEqual({ metadata: {}, status: 'Success' });
  });

  it('answers a missing pod with the HTTP error before any upgrade', async () => {
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/nope/exec?command=ls`,
      ['v5.channel.k8s.io'],
    );
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(404);
  });
});
