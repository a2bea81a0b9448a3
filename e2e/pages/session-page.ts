/** Page object for the session actions in the header: share, export, import, start over. */
import type { Locator, Page } from '@playwright/test';

export class SessionPage {
  readonly share: Locator;
  readonly link: Locator;
  readonly notice: Locator;
  readonly newCluster: Locator;

  constructor(readonly page: Page) {
    const menu = page.getByRole('group', { name: 'Session' });
    this.share = menu.getByRole('button', { name: 'Share' });
    this.newCluster = menu.getByRole('button', { name: 'New cluster' });
    this.link = page.getByRole('textbox', { name: 'Share link' });
    this.notice = page.getByRole('alert', { name: 'Session problem' });
  }
}
