/**
 * Golden transcripts: every `*.kubesim` script here runs against a fresh cluster and its
 * transcript must equal the `.out` file beside it, byte for byte. A first line
 * `# kubesim: --seed S --nodes N` sets the CLI options. Run with UPDATE_TRANSCRIPTS=1 to
 * rewrite the expected files after a deliberate change (and review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { runScript } from '../../src/engine/script/run-script.ts';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.kubesim'))
  .sort();

function optionsFrom(text: string): { seed: number; workers: number } {
  const header = /^# kubesim:(.*)$/m.exec(text.split('\n')[0] ?? '')?.[1] ?? '';
  const seed = /--seed[ =](\d+)/.exec(header)?.[1];
  const nodes = /--nodes[ =](\d+)/.exec(header)?.[1];
  return { seed: seed ? Number(seed) : 1, workers: nodes ? Number(nodes) : 3 };
}

describe('golden transcripts', () => {
  it('has scripts to check', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  for (const script of scripts) {
    it(script, () => {
      const path = join(here, script);
      const text = readFileSync(path, 'utf8');
      const session = new Session({
        ...optionsFrom(text),
        readFile: (p) => {
          const full = resolve(here, p);
          return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
        },
      });
      const { transcript } = runScript(session, text);
      const expectedPath = path.replace(/\.kubesim$/, '.out');
      if (process.env.UPDATE_TRANSCRIPTS) writeFileSync(expectedPath, transcript);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_TRANSCRIPTS=1`).toBe(
        true,
      );
      expect(transcript).toBe(readFileSync(expectedPath, 'utf8'));
      expect(session.cluster.faults).toEqual([]);
    });
  }
});
