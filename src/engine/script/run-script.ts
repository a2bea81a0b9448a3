/**
 * Runs a kubesim script against a session and renders the transcript: each step echoed
 * after `$ `, then everything the command printed, stdout and stderr in order.
 */
import type { Session } from '../session.ts';
import { parseScript } from './parse-script.ts';

export interface TranscriptResult {
  readonly transcript: string;
  /** Number of steps whose command failed. */
  readonly failures: number;
}

export function runScript(session: Session, text: string): TranscriptResult {
  const { steps, errors } = parseScript(text);
  let transcript = '';
  let failures = errors.length;
  for (const e of errors) transcript += `kubesim: line ${e.line}: ${e.message}\n`;
  for (const step of steps) {
    transcript += step.echo.map((l, i) => (i === 0 ? `$ ${l}` : l)).join('\n') + '\n';
    const output = session.exec(step.command, step.stdin);
    transcript += output.text;
    if (output.exitCode !== 0) failures++;
  }
  return { transcript, failures };
}
