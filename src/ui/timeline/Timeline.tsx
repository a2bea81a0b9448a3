/**
 * The timeline: the messages the cluster exchanged, newest last, filterable by component,
 * object or type. Selecting one shows the cluster as it was at that moment — rebuilt from
 * the seed and the recorded commands, not from stored copies — until "Return to live".
 */
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { TraceRecord } from '../../engine/index.ts';
import { matches, useTimeline } from './timeline-store.ts';
import './timeline.css';

/** Rows drawn at once: the newest matches; older ones are reached by narrowing the filter. */
const ROWS_SHOWN = 300;

export interface TimelineProps {
  readonly startMs: number;
  readonly onView: (record: TraceRecord) => void;
  readonly onLive: () => void;
}

function clock(ms: number, startMs: number): string {
  const t = Math.max(0, ms - startMs);
  const minutes = Math.floor(t / 60_000);
  const seconds = ((t % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return `${String(minutes).padStart(2, '0')}:${seconds}`;
}

export function Timeline({ startMs, onView, onLive }: TimelineProps) {
  const records = useTimeline((s) => s.records);
  const viewing = useTimeline((s) => s.viewing);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const shown = records.filter((r) => matches(r, deferred)).slice(-ROWS_SHOWN);
  const list = useRef<HTMLOListElement>(null);
  const lastSeq = shown.at(-1)?.seq;
  // Follow the newest record, unless the user has scrolled up to read older ones.
  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [lastSeq]);
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-bar">
        <input
          aria-label="Filter timeline"
          placeholder="filter: scheduler, pods/default/web, watch…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          spellCheck={false}
        />
        {viewing ? (
          <button type="button" className="live" onClick={onLive}>
            Return to live
          </button>
        ) : null}
      </div>
      {viewing ? (
        <p className="timeline-past" role="note">
          Viewing the cluster at {clock(viewing.time, startMs)} (#{viewing.seq}). Commands wait until you
          return to live.
        </p>
      ) : null}
      <ol className="timeline-list" ref={list}>
        {shown.map((r) => (
          <li key={r.seq}>
            <button
              type="button"
              aria-current={viewing?.seq === r.seq ? 'true' : undefined}
              onClick={() => onView(r)}
              title={r.summary}
            >
              <span className="t">{clock(r.time, startMs)}</span>
              <span className={`kind ${r.type}`}>{r.type}</span>
              <span className="route">
                {r.from} → {r.to}
              </span>
              <span className="what">
                {r.verb} {r.object}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
