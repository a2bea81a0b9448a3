/**
 * Header actions for the session: share a link that rebuilds this cluster, export it to a
 * file, import one, or start over; and the notice when a link or saved session was damaged.
 */
import { useRef, useState } from 'react';
import type { EngineClient } from '../engine-client.ts';
import { useEditor } from '../editor/EditorPanel.tsx';
import { useTerminal } from '../state/terminal-store.ts';
import { encodeForUrl, SessionError, sessionFromJson } from './session-codec.ts';
import { currentSession, useSession } from './session-store.ts';
import { restoreSession, SESSION_HASH } from './startup.ts';
import './session.css';

export function SessionMenu({ engine }: { readonly engine: EngineClient }) {
  const notice = useSession((s) => s.notice);
  const [link, setLink] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const share = () => {
    const url = `${location.origin}${location.pathname}${SESSION_HASH}${encodeForUrl(currentSession(useEditor.getState().text))}`;
    setLink(url);
    void navigator.clipboard?.writeText(url).catch(() => undefined);
  };

  const exportFile = () => {
    const blob = new Blob([JSON.stringify(currentSession(useEditor.getState().text), null, 2)], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'cluster.kubesim.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const importFile = async (file: File) => {
    try {
      const session = sessionFromJson(await file.text());
      await restoreSession(engine, session);
      if (session.editor !== undefined) useEditor.getState().setText(session.editor);
      useSession.getState().setNotice(undefined);
    } catch (e) {
      const reason = e instanceof SessionError ? e.message : String(e);
      useSession
        .getState()
        .setNotice(`${file.name} could not be imported: ${reason}. The cluster was not changed.`);
    }
  };

  const startOver = async () => {
    await restoreSession(engine, { format: 'kubesim-session/v1', seed: 1, entries: [], until: 0 });
    useTerminal.getState().clear();
    useSession.getState().setNotice(undefined);
  };

  return (
    <>
      <div className="session-menu" role="group" aria-label="Session">
        <button type="button" onClick={share}>
          Share
        </button>
        <button type="button" onClick={exportFile}>
          Export
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import
        </button>
        <button type="button" onClick={() => void startOver()}>
          New cluster
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Session file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {link ? (
        <div className="share-link">
          <label>
            Link to this cluster{' '}
            <input aria-label="Share link" readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" aria-label="Close share link" onClick={() => setLink(undefined)}>
            ×
          </button>
        </div>
      ) : null}
      {notice ? (
        <div className="session-notice" role="alert" aria-label="Session problem">
          {notice}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => useSession.getState().setNotice(undefined)}
          >
            ×
          </button>
        </div>
      ) : null}
    </>
  );
}
