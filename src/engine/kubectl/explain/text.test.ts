import { describe, expect, it } from 'vitest';
import { indentText, truthy, wrapText } from './text.ts';

describe('wrapText (go-wordwrap as kubectl explain uses it)', () => {
  it('breaks at the last space that keeps a line within the limit', () => {
    expect(wrapText('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapText('aaa bbb ccc', 6)).toBe('aaa\nbbb\nccc');
  });

  it('drops the spaces at a wrap point', () => {
    expect(wrapText('aaaa    bbbb', 4)).toBe('aaaa\nbbbb');
  });

  it('lets a word longer than the limit run past it, on a line of its own', () => {
    expect(wrapText('a verylongword b', 5)).toBe('a\nverylongword\nb');
  });

  it('keeps the line breaks of the text, and the spaces before them', () => {
    expect(wrapText('ab  \ncd\n\nef', 80)).toBe('ab  \ncd\n\nef');
    expect(wrapText('one two\nthree four', 8)).toBe('one two\nthree\nfour');
  });

  it('counts characters, not UTF-16 units, and never breaks at a no-break space', () => {
    expect(wrapText('😀😀 😀', 2)).toBe('😀😀\n😀');
    expect(wrapText('a\u00a0b c', 3)).toBe('a\u00a0b\nc');
  });

  it('leaves the text alone with a limit of 0', () => {
    expect(wrapText('a b c', 0)).toBe('a b c');
  });
});

describe('indentText', () => {
  it('indents every line, empty ones and a trailing one included', () => {
    expect(indentText(2, 'a\n\nb')).toBe('  a\n  \n  b');
    expect(indentText(4, 'x\n')).toBe('    x\n    ');
    expect(indentText(0, 'x')).toBe('x');
  });
});

describe('truthy (Go template truth)', () => {
  it('treats empty values as false', () => {
    expect([undefined, null, false, 0, '', [], {}].map(truthy)).toEqual(Array(7).fill(false));
    expect([true, 1, 'x', [0], { a: 1 }].map(truthy)).toEqual(Array(5).fill(true));
  });
});
