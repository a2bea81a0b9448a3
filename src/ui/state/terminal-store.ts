/** The terminal's history: each command with what it printed, and whether it is still running. */
import { create } from 'zustand';
import type { OutputChunk } from '../../engine/index.ts';

export interface TerminalEntry {
  readonly id: number;
  readonly command: string;
  /** Lines typed after the command that belong to it: a here-document and its delimiter. */
  readonly continuation?: readonly string[];
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number | undefined;
}

interface TerminalState {
  readonly entries: readonly TerminalEntry[];
  readonly engineReady: boolean;
  start(command: string, continuation?: readonly string[]): number;
  finish(id: number, chunks: readonly OutputChunk[], exitCode: number): void;
  setReady(): void;
  clear(): void;
}

let nextId = 1;

export const useTerminal = create<TerminalState>((set) => ({
  entries: [],
  engineReady: false,
  start: (command, continuation) => {
    const id = nextId++;
    const entry = {
      id,
      command,
      chunks: [],
      exitCode: undefined,
      ...(continuation?.length ? { continuation } : {}),
    };
    set((s) => ({ entries: [...s.entries, entry] }));
    return id;
  },
  finish: (id, chunks, exitCode) =>
    set((s) => ({ entries: s.entries.map((e) => (e.id === id ? { ...e, chunks, exitCode } : e)) })),
  setReady: () => set({ engineReady: true }),
  clear: () => set({ entries: [] }),
}));
