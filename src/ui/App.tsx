/** The app shell: for now a kubectl terminal on a cluster that runs in this tab. */
import { useCallback, useEffect } from 'react';
import { EngineClient, type ExecResult } from './engine-client.ts';
import { useTerminal } from './state/terminal-store.ts';
import { Terminal } from './terminal/Terminal.tsx';

const engine = new EngineClient();

const QUICK_COMMANDS = [
  'kubectl get nodes -o wide',
  'kubectl get all -A',
  'kubectl api-resources',
  'sim trace 15',
];

declare global {
  interface Window {
    /** Test and automation handle: runs a command exactly as the terminal does. */
    kubesim?: { exec(line: string, stdin?: string): Promise<ExecResult> };
  }
}

export function App() {
  const { start, finish, setReady } = useTerminal.getState();
  const ready = useTerminal((s) => s.engineReady);

  const run = useCallback(
    async (command: string) => {
      const id = start(command);
      const result = await engine.exec(command);
      finish(id, result.chunks, result.exitCode);
      return result;
    },
    [start, finish],
  );

  useEffect(() => {
    window.kubesim = { exec: (line, stdin) => engine.exec(line, stdin) };
    let cancelled = false;
    void engine.ready.then(() => {
      if (cancelled) return;
      setReady();
      if (useTerminal.getState().entries.length === 0) void run('kubectl get nodes');
    });
    return () => {
      cancelled = true;
    };
  }, [run, setReady]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <img src="/favicon.svg" alt="" width={22} height={22} /> Kubesim
        </h1>
        <p>A Kubernetes v1.34 cluster running entirely in this tab. Type kubectl commands below.</p>
        <span className={ready ? 'status ready' : 'status'} role="status">
          {ready ? 'cluster running' : 'starting…'}
        </span>
      </header>
      <nav className="quick-commands" aria-label="Example commands">
        {QUICK_COMMANDS.map((c) => (
          <button key={c} type="button" disabled={!ready} onClick={() => void run(c)}>
            {c}
          </button>
        ))}
      </nav>
      <main>
        <Terminal onRun={(c) => void run(c)} />
      </main>
    </div>
  );
}
