/**
 * `kubesim serve`: a simulated cluster behind a real Kubernetes HTTP API on loopback, with
 * virtual time running at a multiple of wall time, so real clients can drive it.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { ExecStreams } from './exec-stream.ts';
import { Session } from '../../engine/session.ts';
import { createOpenApiDocumentProvider } from '../../engine/schema/tools/openapi-documents.ts';
import { ClockDriver } from './clock-driver.ts';
import { handleHttp } from './http-handler.ts';
import { defaultKubeconfigPath, writeKubeconfig } from './kubeconfig.ts';

export const SERVE_USAGE = `Usage: kubesim serve [--port 6443] [--nodes N] [--seed S] [--speed X] [--kubeconfig PATH]

Serves a simulated Kubernetes v1.34 cluster's API on http://127.0.0.1:PORT for real
clients such as kubectl, with virtual time running at X times wall time.
Writes a kubeconfig for it (default ~/.kube/kubesim.yaml). Stop with Ctrl-C.

Options:
  --port N          port on 127.0.0.1 (default 6443; 0 picks a free one)
  --nodes N         worker nodes besides the control plane (default 3)
  --seed S          random seed (default 1)
  --speed X         virtual seconds per wall second, 0 to 1000 (default 1; 0 stops the clock,
                    which then moves only through POST /kubesim/v1/advance)
  --kubeconfig PATH where to write the kubeconfig
`;

export interface ServeOptions {
  readonly port: number;
  readonly nodes: number;
  readonly seed: number;
  readonly speed: number;
  readonly kubeconfig: string;
  /** Where the virtual clock starts (default: now, so real clients compute ages right). */
  readonly startMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly session: Session;
  close(): Promise<void>;
}

/** Parses `serve` flags; a string is a usage error. */
export function parseServeArgs(argv: readonly string[]): ServeOptions | string {
  const options = { port: 6443, nodes: 3, seed: 1, speed: 1, kubeconfig: defaultKubeconfigPath() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    const integer = (name: 'port' | 'nodes' | 'seed', max: number): string | undefined => {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > max)
        return `${flag} needs an integer from 0 to ${max}`;
      options[name] = Number(v);
      return undefined;
    };
    let error: string | undefined;
    switch (flag) {
      case '--port':
        error = integer('port', 65535);
        break;
      case '--nodes':
        error = integer('nodes', 5000);
        break;
      case '--seed':
        error = integer('seed', 2 ** 32 - 1);
        break;
      case '--speed': {
        const v = Number(value());
        if (!Number.isFinite(v) || v < 0 || v > 1000) error = '--speed needs a number from 0 to 1000';
        else options.speed = v;
        break;
      }
      case '--kubeconfig': {
        const v = value();
        if (!v) error = '--kubeconfig needs a path';
        else options.kubeconfig = v;
        break;
      }
      default:
        error = `unknown option ${arg}`;
    }
    if (error) return error;
  }
  return options;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const session = new Session({
    seed: options.seed,
    workers: options.nodes,
    openapi: createOpenApiDocumentProvider(),
    // Real clients compute ages from their own clock: start the virtual clock at wall time.
    startMs: options.startMs ?? Math.floor(Date.now() / 1000) * 1000,
  });
  const clock = new ClockDriver(session.cluster, options.speed);
  const watches = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => void handleHttp({ session, clock, watches }, req, res));
  const execs = new ExecStreams(session);
  server.on('upgrade', (req, socket, head) => {
    if (!execs.upgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  clock.start();
  return {
    url,
    session,
    close: async () => {
      clock.stop();
      execs.close();
      for (const res of watches) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function serve(argv: readonly string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  const options = parseServeArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`kubesim serve: ${options}\n${SERVE_USAGE}`);
    return 2;
  }
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (e) {
    process.stderr.write(
      `kubesim serve: cannot listen on 127.0.0.1:${options.port}: ${(e as Error).message}\n`,
    );
    return 1;
  }
  writeKubeconfig(options.kubeconfig, running.url, running.session.cluster.clusterName);
  process.stdout.write(
    `Kubernetes v1.34 (simulated) is running at ${running.url}\n` +
      `virtual time runs at ${options.speed}x; ${options.nodes} worker nodes; seed ${options.seed}\n` +
      `kubeconfig written to ${options.kubeconfig}\n\n` +
      `  export KUBECONFIG=${options.kubeconfig}\n  kubectl get nodes\n\nPress Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write('stopped\n');
  return 0;
}
