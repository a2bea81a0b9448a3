/**
 * A session: one cluster plus the two ways users drive it, `kubectl …` commands and
 * `sim …` directives. The CLI, the tests and the app all go through this one class.
 */
import { Cluster, type ClusterOptions } from './cluster/cluster.ts';
import { defaultParts } from './cluster/default-parts.ts';
import { openApiPort } from './cluster/openapi-port.ts';
import type { OpenApiDocumentProvider } from './schema/index.ts';
import { startComponents } from './cluster/components.ts';
import { DEFAULT_WORKERS, installCoreDns, joinWorkers } from './cluster/bootstrap.ts';
import { kubectlHostFor } from './cluster/kubectl-host.ts';
import { Kubectl } from './kubectl/kubectl.ts';
import { Output } from './kubectl/output.ts';
import { splitShellWords } from './kubectl/shell-words.ts';
import { runSim } from './sim/sim-commands.ts';

export interface SessionOptions extends ClusterOptions {
  /** Reads files named by `kubectl … -f PATH` (the CLI resolves them against the script). */
  readonly readFile?: (path: string) => string | undefined;
  readonly listDir?: (path: string) => string[] | undefined;
  /** Kubernetes' OpenAPI documents, served at /openapi/*; without them those paths answer 404. */
  readonly openapi?: OpenApiDocumentProvider;
}

export class Session {
  readonly cluster: Cluster;
  readonly kubectl: Kubectl;

  constructor(options: SessionOptions = {}) {
    const parts = defaultParts();
    // As `kind create cluster` does: `kubeadm init` brings up the control plane and its
    // CoreDNS addon, then the workers join; the first command finds it all settled.
    this.cluster = new Cluster(
      options.openapi ? { ...parts, openapi: openApiPort(options.openapi) } : parts,
      { ...options, workers: 0 },
    );
    startComponents(this.cluster);
    installCoreDns(this.cluster);
    this.cluster.settle();
    joinWorkers(this.cluster, options.workers ?? DEFAULT_WORKERS);
    this.cluster.settle();
    const host = kubectlHostFor(this.cluster, {
      ...(options.readFile ? { readFile: options.readFile } : {}),
      ...(options.listDir ? { listDir: options.listDir } : {}),
    });
    this.kubectl = new Kubectl(host);
  }

  /**
   * Runs a read-only command (`kubectl get|describe`, `sim explain|why`) as an onlooker: the
   * cluster's state, clock and trace stay exactly as they were. Anything else is refused.
   */
  inspect(line: string): Output {
    const words = splitShellWords(line);
    const out = new Output();
    const [program, verb] = Array.isArray(words) ? words : [];
    const readOnly =
      Array.isArray(words) &&
      ((program === 'kubectl' && (verb === 'get' || verb === 'describe') && !words.some(isWatchFlag)) ||
        (program === 'sim' && (verb === 'explain' || verb === 'why')));
    if (!readOnly) {
      out.fail(`error: only kubectl get, kubectl describe, sim explain and sim why can inspect the cluster`);
      return out;
    }
    return this.cluster.trace.unrecorded(() => this.exec(line));
  }

  /** Runs one command line (`kubectl …` or `sim …`), with optional standard input. */
  exec(line: string, stdin?: string): Output {
    const words = splitShellWords(line);
    const out = new Output();
    if (!Array.isArray(words)) {
      out.fail(`error: ${words.error}`);
      return out;
    }
    const [program, ...rest] = words;
    if (program === 'kubectl' || program === 'k') return this.kubectl.run(rest, stdin);
    if (program === 'sim') return runSim(this.cluster, rest);
    if (program === undefined) return out;
    out.fail(`error: unknown command "${program}": lines start with "kubectl" or "sim"`);
    return out;
  }
}

function isWatchFlag(word: string): boolean {
  return word === '-w' || word.startsWith('--watch') || /^-[a-zA-Z]*w/.test(word);
}
