/** Page object for the YAML editor column: examples, the Monaco editor, Apply and its result. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  readonly panel: Locator;
  readonly apply: Locator;
  readonly examples: Locator;
  readonly result: Locator;
  readonly monaco: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Editor' });
    this.apply = this.panel.getByRole('button', { name: 'Apply' });
    this.examples = this.panel.getByRole('combobox', { name: 'Examples' });
    this.result = this.panel.getByRole('status', { name: 'Apply result' });
    this.monaco = this.panel.locator('.monaco-host[data-loaded="true"]');
  }

  async ready(): Promise<void> {
    await expect(this.monaco).toBeVisible({ timeout: 30_000 });
  }

  /** Replaces the text as a user does: select all, then paste. */
  async paste(text: string): Promise<void> {
    await this.monaco.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.monaco.locator('textarea').evaluate((area, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      area.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** The editor's text, line by line as Monaco renders it (non-breaking spaces normalised). */
  async text(): Promise<string> {
    const lines = await this.monaco.locator('.view-line').allTextContents();
    return lines.map((l) => l.replace(/\u00a0/g, ' ')).join('\n');
  }

  /** 1-based numbers of the lines carrying an error marker. */
  async errorLines(): Promise<number[]> {
    return this.page.evaluate(() => {
      const squiggles = [...document.querySelectorAll('.monaco-host .squiggly-error')];
      const line = document.querySelector('.monaco-host .view-line') as HTMLElement;
      const lineHeight = line.offsetHeight;
      return [
        ...new Set(
          squiggles.map(
            (s) => Math.round(parseFloat((s.parentElement as HTMLElement).style.top) / lineHeight) + 1,
          ),
        ),
      ].sort((a, b) => a - b);
    });
  }
}
