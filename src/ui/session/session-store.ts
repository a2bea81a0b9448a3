/**
 * The recorded session: the seed and every command with the virtual time it ran at, saved
 * in the browser as it grows so a reload rebuilds the same cluster.
 */
import { create } from 'zustand';
import type { SessionEntry } from '../../worker/protocol.ts';
import { SESSION_FORMAT, type SavedSession } from './session-codec.ts';

export const SESSION_STORAGE_KEY = 'kubesim.session.v1';
/** How often the virtual clock is written down while the cluster runs. */
const SAVE_CLOCK_EVERY_MS = 2_000;

interface SessionState {
  seed: number;
  entries: readonly SessionEntry[];
  until: number;
  /** A problem to show the user (a damaged link or saved session). */
  notice: string | undefined;
  record(entry: SessionEntry): void;
  setClock(virtualTime: number): void;
  load(session: SavedSession): void;
  clear(seed: number): void;
  setNotice(notice: string | undefined): void;
}

function persist(state: Pick<SessionState, 'seed' | 'entries' | 'until'>): void {
  const saved: SavedSession = {
    format: SESSION_FORMAT,
    seed: state.seed,
    entries: state.entries,
    until: state.until,
  };
  try {
    globalThis.localStorage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: the session still runs, it just will not survive a reload.
  }
}

let lastClockSave = 0;

export const useSession = create<SessionState>((set, get) => ({
  seed: 1,
  entries: [],
  until: 0,
  notice: undefined,
  record: (entry) => {
    set((s) => ({ entries: [...s.entries, entry], until: Math.max(s.until, entry.at) }));
    persist(get());
  },
  setClock: (virtualTime) => {
    if (virtualTime <= get().until) return;
    set({ until: virtualTime });
    const now = Date.now();
    if (now - lastClockSave >= SAVE_CLOCK_EVERY_MS) {
      lastClockSave = now;
      persist(get());
    }
  },
  load: (session) => {
    set({ seed: session.seed, entries: session.entries, until: session.until });
    persist(get());
  },
  clear: (seed) => {
    set({ seed, entries: [], until: 0 });
    persist(get());
  },
  setNotice: (notice) => set({ notice }),
}));

/** The session as it would be saved now, with the editor's text. */
export function currentSession(editor: string): SavedSession {
  const { seed, entries, until } = useSession.getState();
  return { format: SESSION_FORMAT, seed, entries, until, editor };
}
