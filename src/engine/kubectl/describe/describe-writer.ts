/**
 * kubectl's describe output is written through one elastic tab writer (min width 0,
 * padding 2) with indentation levels of two spaces; `flush()` ends a column block early,
 * as kubectl does before its Events table.
 */
import { TabWriter } from '../../printers/index.ts';

export class DescribeWriter {
  readonly #tab = new TabWriter({ minWidth: 0, padding: 2, rememberWidths: false });
  #out = '';

  /** Writes one or more lines at an indentation level (0 = none, 1 = two spaces, …). */
  write(level: number, text: string): void {
    this.#tab.write(`${'  '.repeat(level)}${text}`);
  }

  flush(): void {
    this.#tab.flush();
    this.#out += this.#tab.take();
  }

  text(): string {
    this.flush();
    return this.#out;
  }
}
