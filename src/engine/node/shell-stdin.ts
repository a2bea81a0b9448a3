/**
 * A shell started with no arguments reads its script from standard input
 * (`kubectl exec -i pod -- sh < script`); the simulated runtime runs that script as `sh -c`.
 */
const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash']);

/** Whether the command is a bare shell, which reads commands from its input. */
export function isBareShell(command: readonly string[]): boolean {
  return command.length === 1 && SHELLS.has(command[0]!);
}

/** The command that runs `stdin` as the bare shell's script. */
export function shellScriptCommand(command: readonly string[], stdin: string): string[] {
  return [command[0]!, '-c', stdin];
}
