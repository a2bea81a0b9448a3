import { describe, expect, it } from 'vitest';
import { TabWriter, type TabWriterOptions } from './tabwriter.ts';

function tabwrite(text: string, options?: TabWriterOptions): string {
  const w = new TabWriter(options);
  w.write(text);
  w.flush();
  return w.take();
}

describe('TabWriter (kubectl settings: min width 6, padding 3)', () => {
  it('pads columns to the widest cell plus three, never below six, and leaves the last cell alone', () => {
    expect(tabwrite('NAME\tAGE\nweb-1\t5s\n')).toBe('NAME    AGE\nweb-1   5s\n');
    expect(tabwrite('A\tB\tC\nx\ty\tz\n')).toBe('A     B     C\nx     y     z\n');
  });

  it('pads an empty cell, so a line ending in an empty cell keeps trailing blanks', () => {
    expect(tabwrite('NAME\tLABEL\nweb\t\n')).toBe('NAME   LABEL\nweb    \n');
  });

  it('counts runes, not UTF-16 units, when measuring cells', () => {
    expect(tabwrite('é🙂\tx\nab\ty\n')).toBe('é🙂    x\nab    y\n');
    expect(tabwrite('ééééé\tx\n')).toBe('ééééé   x\n');
  });

  it('aligns a column only over consecutive lines that have it (Go text/tabwriter)', () => {
    const plain = { minWidth: 6, padding: 3, rememberWidths: false };
    expect(tabwrite('aaaaaaaaaa\tb\nc\n\nd\te\n', plain)).toBe('aaaaaaaaaa   b\nc\n\nd     e\n');
  });

  it('lets a remembered width carry over to a later block, as the kubectl writer does', () => {
    expect(tabwrite('aaaaaaaaaa\tb\nc\n\nd\te\n')).toBe('aaaaaaaaaa   b\nc\n\nd            e\n');
  });

  it('remembers widths across flushes until reset', () => {
    const w = new TabWriter();
    w.write('long-name-here\tx\n');
    w.flush();
    w.write('a\tb\n');
    w.flush();
    expect(w.take()).toBe('long-name-here   x\na                b\n');
    w.resetRememberedWidths();
    w.write('a\tb\n');
    w.flush();
    expect(w.take()).toBe('a     b\n');
  });
});
