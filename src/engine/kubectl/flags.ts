/**
 * Flag parsing with the rules of spf13/pflag as kubectl uses it: `--name=value`,
 * `--name value`, `-n value`, `-nvalue`, booleans without a value, flags anywhere among
 * the arguments, and `--` ending flag parsing. Errors use pflag's texts.
 */

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'string' | 'bool' | 'int' | 'stringArray';
  readonly default?: string | boolean | number;
}

export type FlagValues = Record<string, string | boolean | number | string[] | undefined>;

export interface ParsedArgs {
  readonly args: string[];
  readonly flags: FlagValues;
  /** Flags the user actually set (to tell `-n default` from the default). */
  readonly changed: ReadonlySet<string>;
}

export class FlagError extends Error {}

export function parseFlags(words: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: FlagValues = {};
  const changed = new Set<string>();
  for (const s of specs) flags[s.name] = s.type === 'stringArray' ? [] : s.default;
  const args: string[] = [];

  const set = (spec: FlagSpec, raw: string, shown: string): void => {
    changed.add(spec.name);
    switch (spec.type) {
      case 'bool':
        if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw)) {
          throw new FlagError(
            `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
          );
        }
        flags[spec.name] = ['true', '1', 't', 'TRUE', 'True'].includes(raw);
        break;
      case 'int': {
        if (!/^-?\d+$/.test(raw)) {
          throw new FlagError(
            `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
          );
        }
        flags[spec.name] = Number(raw);
        break;
      }
      case 'stringArray':
        (flags[spec.name] as string[]).push(raw);
        break;
      default:
        flags[spec.name] = raw;
    }
  };

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      args.push(...words.slice(i + 1));
      break;
    }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, word.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') set(spec, 'true', `--${name}`);
      else if (i + 1 < words.length) set(spec, words[++i]!, `--${name}`);
      else throw new FlagError(`flag needs an argument: --${name}`);
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster of shorthands: `-it`, `-nkube-system`, `-n=x`.
      for (let j = 1; j < word.length; j++) {
        const c = word[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${word}`);
        const shown = `-${c}, --${spec.name}`;
        if (spec.type === 'bool') {
          if (word[j + 1] === '=') {
            set(spec, word.slice(j + 2), shown);
            break;
          }
          set(spec, 'true', shown);
          continue;
        }
        const rest = word.slice(j + 1);
        if (rest !== '') set(spec, rest.startsWith('=') ? rest.slice(1) : rest, shown);
        else if (i + 1 < words.length) set(spec, words[++i]!, shown);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
    } else {
      args.push(word);
    }
  }
  return { args, flags, changed };
}
