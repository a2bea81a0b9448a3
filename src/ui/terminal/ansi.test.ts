import { describe, expect, it } from 'vitest';
import { ansiSegments } from './ansi.ts';

describe('ansiSegments', () => {
  it('leaves plain text whole', () => {
    expect(ansiSegments('plain\n')).toEqual([{ text: 'plain\n', className: '' }]);
  });

  it('turns colour codes into classes and drops the escape bytes', () => {
    const segments = ansiSegments('a \u001b[31mred warning\u001b[39m b');
    expect(segments).toEqual([
      { text: 'a ', className: '' },
      { text: 'red warning', className: 'ansi-red-fg' },
      { text: ' b', className: '' },
    ]);
    expect(segments.map((s) => s.text).join('')).not.toContain('\u001b');
  });

  it('keeps bold with a colour', () => {
    expect(ansiSegments('\u001b[1;32mok\u001b[0m')[0]).toEqual({
      text: 'ok',
      className: 'ansi-green-fg ansi-bold',
    });
  });
});
