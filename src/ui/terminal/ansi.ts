/**
 * Container logs carry terminal colour codes (mongo-express prints its warnings in red), as
 * `kubectl logs` passes them through unchanged. The terminal shows them as a real one would:
 * coloured text, never the escape bytes.
 */
import Anser from 'anser';

export interface AnsiSegment {
  readonly text: string;
  /** `ansi-red-fg ansi-bold`-style classes, empty for plain text. */
  readonly className: string;
}

export function ansiSegments(text: string): AnsiSegment[] {
  if (!text.includes('\u001b[')) return [{ text, className: '' }];
  return Anser.ansiToJson(text, { use_classes: true, remove_empty: true }).map((part) => ({
    text: part.content,
    className: [
      part.fg ? `${part.fg}-fg` : '',
      part.bg ? `${part.bg}-bg` : '',
      ...part.decorations.map((d) => `ansi-${d}`),
    ]
      .filter(Boolean)
      .join(' '),
  }));
}
