/**
 * The timeline's records (the most recent ones, as the page received them) and whether the
 * page shows the live cluster or the cluster as it was at a past record.
 */
import { create } from 'zustand';
import type { TraceRecord } from '../../engine/index.ts';

/** The timeline keeps this many records; older ones scroll out. */
export const TIMELINE_CAPACITY = 5_000;

interface TimelineState {
  records: readonly TraceRecord[];
  /** The record whose moment the page shows, or undefined when it shows the live cluster. */
  viewing: TraceRecord | undefined;
  add(records: readonly TraceRecord[]): void;
  view(record: TraceRecord | undefined): void;
  clear(): void;
}

export const useTimeline = create<TimelineState>((set) => ({
  records: [],
  viewing: undefined,
  add: (records) => {
    if (records.length === 0) return;
    set((s) => {
      const all = [...s.records, ...records];
      return { records: all.length > TIMELINE_CAPACITY ? all.slice(all.length - TIMELINE_CAPACITY) : all };
    });
  },
  view: (record) => set({ viewing: record }),
  clear: () => set({ records: [], viewing: undefined }),
}));

/** Whether a record matches the filter text (component, object, type, verb or summary). */
export function matches(record: TraceRecord, filter: string): boolean {
  if (!filter) return true;
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const text =
    `${record.from} ${record.to} ${record.type} ${record.verb} ${record.object} ${record.summary}`.toLowerCase();
  return words.every((w) => text.includes(w));
}
