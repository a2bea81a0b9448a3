/**
 * `kubectl exec` over the WebSocket remote-command protocol (`v5.channel.k8s.io`, and v4):
 * binary frames whose first byte is the stream (0 stdin, 1 stdout, 2 stderr, 3 the final
 * Status, 4 terminal resize, 255 a stream closed). The command runs in the simulated
 * container through the API server's pods/exec, so it is traced like any other request.
 * With `-it` and a shell as the command, a small line-at-a-time shell answers: each line
 * is run as `sh -c LINE` in the container.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ExecResult } from '../../engine/node/kubelet-api.ts';
import type { Session } from '../../engine/session.ts';
import { isBareShell, shellScriptCommand } from '../../engine/node/shell-stdin.ts';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const EXEC_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/;

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

interface ExecRequest {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string | undefined;
  readonly command: readonly string[];
  readonly stdin: boolean;
  readonly tty: boolean;
}

function parseRequest(req: IncomingMessage): ExecRequest | undefined {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = EXEC_PATH.exec(url.pathname);
  if (!match) return undefined;
  const flag = (name: string) => url.searchParams.get(name) === 'true' || url.searchParams.get(name) === '1';
  return {
    namespace: decodeURIComponent(match[1]!),
    pod: decodeURIComponent(match[2]!),
    container: url.searchParams.get('container') ?? undefined,
    command: url.searchParams.getAll('command'),
    stdin: flag('stdin'),
    tty: flag('tty'),
  };
}

/** The Status the error stream ends with, as the kubelet words a non-zero exit. */
function exitStatus(command: readonly string[], exitCode: number): object {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

function frame(channel: number, data: string | Buffer): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from([channel]), body]);
}

export class ExecStreams {
  readonly #wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });

  constructor(private readonly session: Session) {}

  /** Runs one command in a container through the API server, as `kubectl exec` without a stream would. */
  #run(
    request: ExecRequest,
    command: readonly string[],
  ): { result?: ExecResult; status?: { code?: number } } {
    const response = this.session.cluster.apiserver.handle(
      {
        method: 'POST',
        path: `/api/v1/namespaces/${request.namespace}/pods/${request.pod}/exec`,
        query: {
          command: command.join('\u0000'),
          ...(request.container ? { container: request.container } : {}),
        },
      },
      { client: 'kubectl' },
    );
    if (response.status >= 400) return { status: response.body as { code?: number } };
    return { result: response.body as ExecResult };
  }

  /** Handles an HTTP upgrade; false when the path is not an exec this server streams. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const request = parseRequest(req);
    if (!request) return false;
    const shell = request.stdin && isBareShell(request.command);
    const interactive = shell && request.tty;
    // Run first: a missing pod or container is an HTTP error, before any upgrade.
    const first = this.#run(request, shell ? ['true'] : request.command);
    if (first.status) {
      const body = JSON.stringify(first.status);
      socket.end(
        `HTTP/1.1 ${first.status.code ?? 500} Error\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return true;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      if (interactive) this.#shell(ws, request);
      else if (shell) this.#script(ws, request);
      else this.#finish(ws, request.command, first.result!, request.tty);
    });
    return true;
  }

  #finish(ws: WebSocket, command: readonly string[], result: ExecResult, tty: boolean): void {
    const out = (text: string) => (tty ? text.replace(/\r?\n/g, '\r\n') : text);
    if (result.stdout) ws.send(frame(STDOUT, out(result.stdout)));
    if (result.stderr) ws.send(frame(tty ? STDOUT : STDERR, out(result.stderr)));
    ws.send(frame(ERROR, JSON.stringify(exitStatus(command, result.exitCode))));
    ws.close(1000);
  }

  /** A shell reading a script from standard input (`kubectl exec -i pod -- sh < script`): run once stdin closes. */
  #script(ws: WebSocket, request: ExecRequest): void {
    let script = '';
    ws.on('message', (data: Buffer) => {
      if (data[0] === STDIN) script += data.subarray(1).toString('utf8');
      else if (data[0] === CLOSE && data[1] === STDIN) {
        const ran = this.#run(request, shellScriptCommand(request.command, script));
        this.#finish(ws, request.command, ran.result ?? { stdout: '', stderr: '', exitCode: 1 }, false);
      }
    });
  }

  /** A line-at-a-time shell on a terminal: echoes what is typed, runs each line on Enter. */
  #shell(ws: WebSocket, request: ExecRequest): void {
    const prompt = '# ';
    let line = '';
    let lastExit = 0;
    const send = (text: string) => ws.send(frame(STDOUT, text));
    const end = () => {
      ws.send(frame(ERROR, JSON.stringify(exitStatus(request.command, lastExit))));
      ws.close(1000);
    };
    send(prompt);
    ws.on('message', (data: Buffer) => {
      if (data[0] === CLOSE) return end();
      if (data[0] !== STDIN) return;
      for (const ch of data.subarray(1).toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          send('\r\n');
          const typed = line.trim();
          line = '';
          if (typed === 'exit') return end();
          if (typed !== '') {
            const ran = this.#run(request, ['sh', '-c', typed]);
            const result = ran.result ?? {
              stdout: '',
              stderr: `${JSON.stringify(ran.status)}\n`,
              exitCode: 1,
            };
            lastExit = result.exitCode;
            send(`${result.stdout}${result.stderr}`.replace(/\r?\n/g, '\r\n'));
          }
          send(prompt);
        } else if (ch === '\u0003') {
          line = '';
          send(`^C\r\n${prompt}`);
        } else if (ch === '\u0004') {
          if (line === '') return end();
        } else if (ch === '\u007f' || ch === '\b') {
          if (line.length > 0) {
            line = line.slice(0, -1);
            send('\b \b');
          }
        } else if (ch >= ' ') {
          line += ch;
          send(ch);
        }
      }
    });
  }

  close(): void {
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
  }
}
