/**
 * Reading what the learner types as a shell would: a line ending in `\` or opening a
 * `<<EOF` here-document is not finished until the next lines finish it.
 */
import { parseScript, type ScriptStep } from '../../engine/index.ts';

export type ReadResult =
  { readonly complete: false } | { readonly complete: true; readonly steps: readonly ScriptStep[] };

export function readCommand(lines: readonly string[]): ReadResult {
  const last = lines.at(-1) ?? '';
  if (last.endsWith('\\')) return { complete: false };
  const { steps, errors } = parseScript(lines.join('\n'));
  // The parser's only complaint is a here-document that has not met its delimiter yet.
  if (errors.length > 0) return { complete: false };
  return { complete: true, steps };
}
