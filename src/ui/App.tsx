/** The app shell: the YAML editor, the live cluster graph with playback controls, and a kubectl terminal. */
import { useCallback, useEffect } from 'react';
import type { PlaybackRequest } from '../worker/protocol.ts';
import { EngineClient, type ExecResult } from './engine-client.ts';
import { ClusterGraph } from './graph/ClusterGraph.tsx';
import { TokenPlayer } from './graph/token-player.ts';
import { Caption } from './playback/Caption.tsx';
import { PlaybackControls } from './playback/PlaybackControls.tsx';
import { useCluster } from './state/cluster-store.ts';
import { RevealGate } from './state/reveal-gate.ts';
import { usePlayback } from './state/playback-store.ts';
import { useTerminal } from './state/terminal-store.ts';
import { Terminal } from './terminal/Terminal.tsx';
import { EditorPanel, useEditor } from './editor/EditorPanel.tsx';
import { ChaosPanel } from './chaos/ChaosPanel.tsx';
import { TrafficPanel } from './traffic/TrafficPanel.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { useTimeline } from './timeline/timeline-store.ts';
import type { TraceRecord } from '../engine/index.ts';
import { SessionMenu } from './session/SessionMenu.tsx';
import { ConnectMenu } from './remote/ConnectMenu.tsx';
import { useSession } from './session/session-store.ts';
import { startSession } from './session/startup.ts';
import { ThemeToggle } from './theme/ThemeToggle.tsx';
import { setInspectSource } from './inspector/inspect-source.ts';
import { useTheme } from './theme/theme-store.ts';

const engine = new EngineClient();
const player = new TokenPlayer();
const gate = new RevealGate((changes) => useCluster.getState().apply(changes));

engine.listen({
  snapshot: (message) => {
    // A snapshot after the first one means the cluster was rebuilt from a saved session.
    player.reset();
    gate.reset();
    useCluster.getState().reset(message.objects);
    usePlayback.getState().sync(message.playback, message.startMs);
    if (useTimeline.getState().records.length === 0) useTimeline.getState().add(message.records);
  },
  delta: (message) => {
    useTimeline.getState().add(message.records);
    // While the page shows the past, the live cluster is paused and redrawn on return.
    if (!useTimeline.getState().viewing) {
      player.enqueue(message.records);
      gate.push(message.objects);
    }
    usePlayback.getState().sync(message.playback);
    useSession.getState().setClock(message.playback.virtualTime);
  },
});

setInspectSource((line) => engine.inspect(line));

/** The page's cluster: rebuilt from a shared link or the saved session, then recorded as it goes. */
const sessionStarted = engine.ready
  .then(() => startSession(engine))
  .then((editorText) => {
    if (editorText !== undefined) useEditor.getState().setText(editorText);
  })
  .catch((e: unknown) => {
    useSession
      .getState()
      .setNotice(`The saved session could not be restored: ${String(e)}. A fresh cluster is running.`);
  })
  .finally(() => engine.onExecuted((entry) => useSession.getState().record(entry)));

const control = (request: PlaybackRequest) => engine.control(request);

/** Time travel: pause the live cluster and show the one rebuilt at the record's moment. */
async function viewPast(record: TraceRecord): Promise<void> {
  if (engine.source.kind === 'server') {
    useSession
      .getState()
      .setNotice('Time travel works on the in-browser cluster; disconnect from the server first.');
    return;
  }
  control({ type: 'pause' });
  const past = await engine.viewAt(record.time, useSession.getState().entries, record.seq);
  useTimeline.getState().view(record);
  player.reset();
  gate.reset();
  useCluster.getState().reset(past.objects);
}

function returnToLive(): void {
  useTimeline.getState().view(undefined);
  engine.backToLive();
  control({ type: 'play' });
}

const PAST_REFUSAL =
  'error: the page is showing the past; choose "Return to live" in the timeline to run commands\n';

const QUICK_COMMANDS = [
  'kubectl get nodes -o wide',
  'kubectl get all -A',
  'kubectl api-resources',
  'sim trace 15',
];

declare global {
  interface Window {
    /** Test and automation handle: runs a command exactly as the terminal does. */
    kubesim?: {
      /** What the `kubesim` CLI would print for the line (stdout and stderr, in order). */
      run(line: string, stdin?: string): Promise<string>;
      exec(line: string, stdin?: string): Promise<ExecResult>;
    };
  }
}

export function App() {
  const { start, finish, setReady } = useTerminal.getState();
  const ready = useTerminal((s) => s.engineReady);
  const theme = useTheme((s) => s.theme);
  const startMs = usePlayback((s) => s.startMs);

  const run = useCallback(
    async (command: string, stdin?: string, typed?: readonly string[]) => {
      // The terminal shows the lines as typed (`<<EOF` and all); the engine gets the command and its input.
      const id = start(typed?.[0] ?? command, typed?.slice(1));
      if (useTimeline.getState().viewing) {
        const chunks = [{ stream: 'stderr' as const, text: PAST_REFUSAL }];
        finish(id, chunks, 1);
        return { chunks, exitCode: 1, text: PAST_REFUSAL };
      }
      const result = await engine.exec(command, stdin);
      finish(id, result.chunks, result.exitCode);
      return result;
    },
    [start, finish],
  );

  useEffect(() => {
    window.kubesim = {
      exec: (line, stdin) => engine.exec(line, stdin),
      run: async (line, stdin) => (await engine.exec(line, stdin)).text,
    };
    let cancelled = false;
    void sessionStarted.then(() => {
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
        <p>A Kubernetes v1.34 cluster running entirely in this tab. Watch every message it sends.</p>
        <ConnectMenu engine={engine} />
        <SessionMenu engine={engine} />
        <ThemeToggle />
        <span className={ready ? 'status ready' : 'status'} role="status">
          {ready ? 'cluster running' : 'starting…'}
        </span>
      </header>
      <div className="workspace">
        <div className="side-column">
          <EditorPanel ready={ready} theme={theme} run={run} />
          <ChaosPanel ready={ready} run={run} />
          <TrafficPanel ready={ready} run={run} />
        </div>
        <div className="centre">
          <div className="stage">
            <PlaybackControls control={control} />
            <Caption />
            <ClusterGraph player={player} gate={gate} />
          </div>
          <nav className="quick-commands" aria-label="Example commands">
            {QUICK_COMMANDS.map((c) => (
              <button key={c} type="button" disabled={!ready} onClick={() => void run(c)}>
                {c}
              </button>
            ))}
          </nav>
          <main>
            <Terminal onRun={(c, stdin, typed) => void run(c, stdin, typed)} />
            <Timeline startMs={startMs} onView={(r) => void viewPast(r)} onLive={returnToLive} />
          </main>
        </div>
      </div>
    </div>
  );
}
