/** A kubectl terminal: type a command, see exactly what kubectl prints. */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { builtinResources } from '../../engine/index.ts';
import { useCluster } from '../state/cluster-store.ts';
import { useTerminal } from '../state/terminal-store.ts';
import { complete, type CompletionContext } from './completion.ts';

const KIND_WORDS = [...new Set(builtinResources.flatMap((r) => [r.plural, r.singular, ...r.shortNames]))];

/** What completion knows: the served kinds, and the names of the objects the page mirrors. */
const completionContext: CompletionContext = {
  kinds: KIND_WORDS,
  namesOf: (word) => {
    const w = word.toLowerCase();
    const resource = builtinResources.find(
      (r) => r.plural === w || r.singular === w || r.shortNames.includes(w),
    );
    if (!resource) return [];
    const { objects, keysByKind } = useCluster.getState();
    return (keysByKind[resource.kind] ?? []).map((k) => objects[k]?.name ?? '').filter(Boolean);
  },
};

export function Terminal({ onRun }: { onRun: (command: string) => void }) {
  const entries = useTerminal((s) => s.entries);
  const ready = useTerminal((s) => s.engineReady);
  const [draft, setDraft] = useState('');
  const [historyIndex, setHistoryIndex] = useState<number | undefined>(undefined);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [entries]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const command = draft.trim();
    if (!command) return;
    onRun(command);
    setDraft('');
    setHistoryIndex(undefined);
  };

  const recall = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Tab' && draft.trim() !== '') {
      event.preventDefault();
      const completion = complete(draft, completionContext);
      setDraft(completion.line);
      setCandidates(completion.candidates.length > 1 ? completion.candidates : []);
      return;
    }
    setCandidates([]);
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const commands = entries.map((e) => e.command);
    if (commands.length === 0) return;
    const current = historyIndex ?? commands.length;
    const next = Math.min(commands.length, Math.max(0, current + (event.key === 'ArrowUp' ? -1 : 1)));
    setHistoryIndex(next);
    setDraft(commands[next] ?? '');
  };

  return (
    <section className="terminal" aria-label="Terminal">
      <div className="terminal-log" role="log" aria-live="polite" aria-label="Terminal output">
        {entries.map((entry) => (
          <div key={entry.id} className="terminal-entry" data-exit-code={entry.exitCode ?? ''}>
            <div className="terminal-command">
              <span className="prompt">$</span> {entry.command}
            </div>
            {entry.exitCode === undefined ? (
              <div className="terminal-running">running…</div>
            ) : (
              <pre className="terminal-output">
                {entry.chunks.map((chunk, i) => (
                  <span key={i} className={chunk.stream === 'stderr' ? 'stderr' : undefined}>
                    {chunk.text}
                  </span>
                ))}
              </pre>
            )}
          </div>
        ))}
        <div ref={endRef} />
      </div>
      {candidates.length > 0 ? (
        <p className="completions" aria-live="polite" aria-label="Completions">
          {candidates.join('  ')}
        </p>
      ) : null}
      <form className="terminal-input" onSubmit={submit}>
        <span className="prompt" aria-hidden="true">
          $
        </span>
        <input
          aria-label="Command"
          placeholder={ready ? 'kubectl get pods' : 'starting the cluster…'}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={recall}
          autoFocus
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" disabled={!ready}>
          Run
        </button>
      </form>
    </section>
  );
}
