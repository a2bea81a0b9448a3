/**
 * `kubesim [--nodes N] [--seed S] [FILE|-]`: runs a script of kubectl commands and sim
 * directives against a fresh simulated cluster and prints the transcript. Exits 1 when
 * any command failed, 2 on bad usage.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Session } from '../engine/session.ts';
import { runScript } from '../engine/script/run-script.ts';
import { createOpenApiDocumentProvider } from '../engine/schema/tools/openapi-documents.ts';
import { serve } from './serve/serve-command.ts';

const USAGE = `Usage: kubesim [--nodes N] [--seed S] [FILE|-]
       kubesim serve [--port 6443] [--nodes N] [--seed S] [--speed X] [--kubeconfig PATH]

Runs a script of "kubectl ..." commands and "sim ..." directives against a simulated
Kubernetes v1.34 cluster and prints the transcript. Reads standard input when FILE is - or absent.
"kubesim serve" serves a simulated cluster's API to real clients instead (see kubesim serve --help).

Options:
  --nodes N   worker nodes besides the control plane (default 3)
  --seed S    random seed; the same seed and script always give the same transcript (default 1)
  -h, --help  show this help
`;

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'serve') return serve(argv.slice(1));
  let nodes = 3;
  let seed = 1;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '-h' || flag === '--help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (flag === '--nodes' || flag === '--seed') {
      const value = inline ?? argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) {
        process.stderr.write(`kubesim: ${flag} needs a non-negative integer\n${USAGE}`);
        return 2;
      }
      if (flag === '--nodes') nodes = Number(value);
      else seed = Number(value);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`kubesim: unknown option ${arg}\n${USAGE}`);
      return 2;
    }
    if (file !== undefined) {
      process.stderr.write(`kubesim: only one script may be given\n${USAGE}`);
      return 2;
    }
    file = arg;
  }

  let text: string;
  let baseDir = process.cwd();
  try {
    if (file === undefined || file === '-') {
      text = readFileSync(0, 'utf8');
    } else {
      text = readFileSync(file, 'utf8');
      baseDir = dirname(resolve(file));
    }
  } catch (e) {
    process.stderr.write(`kubesim: cannot read ${file ?? 'standard input'}: ${(e as Error).message}\n`);
    return 2;
  }

  const session = new Session({
    seed,
    workers: nodes,
    openapi: createOpenApiDocumentProvider(),
    readFile: (path) => {
      try {
        return readFileSync(resolve(baseDir, path), 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir: (path) => {
      try {
        const full = resolve(baseDir, path);
        return statSync(full).isDirectory() ? readdirSync(full) : undefined;
      } catch {
        return undefined;
      }
    },
  });
  const { transcript, failures } = runScript(session, text);
  process.stdout.write(transcript);
  return failures > 0 ? 1 : 0;
}
