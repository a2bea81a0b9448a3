/**
 * Where a page load's cluster comes from: a shared link (`#session=…`) first, else the
 * session saved in this browser, else a fresh cluster. A damaged link or saved session
 * is reported and a fresh cluster starts; nothing the user typed is thrown away.
 */
import type { EngineClient } from '../engine-client.ts';
import { useTerminal } from '../state/terminal-store.ts';
import { useTimeline } from '../timeline/timeline-store.ts';
import { decodeFromUrl, SessionError, sessionFromJson, type SavedSession } from './session-codec.ts';
import { SESSION_STORAGE_KEY, useSession } from './session-store.ts';

export const SESSION_HASH = '#session=';

function fromLink(): SavedSession | undefined {
  if (!location.hash.startsWith(SESSION_HASH)) return undefined;
  const text = location.hash.slice(SESSION_HASH.length);
  // The link has done its job; a reload should not replay it over later work.
  history.replaceState(null, '', location.pathname + location.search);
  return decodeFromUrl(text);
}

function fromStorage(): SavedSession | undefined {
  const text = globalThis.localStorage?.getItem(SESSION_STORAGE_KEY);
  return text ? sessionFromJson(text) : undefined;
}

/** Rebuilds the cluster of `session` and shows its commands in the terminal. */
export async function restoreSession(engine: EngineClient, session: SavedSession): Promise<void> {
  const outputs = await engine.restore(session.seed, session.entries, session.until);
  const terminal = useTerminal.getState();
  terminal.clear();
  useTimeline.getState().clear();
  session.entries.forEach((entry, i) => {
    const id = terminal.start(entry.line);
    const output = outputs[i];
    if (output) terminal.finish(id, output.chunks, output.exitCode);
  });
  useSession.getState().load(session);
}

/** Restores what there is to restore; returns the editor text a shared link carried, if any. */
export async function startSession(engine: EngineClient): Promise<string | undefined> {
  let session: SavedSession | undefined;
  try {
    session = fromLink();
  } catch (e) {
    const reason = e instanceof SessionError ? e.message : String(e);
    useSession
      .getState()
      .setNotice(`This shared link could not be opened: ${reason}. A fresh cluster is running.`);
  }
  if (!session) {
    try {
      session = fromStorage();
    } catch (e) {
      const reason = e instanceof SessionError ? e.message : String(e);
      useSession
        .getState()
        .setNotice(`The saved session could not be restored: ${reason}. A fresh cluster is running.`);
    }
  }
  if (session && (session.entries.length > 0 || session.seed !== useSession.getState().seed)) {
    await restoreSession(engine, session);
  }
  return session?.editor;
}
