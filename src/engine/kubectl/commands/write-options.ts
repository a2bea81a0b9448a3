/** Flags shared by the commands that write: --dry-run and --validate. */
import { str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';

export const writeFlags: FlagSpec[] = [
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'validate', type: 'string', default: 'strict' },
];

export type DryRun = 'none' | 'client' | 'server';

export function parseDryRun(ctx: CommandContext): DryRun | { error: string } {
  const value = str(ctx.flags, 'dry-run');
  if (value === 'none' || value === 'client' || value === 'server') return value;
  if (value === 'true' || value === '') return 'client';
  if (value === 'false') return 'none';
  return { error: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
}

export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** The fieldValidation query parameter kubectl sends for its --validate flag. */
export function validationQuery(ctx: CommandContext): 'Strict' | 'Warn' | 'Ignore' | { error: string } {
  const value = str(ctx.flags, 'validate').toLowerCase();
  if (value === 'strict' || value === 'true') return 'Strict';
  if (value === 'warn') return 'Warn';
  if (value === 'ignore' || value === 'false') return 'Ignore';
  return {
    error: `error: invalid - validate option "${str(ctx.flags, 'validate')}"; must be one of: strict (or true), warn, ignore (or false)`,
  };
}
