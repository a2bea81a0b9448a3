/** The narration line: the latest animated trace record in plain words. */
import { usePlayback } from '../state/playback-store.ts';

export function Caption() {
  const caption = usePlayback((s) => s.caption);
  return (
    <section className="caption" aria-label="Narration">
      <p aria-live="polite">{caption || 'Waiting for the first message…'}</p>
    </section>
  );
}
