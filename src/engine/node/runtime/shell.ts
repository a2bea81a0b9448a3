/**
 * A small interpreter for the shell one-liners manifests use: `echo`, `sleep N`,
 * `exit N`, `true`/`false`, `a; b`, `a && b`, `a || b`, `while true; do …; done`, servers
 * started with `exec`, and perl/python/node one-liners treated as completing work.
 */
import type { RepositoryInfo } from '../registry/catalog.ts';
import type { Program, TimedLine } from './program.ts';
import { piDigits } from './pi.ts';

const MiB = 1024 * 1024;

/** Splits a script into words and the separators `;`, `&&`, `||`, newline, honouring quotes. */
export function tokenize(script: string): string[] {
  const tokens: string[] = [];
  let word: string | undefined;
  const push = (): void => {
    if (word !== undefined) tokens.push(word);
    word = undefined;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === "'" || ch === '"') {
      const end = script.indexOf(ch, i + 1);
      const stop = end < 0 ? script.length : end;
      word = (word ?? '') + script.slice(i + 1, stop);
      i = stop;
    } else if (ch === '\\' && i + 1 < script.length) {
      word = (word ?? '') + script[++i];
    } else if (ch === ';' || ch === '\n') {
      push();
      tokens.push(';');
    } else if ((ch === '&' || ch === '|') && script[i + 1] === ch) {
      push();
      tokens.push(ch + ch);
      i++;
    } else if (ch === '&' && (script[i - 1] === '>' || script[i - 1] === '<')) {
      word = (word ?? '') + ch;
    } else if (ch === '&') {
      push();
      tokens.push(';');
    } else if (/\s/.test(ch)) {
      push();
    } else {
      word = (word ?? '') + ch;
    }
  }
  push();
  return tokens;
}

interface State {
  t: number;
  status: number;
  lines: TimedLine[];
  ignoresSigterm: boolean;
  forever: boolean;
  exited: boolean;
  ports: number[];
  loop?: { startMs: number; periodMs: number; lines: string[] };
  memory: number;
  files: { path: string; createdAtMs: number; removedAtMs?: number }[];
}

/** Runs a script on the virtual timeline. `direct`: argv given without a shell (no `exit`, no loops). */
export function interpretScript(script: string, image: RepositoryInfo, direct = false): Program {
  const s: State = {
    t: 0,
    status: 0,
    lines: [],
    ignoresSigterm: !direct,
    forever: false,
    exited: false,
    ports: [],
    memory: MiB,
    files: [],
  };
  const tokens = tokenize(script);
  runSequence(tokens, s, image);
  const program: Program = {
    lines: s.lines,
    ...(s.loop ? { loop: s.loop } : {}),
    ...(s.forever ? {} : { exit: { atMs: s.t + 5, code: s.status } }),
    ignoresSigterm: s.ignoresSigterm,
    ports: s.ports,
    memoryBytes: s.memory,
    ...(s.files.length ? { files: s.files } : {}),
  };
  return program;
}

function runSequence(tokens: readonly string[], s: State, image: RepositoryInfo): void {
  let i = 0;
  let skip = false;
  while (i < tokens.length && !s.exited && !s.forever) {
    const tok = tokens[i]!;
    if (tok === ';') {
      skip = false;
      i++;
      continue;
    }
    if (tok === '&&' || tok === '||') {
      skip = tok === '&&' ? s.status !== 0 : s.status === 0;
      i++;
      continue;
    }
    if (tok === 'while' || tok === 'until') {
      const doAt = tokens.indexOf('do', i);
      const doneAt = tokens.lastIndexOf('done');
      if (doAt < 0 || doneAt < doAt) return;
      const cond = tokens.slice(i + 1, doAt).filter((t) => t !== ';');
      const infinite = tok === 'while' ? ['true', ':'].includes(cond[0] ?? '') : cond[0] === 'false';
      if (!skip && infinite) runLoop(tokens.slice(doAt + 1, doneAt), s, image);
      i = doneAt + 1;
      continue;
    }
    let end = i;
    while (end < tokens.length && ![';', '&&', '||'].includes(tokens[end]!)) end++;
    if (!skip) runCommand(tokens.slice(i, end), s, image);
    i = end;
  }
}

function runLoop(body: readonly string[], s: State, image: RepositoryInfo): void {
  const inner: State = { ...s, t: 0, lines: [], loop: undefined, ports: [] };
  runSequence(body, inner, image);
  if (inner.exited) {
    Object.assign(s, {
      ...inner,
      t: s.t + inner.t,
      lines: [...s.lines, ...inner.lines.map((l) => ({ atMs: s.t + l.atMs, text: l.text }))],
    });
    return;
  }
  s.loop = { startMs: s.t, periodMs: Math.max(inner.t, 1000), lines: inner.lines.map((l) => l.text) };
  s.forever = true;
}

/** Removes redirections (`>&2`, `2>&1`, `> file`), returning the files written to. */
function stripRedirections(words: readonly string[]): { argv: string[]; files: string[]; silenced: boolean } {
  const argv: string[] = [];
  const files: string[] = [];
  let silenced = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^\d*>>?&\d+$/.test(w) || /^\d*<$/.test(w)) continue;
    const m = /^\d*>>?(.*)$/.exec(w);
    if (!m) {
      argv.push(w);
      continue;
    }
    const file = m[1] || words[++i];
    silenced = true;
    if (file && file !== '/dev/null') files.push(file);
  }
  return { argv, files, silenced };
}

function runCommand(words: readonly string[], s: State, image: RepositoryInfo): void {
  const redirected = stripRedirections(words);
  for (const path of redirected.files) s.files.push({ path, createdAtMs: s.t });
  // Output sent to a file does not reach the log.
  if (redirected.silenced && ['echo', 'printf'].includes(redirected.argv[0] ?? '')) {
    s.status = 0;
    return;
  }
  let argv: readonly string[] = redirected.argv;
  if (argv[0] === 'exec') argv = argv.slice(1);
  const name = (argv[0] ?? '').split('/').pop() ?? '';
  const rest = argv.slice(1);
  switch (name) {
    case '':
      return;
    case 'echo': {
      const noNewline = rest[0] === '-n';
      s.lines.push({ atMs: s.t, text: (noNewline ? rest.slice(1) : rest).join(' ') });
      s.status = 0;
      return;
    }
    case 'printf':
      s.lines.push({ atMs: s.t, text: (rest[0] ?? '').replace(/\\n$/, '').replace(/%s/g, rest[1] ?? '') });
      s.status = 0;
      return;
    case 'date':
      // busybox's default format; the log renders the placeholder at the line's own time.
      s.lines.push({ atMs: s.t, text: '{dateTime}' });
      s.status = 0;
      return;
    case 'sleep': {
      const seconds = parseSleep(rest[0] ?? '');
      if (seconds === undefined) s.forever = true;
      else s.t += seconds * 1000;
      s.status = 0;
      return;
    }
    case 'exit':
      s.status = Number(rest[0] ?? s.status) & 255;
      s.exited = true;
      return;
    case 'true':
    case ':':
      s.status = 0;
      return;
    case 'false':
      s.status = 1;
      return;
    case 'touch':
      for (const path of rest) s.files.push({ path, createdAtMs: s.t });
      s.status = 0;
      return;
    case 'rm':
      for (const path of rest.filter((a) => !a.startsWith('-'))) {
        const file = s.files.findLast((f) => f.path === path && f.removedAtMs === undefined);
        if (file) file.removedAtMs = s.t;
      }
      s.status = 0;
      return;
    case 'tail':
      if (rest.includes('-f')) s.forever = true;
      s.status = 0;
      return;
    case 'perl':
    case 'python':
    case 'python3':
    case 'node':
      oneLiner(name, rest, s);
      return;
    default:
      if (image.behaviour.kind === 'server' && isServerBinary(name)) {
        s.lines.push(...image.behaviour.startup.map((text) => ({ atMs: s.t, text })));
        s.ports.push(...image.behaviour.ports);
        s.memory = 12 * MiB;
        s.ignoresSigterm = false;
        s.forever = true;
        return;
      }
      s.status = 0;
  }
}

const SERVER_BINARIES = [
  'nginx',
  'redis-server',
  'httpd',
  'httpd-foreground',
  'mongod',
  'postgres',
  'mysqld',
  'docker-entrypoint.sh',
  'apache2-foreground',
];

function isServerBinary(name: string): boolean {
  return SERVER_BINARIES.includes(name);
}

/** `sleep 30`, `sleep 1.5`, `sleep 5m`; undefined for `infinity`. */
function parseSleep(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return undefined;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit;
}

/** A perl/python/node one-liner: completing work that prints what it obviously prints. */
function oneLiner(name: string, args: readonly string[], s: State): void {
  const code =
    args[args.findIndex((a) => a === '-e' || a === '-c' || a === '-wle' || a === '-le') + 1] ??
    args.at(-1) ??
    '';
  const pi = /bpi\((\d+)\)/.exec(code);
  if (pi) {
    const digits = Number(pi[1]);
    s.t += 2000 + digits * 2;
    s.lines.push({ atMs: s.t, text: piDigits(Math.min(digits, 5000)) });
    s.status = 0;
    return;
  }
  const printed = /(?:print|console\.log)\s*\(?\s*["']([^"']*)["']/.exec(code);
  s.t += name === 'node' ? 150 : 60;
  if (printed) s.lines.push({ atMs: s.t, text: printed[1]! });
  const exit = /(?:exit|sys\.exit)\s*\(?\s*(\d+)/.exec(code);
  s.status = exit ? Number(exit[1]) & 255 : 0;
}
