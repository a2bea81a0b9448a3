/** Playback as the page sees it: the worker's state plus what the animation has shown. */
import { create } from 'zustand';
import type { PlaybackState } from '../../worker/protocol.ts';

interface PlaybackStore extends PlaybackState {
  readonly startMs: number;
  /** Trace records the graph has animated so far. */
  readonly animated: number;
  /** Plain-words narration of the record animated last. */
  readonly caption: string;
  sync(state: PlaybackState, startMs?: number): void;
  /** `count` more records were animated, the last of them narrated by `caption`. */
  shown(caption: string, count: number): void;
}

export const usePlayback = create<PlaybackStore>((set) => ({
  playing: true,
  speed: 1,
  virtualTime: 0,
  held: 0,
  startMs: 0,
  animated: 0,
  caption: '',
  sync: (state, startMs) => set(startMs === undefined ? { ...state } : { ...state, startMs }),
  shown: (caption, count) => set((s) => ({ caption, animated: s.animated + count })),
}));
