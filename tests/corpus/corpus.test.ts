/**
 * Applies every manifest of the shared corpus (../shared/corpus, real public manifests) to a
 * fresh cluster with `kubectl apply -f`, and checks the outcome against the corpus index:
 * `apply` (everything created), `partial` (some created, some refused) or `reject`
 * (nothing created), with kubectl-style errors and no crash.
 *
 * Like a reader following the tutorial a file comes from, the test first creates what the
 * file expects to exist: the Namespaces and PriorityClasses defined by files in the same
 * folder, and any other namespace the file names explicitly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const indexPath = join(root, 'index.json');

interface Entry {
  path: string;
  expect: 'apply' | 'partial' | 'reject';
  documents: number;
}

const entries: Entry[] = existsSync(indexPath)
  ? (JSON.parse(readFileSync(indexPath, 'utf8')) as Entry[])
  : [];

function docsOf(path: string): { kind?: string; metadata?: { name?: string; namespace?: string } }[] {
  try {
    return parseAllDocuments(readFileSync(join(root, path), 'utf8').replace(/\r\n/g, '\n'), {
      version: '1.1',
    })
      .map((d) => d.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } })
      .filter((d) => d && typeof d === 'object');
  } catch {
    return [];
  }
}

/** Files in the same folder that define Namespaces or PriorityClasses. */
function prerequisites(entry: Entry): string[] {
  const folder = dirname(entry.path);
  return entries
    .filter((e) => e.path !== entry.path && dirname(e.path) === folder)
    .filter((e) => docsOf(e.path).some((d) => d.kind === 'Namespace' || d.kind === 'PriorityClass'))
    .map((e) => e.path);
}

function outcomeOf(output: string, exitCode: number): 'apply' | 'partial' | 'reject' {
  const applied = output.split('\n').some((l) => / (created|configured|unchanged)$/.test(l));
  if (exitCode === 0) return 'apply';
  return applied ? 'partial' : 'reject';
}

/**
 * Files where a real v1.34 API server disagrees with the corpus index, which was written
 * against newer documentation. Each is checked to fail the way v1.34 fails.
 */
const V134_DIFFERENCES: Record<string, { outcome: 'reject'; because: string }> = {
  'k8s-website-examples/pods/pod-with-numeric-toleration.yaml': {
    outcome: 'reject',
    because: 'toleration operators Gt/Lt arrive in v1.35 (alpha); v1.34 allows only Equal and Exists',
  },
  'k8s-examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml': {
    outcome: 'reject',
    because: 'container port protocol "tcp": the API server accepts only "TCP", "UDP" and "SCTP"',
  },
  'k8s-examples/_archived/volumes/cinder/cinder-web.yaml': {
    outcome: 'reject',
    because: 'container port protocol "tcp": the API server accepts only "TCP", "UDP" and "SCTP"',
  },
};

const KUBECTL_ERROR = /^(error: |Error from server|The |Warning: |ensure CRDs are installed first|\* |$)/;

describe.skipIf(entries.length === 0)('shared corpus', () => {
  const counts = { apply: 0, partial: 0, reject: 0 };
  const known: string[] = [];

  for (const entry of entries) {
    it(entry.path, () => {
      const session = new Session({
        seed: 1,
        readFile: (p) => {
          const full = join(root, p);
          return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
        },
      });
      for (const pre of prerequisites(entry)) {
        const docs = docsOf(pre).filter((d) => d.kind === 'Namespace' || d.kind === 'PriorityClass');
        for (const d of docs) {
          const kind = d.kind === 'Namespace' ? 'namespace' : 'priorityclass';
          if (d.metadata?.name && session.exec(`kubectl get ${kind} ${d.metadata.name}`).exitCode !== 0) {
            session.exec(`kubectl apply -f ${pre}`);
          }
        }
      }
      for (const d of docsOf(entry.path)) {
        const ns = d.metadata?.namespace;
        if (ns && session.exec(`kubectl get namespace ${ns}`).exitCode !== 0) {
          session.exec(`kubectl create namespace ${ns}`);
        }
        // The docs create some PriorityClasses inline, in the page text rather than a file.
        const priorityClass = (d as { spec?: { priorityClassName?: string } }).spec?.priorityClassName;
        if (
          d.kind === 'Pod' &&
          priorityClass &&
          session.exec(`kubectl get pc ${priorityClass}`).exitCode !== 0
        ) {
          const manifest = `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: ${priorityClass}\nvalue: 1000000\n`;
          session.exec('kubectl apply -f -', manifest);
        }
      }
      // Give the controllers time to prepare new namespaces (their default ServiceAccount).
      session.cluster.settle();
      const result = session.exec(`kubectl apply -f ${entry.path}`);
      const outcome = outcomeOf(result.stdout, result.exitCode);
      counts[outcome]++;
      for (const line of result.stderr.split('\n')) {
        expect(line, `unexpected error text for ${entry.path}`).toMatch(KUBECTL_ERROR);
      }
      session.cluster.settle();
      expect(session.cluster.faults).toEqual([]);
      const difference = V134_DIFFERENCES[entry.path];
      if (difference) known.push(`${entry.path}: ${difference.because}`);
      expect(outcome, result.text).toBe(difference?.outcome ?? entry.expect);
    });
  }

  it('reports the counts', () => {
    console.log(
      `corpus: ${entries.length} files: ${counts.apply} applied, ${counts.partial} partially applied, ${counts.reject} rejected` +
        (known.length
          ? `; ${known.length} differ from the index as v1.34 does:\n  ${known.join('\n  ')}`
          : ''),
    );
    expect(counts.apply + counts.partial + counts.reject).toBe(entries.length);
  });
});
