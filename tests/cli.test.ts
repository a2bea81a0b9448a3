/**
 * The `kubesim` command itself, run as a user runs it: files resolve against the script's
 * folder, stdin works, and the exit status says whether any command failed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(__dirname, '../src/cli/kubesim.mjs');

function kubesim(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });
}

describe('kubesim CLI', () => {
  it('reads -f paths relative to the script and exits 0 when all commands pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-'));
    writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file\n');
    writeFileSync(
      join(dir, 'script.kubesim'),
      'kubectl apply -f cm.yaml\nkubectl get cm from-file -o name\n',
    );
    const out = execFileSync(process.execPath, [bin, join(dir, 'script.kubesim')], {
      encoding: 'utf8',
      cwd: tmpdir(),
    });
    expect(out).toBe(
      '$ kubectl apply -f cm.yaml\nconfigmap/from-file created\n$ kubectl get cm from-file -o name\nconfigmap/from-file\n',
    );
  });

  it('reads the script from stdin, goes on after a failure and exits 1', () => {
    const result = kubesim(['--nodes', '1', '-'], 'kubectl get nope\nkubectl get nodes -o name\n');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      '$ kubectl get nope\nerror: the server doesn\'t have a resource type "nope"\n' +
        '$ kubectl get nodes -o name\nnode/kubesim-control-plane\nnode/kubesim-worker\n',
    );
  });

  it('rejects bad options with usage and status 2', () => {
    const result = kubesim(['--nodes', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('kubesim: --nodes needs a non-negative integer');
  });
});
