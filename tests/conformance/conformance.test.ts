/**
 * Conformance: every script in scripts/ runs through our kubectl (the kubesim CLI) and
 * through the real kubectl v1.34 against `kubesim serve` started with the same seed and
 * clock, and the two transcripts must be identical but for the accepted differences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { runScript } from '../../src/engine/script/run-script.ts';
import { createOpenApiDocumentProvider } from '../../src/engine/schema/tools/openapi-documents.ts';
import { startServer, type RunningServer } from '../../src/cli/serve/serve-command.ts';
import { realKubectl } from './kubectl-binary.ts';
import { normalise } from './differences.ts';
import { runWithRealKubectl } from './real-kubectl-run.ts';

const dir = join(import.meta.dirname, 'scripts');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.kubesim'));
const SEED = 1;
const START_MS = Date.parse('2025-01-01T00:00:00Z');

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function ours(script: string): string {
  const session = new Session({
    seed: SEED,
    startMs: START_MS,
    openapi: createOpenApiDocumentProvider(),
    readFile: (path) => readFileSync(join(dir, path), 'utf8'),
  });
  return runScript(session, script).transcript;
}

describe('our kubectl prints what the real kubectl v1.34 prints', () => {
  it('has scripts', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  for (const file of scripts) {
    it(file, async () => {
      const script = readFileSync(join(dir, file), 'utf8');
      server = await startServer({
        port: 0,
        nodes: 3,
        seed: SEED,
        speed: 0,
        kubeconfig: '',
        startMs: START_MS,
      });
      const real = await runWithRealKubectl(server, realKubectl(), script, dir);
      expect(normalise(ours(script))).toBe(normalise(real));
    });
  }
});
