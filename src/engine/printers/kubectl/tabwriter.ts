/**
 * The elastic-tabstop writer kubectl prints tables with (Go's text/tabwriter as forked by
 * github.com/liggitt/tabwriter, configured by cli-runtime's GetNewTabWriter: min width 6,
 * tab width 4, padding 3, pad char ' ', RememberWidths).
 *
 * Cells are tab-terminated: the text after the last tab of a line belongs to no column and
 * is never padded, which is why kubectl's lines carry no trailing blanks. A column's width
 * is the widest cell of a run of consecutive lines that have that column, plus padding.
 * Widths are counted in code points, as Go counts runes.
 */

interface Cell {
  /** Length of the cell's text in UTF-16 units (its slice of the buffer). */
  size: number;
  /** Width in runes. */
  width: number;
  htab: boolean;
}

export interface TabWriterOptions {
  readonly minWidth: number;
  readonly padding: number;
  /** Keep the widest width seen per column across flushes. */
  readonly rememberWidths: boolean;
}

export const kubectlTabWriterOptions: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };

function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export class TabWriter {
  readonly #options: TabWriterOptions;
  #buf = '';
  #cell: Cell = { size: 0, width: 0, htab: false };
  #lines: Cell[][] = [[]];
  #widths: number[] = [];
  #maxWidths: number[] = [];
  #out = '';

  constructor(options: TabWriterOptions = kubectlTabWriterOptions) {
    this.#options = options;
  }

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.#append(text.slice(start, i));
      start = i + 1;
      const cells = this.#terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.#lines.push([]);
        // A line without tabs cannot affect later alignment, so Go flushes right there.
        if (ch === '\f' || cells === 1) this.#flushBuffered();
      }
    }
    this.#append(text.slice(start));
  }

  /** Formats everything buffered so far and returns all output produced since the last take. */
  flush(): void {
    this.#flushBuffered();
  }

  /** Forgets remembered widths (kubectl does this between resource types). */
  resetRememberedWidths(): void {
    this.#maxWidths = [];
  }

  /** Output written so far; clears it. */
  take(): string {
    const out = this.#out;
    this.#out = '';
    return out;
  }

  #append(text: string): void {
    if (text === '') return;
    this.#buf += text;
    this.#cell.size += text.length;
    this.#cell.width += runeCount(text);
  }

  #terminateCell(htab: boolean): number {
    this.#cell.htab = htab;
    const line = this.#lines[this.#lines.length - 1]!;
    line.push(this.#cell);
    this.#cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  #flushBuffered(): void {
    if (this.#cell.size > 0) this.#terminateCell(false);
    this.#format(0, 0, this.#lines.length);
    this.#buf = '';
    this.#cell = { size: 0, width: 0, htab: false };
    this.#lines = [[]];
    this.#widths = [];
  }

  #format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.#widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.#lines[current]!.length - 1) continue;
      pos = this.#writeLines(pos, line0, current);
      line0 = current;
      let width = this.#options.minWidth;
      for (; current < line1; current++) {
        const line = this.#lines[current]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + this.#options.padding);
      }
      if (this.#options.rememberWidths) width = this.#remember(width);
      this.#widths.push(width);
      pos = this.#format(pos, line0, current);
      this.#widths.pop();
      line0 = current;
    }
    return this.#writeLines(pos, line0, line1);
  }

  #remember(width: number): number {
    const column = this.#widths.length;
    if (this.#maxWidths.length < column) this.#maxWidths.push(...this.#widths.slice(this.#maxWidths.length));
    const known = this.#maxWidths[column];
    if (known === undefined) this.#maxWidths.push(width);
    else if (known > width) return known;
    else this.#maxWidths[column] = width;
    return width;
  }

  #writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.#lines[i]!;
      line.forEach((c, j) => {
        if (c.size > 0) {
          this.#out += this.#buf.slice(pos, pos + c.size);
          pos += c.size;
        }
        const width = this.#widths[j];
        if (width !== undefined) this.#out += ' '.repeat(width - c.width);
      });
      if (i + 1 === this.#lines.length) {
        this.#out += this.#buf.slice(pos, pos + this.#cell.size);
        pos += this.#cell.size;
      } else {
        this.#out += '\n';
      }
    }
    return pos;
  }
}
