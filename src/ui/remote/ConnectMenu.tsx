/**
 * "Connect to a local server": attach the page to a running `kubesim serve`, so commands
 * typed in a real terminal with the real kubectl show up on this graph. The in-browser
 * cluster stays the default and comes back on Disconnect.
 */
import { useState } from 'react';
import type { EngineClient } from '../engine-client.ts';
import { useSession } from '../session/session-store.ts';
import { useTimeline } from '../timeline/timeline-store.ts';

const DEFAULT_URL = 'http://127.0.0.1:6443';

export function ConnectMenu({ engine }: { readonly engine: EngineClient }) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState(DEFAULT_URL);
  const [attached, setAttached] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const connect = async () => {
    setBusy(true);
    try {
      useTimeline.getState().clear();
      await engine.attach(url, (reason) => {
        setAttached(undefined);
        engine.detach();
        useSession
          .getState()
          .setNotice(`The connection to ${url} ended: ${reason}. The in-browser cluster is back.`);
      });
      setAttached(url);
      setOpen(false);
      useSession.getState().setNotice(undefined);
    } catch (e) {
      useSession
        .getState()
        .setNotice(
          `Could not connect to ${url}: ${e instanceof Error ? e.message : String(e)}. Is "npx kubesim serve" running there?`,
        );
    } finally {
      setBusy(false);
    }
  };

  const disconnect = () => {
    engine.detach();
    useTimeline.getState().clear();
    setAttached(undefined);
  };

  if (attached) {
    return (
      <div className="connect-menu" role="group" aria-label="Server">
        <span className="attached">Attached to {attached}</span>
        <button type="button" onClick={disconnect}>
          Disconnect
        </button>
      </div>
    );
  }
  return (
    <div className="connect-menu" role="group" aria-label="Server">
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          <input
            aria-label="Server address"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            spellCheck={false}
          />
          <button type="submit" disabled={busy}>
            Connect
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Connect to server…
        </button>
      )}
    </div>
  );
}
