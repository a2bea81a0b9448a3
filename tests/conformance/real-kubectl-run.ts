/**
 * Runs a kubesim script the other way round: `kubectl` lines by the real kubectl against
 * `kubesim serve`, `sim` lines through the server's control endpoint. The transcript has
 * the CLI's shape, so the two can be compared line by line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScript } from '../../src/engine/script/parse-script.ts';
import { splitShellWords } from '../../src/engine/kubectl/shell-words.ts';
import { kubeconfigText } from '../../src/cli/serve/kubeconfig.ts';
import type { RunningServer } from '../../src/cli/serve/serve-command.ts';

const KUBECTL_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Output has been quiet this long: kubectl has printed what it had. */
const QUIET_MS = 700;

const isWatch = (args: readonly string[]) =>
  args.some(
    (a) => a === '-w' || a === '--watch' || a === '--watch-only' || a === '-w=true' || a === '--watch=true',
  );

/**
 * Runs one kubectl, stdout and stderr interleaved as a terminal would show them. A watch
 * (`get -w`) is given the same run of virtual time our kubectl's watch has: once it has
 * printed its list, the server settles the cluster, and the watch is stopped when its
 * output goes quiet.
 */
function runKubectl(
  binary: string,
  args: string[],
  stdin: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
  settle: () => Promise<void>,
) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', 'exec "$0" "$@" 2>&1', binary, ...args], { env, cwd });
    let output = '';
    let lastOutput = Date.now();
    let exited = false;
    if (isWatch(args)) {
      const whenQuiet = async () => {
        while (!exited && (output === '' || Date.now() - lastOutput < QUIET_MS)) await sleep(100);
      };
      void (async () => {
        await whenQuiet();
        if (exited) return;
        await settle();
        lastOutput = Date.now();
        await whenQuiet();
        child.kill('SIGKILL');
      })();
    }
    // The virtual clock stands still between steps: a kubectl that waits for time to pass
    // would wait forever, so it is stopped and the transcript says so.
    const timer = setTimeout(() => {
      output += `<kubectl still running after ${KUBECTL_TIMEOUT_MS / 1000}s: stopped>\n`;
      child.kill('SIGKILL');
    }, KUBECTL_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      lastOutput = Date.now();
    });
    child.on('error', reject);
    child.on('close', () => {
      exited = true;
      clearTimeout(timer);
      resolve(output);
    });
    child.stdin.end(stdin ?? '');
  });
}

export async function runWithRealKubectl(
  server: RunningServer,
  binary: string,
  script: string,
  cwd: string,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-conformance-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, kubeconfigText(server.url, 'conformance'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfig };
  let transcript = '';
  for (const step of parseScript(script).steps) {
    transcript += step.echo.map((l, i) => (i === 0 ? `$ ${l}` : l)).join('\n') + '\n';
    const words = splitShellWords(step.command);
    if (!Array.isArray(words)) throw new Error(`cannot split ${step.command}`);
    const [program, ...args] = words;
    if (program === 'kubectl') {
      const settle = async () => {
        await fetch(`${server.url}/kubesim/v1/settle`, { method: 'POST', body: '{}' });
      };
      transcript += await runKubectl(binary, args, step.stdin, env, cwd, settle);
    } else {
      const response = await fetch(`${server.url}/kubesim/v1/exec`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          line: step.command,
          ...(step.stdin !== undefined ? { stdin: step.stdin } : {}),
        }),
      });
      transcript += ((await response.json()) as { text: string }).text;
    }
  }
  return transcript;
}
