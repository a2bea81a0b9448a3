/**
 * Tab completion for the terminal's command language: programs, kubectl verbs, resource
 * kinds (from the served resources), object names (from the cluster mirror), common flags
 * and sim directives. Pure: the caller supplies what exists.
 */

export interface CompletionContext {
  /** Resource names kubectl accepts: plural, singular and short names. */
  readonly kinds: readonly string[];
  /** Object names of a kind named as the user typed it (`pods`, `po`, `deployment`…). */
  readonly namesOf: (kind: string) => readonly string[];
}

export interface Completion {
  /** The line after completing as far as all candidates agree. */
  readonly line: string;
  /** Every candidate for the word being completed (empty when there is none). */
  readonly candidates: readonly string[];
}

const PROGRAMS = ['kubectl', 'sim'];
const KUBECTL_VERBS = [
  'annotate',
  'api-resources',
  'apply',
  'cluster-info',
  'cordon',
  'create',
  'delete',
  'describe',
  'drain',
  'exec',
  'get',
  'label',
  'logs',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'top',
  'uncordon',
  'version',
  'wait',
];
/** Verbs whose next word is a kind, then object names of that kind. */
const KIND_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'wait']);
const SUBCOMMANDS: Record<string, readonly string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  top: ['node', 'pod'],
  set: ['image'],
  create: ['deployment', 'namespace'],
};
const SIM_VERBS = ['advance', 'explain', 'node', 'pod', 'registry', 'settle', 'time', 'trace', 'why'];
const SIM_SUBCOMMANDS: Record<string, readonly string[]> = {
  node: ['add', 'fail', 'recover'],
  pod: ['fail-probe', 'kill'],
  registry: ['add', 'remove'],
  explain: ['pod'],
};
const FLAGS = [
  '--all-namespaces',
  '--image=',
  '--output=',
  '--replicas=',
  '--selector=',
  '--show-labels',
  '--watch',
  '-A',
  '-l',
  '-n',
  '-o',
  '-w',
];

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function candidatesFor(previous: readonly string[], word: string, ctx: CompletionContext): readonly string[] {
  const [program, verb, third] = previous;
  if (word.startsWith('-')) return FLAGS;
  if (program === undefined) return PROGRAMS;
  const positional = previous.filter((w) => !w.startsWith('-'));
  if (program === 'sim') {
    if (positional.length === 1) return SIM_VERBS;
    if (positional.length === 2) return SIM_SUBCOMMANDS[verb ?? ''] ?? [];
    if (verb === 'explain' || (verb === 'pod' && positional.length === 3)) return ctx.namesOf('pods');
    if (verb === 'node' && (third === 'fail' || third === 'recover')) return ctx.namesOf('nodes');
    if (verb === 'why' && positional.length === 2) return ctx.kinds;
    if (verb === 'why' && positional.length === 3) return ctx.namesOf(positional[2]!);
    return [];
  }
  if (program !== 'kubectl') return [];
  if (positional.length === 1) return KUBECTL_VERBS;
  const kubectlVerb = positional[1]!;
  if (positional.length === 2 && SUBCOMMANDS[kubectlVerb]) return SUBCOMMANDS[kubectlVerb];
  if (kubectlVerb === 'logs' || kubectlVerb === 'exec')
    return positional.length === 2 ? ctx.namesOf('pods') : [];
  if (kubectlVerb === 'cordon' || kubectlVerb === 'uncordon' || kubectlVerb === 'drain') {
    return positional.length === 2 ? ctx.namesOf('nodes') : [];
  }
  if (KIND_VERBS.has(kubectlVerb)) {
    if (positional.length === 2) return ctx.kinds;
    return ctx.namesOf(positional[2]!);
  }
  if (kubectlVerb === 'rollout' && positional.length === 3) return ['deployment/'];
  return [];
}

export function complete(line: string, ctx: CompletionContext): Completion {
  const words = line.split(/\s+/);
  const word = words.pop() ?? '';
  const previous = words.filter(Boolean);
  const candidates = [...new Set(candidatesFor(previous, word, ctx))]
    .filter((c) => c.startsWith(word))
    .sort();
  if (candidates.length === 0) return { line, candidates };
  const head = line.slice(0, line.length - word.length);
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const spacer = only.endsWith('=') || only.endsWith('/') ? '' : ' ';
    return { line: `${head}${only}${spacer}`, candidates };
  }
  return { line: `${head}${commonPrefix(candidates)}`, candidates };
}
