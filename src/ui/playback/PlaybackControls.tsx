/**
 * Play, Pause, Step, Step until quiet, the speed slider and the virtual clock. Pausing
 * freezes the engine itself; Step releases one trace record at a time.
 */
import { useEffect } from 'react';
import type { PlaybackRequest } from '../../worker/protocol.ts';
import { usePlayback } from '../state/playback-store.ts';
import { formatElapsed, SPEEDS, speedIndex } from './speeds.ts';

/** Keys typed into a field (or Space on a button, which clicks it) are not playback shortcuts. */
function isForField(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (event.key === ' ' && target.tagName === 'BUTTON') return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function PlaybackControls({ control }: { readonly control: (request: PlaybackRequest) => void }) {
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const elapsed = usePlayback((s) => s.virtualTime - s.startMs);
  const held = usePlayback((s) => s.held);
  const animated = usePlayback((s) => s.animated);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isForField(event) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === ' ') {
        event.preventDefault();
        control({ type: usePlayback.getState().playing ? 'pause' : 'play' });
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        control({ type: 'step' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [control]);

  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" disabled={playing} onClick={() => control({ type: 'play' })}>
        Play
      </button>
      <button type="button" disabled={!playing} onClick={() => control({ type: 'pause' })}>
        Pause
      </button>
      <button type="button" onClick={() => control({ type: 'step' })}>
        Step
      </button>
      <button type="button" onClick={() => control({ type: 'settle' })}>
        Step until quiet
      </button>
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          aria-valuetext={`${speed}×`}
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex(speed)}
          onChange={(e) => control({ type: 'speed', speed: SPEEDS[Number(e.target.value)] ?? 1 })}
        />
        <span className="speed-value">{speed}×</span>
      </label>
      <span role="timer" aria-label="Virtual clock" className="clock">
        {formatElapsed(elapsed)}
      </span>
      <span className="counter" data-testid="animated-count" title="Trace records animated">
        {animated}
      </span>
      <span className="held">{held > 0 ? `${held} held` : ''}</span>
    </div>
  );
}
