/** A kubectl terminal: type a command, see exactly what kubectl prints. */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { builtinResources } from '../../engine/index.ts';
import { useCluster } from '../state/cluster-store.ts';
import { useTerminal } from '../state/terminal-store.ts';
import { complete, type CompletionContext } from './completion.ts';
import { readCommand } from './continuation.ts';
import { ansiSegments } from './ansi.ts';

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

/** `typed` is every line the learner typed for the command, shown in the log as typed. */
export type RunCommand = (command: string, stdin?: string, typed?: readonly string[]) => void;

export function Terminal({ onRun }: { onRun: RunCommand }) {
  const entries = useTerminal((s) => s.entries);
  const ready = useTerminal((s) => s.engineReady);
  const [draft, setDraft] = useState('');
  const [historyIndex, setHistoryIndex] = useState<number | undefined>(undefined);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  // Lines of a command still being typed: after a trailing `\` or inside a here-document.
  const [pending, setPending] = useState<readonly string[]>([]);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [entries]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending.length === 0 && !draft.trim()) return;
    const lines = [...pending, pending.length ? draft : draft.trim()];
    setDraft('');
    setHistoryIndex(undefined);
    const read = readCommand(lines);
    if (!read.complete) {
      setPending(lines);
      return;
    }
    setPending([]);
    for (const step of read.steps) onRun(step.command, step.stdin, step.echo);
  };

  const recall = (event: KeyboardEvent<HTMLInputElement>) => {
    if (pending.length > 0 && (event.key === 'Escape' || (event.key === 'c' && event.ctrlKey))) {
      // As Ctrl-C in a shell: drop the unfinished command, keep nothing running.
      event.preventDefault();
      setPending([]);
      setDraft('');
      return;
    }
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
              {entry.continuation?.map((line, i) => (
                <div key={i} className="terminal-continuation">
                  <span className="prompt">&gt;</span> {line}
                </div>
              ))}
            </div>
            {entry.exitCode === undefined ? (
              <div className="terminal-running">running…</div>
            ) : (
              <pre className="terminal-output">
                {entry.chunks.map((chunk, i) => (
                  <span key={i} className={chunk.stream === 'stderr' ? 'stderr' : undefined}>
                    {ansiSegments(chunk.text).map((segment, j) =>
                      segment.className ? (
                        <span key={j} className={segment.className}>
                          {segment.text}
                        </span>
                      ) : (
                        segment.text
                      ),
                    )}
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
      {pending.length > 0 ? (
        <pre className="terminal-pending" aria-label="Unfinished command">
          {pending.map((line, i) => `${i === 0 ? '$' : '>'} ${line}\n`).join('')}
        </pre>
      ) : null}
      <form className="terminal-input" onSubmit={submit}>
        <span className="prompt" aria-hidden="true">
          {pending.length > 0 ? '>' : '$'}
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
