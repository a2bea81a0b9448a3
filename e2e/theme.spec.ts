import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

test('the theme follows the system at first, switches, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = new AppPage(page);
  await app.open();
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await background();
  await page.getByRole('button', { name: 'Theme' }).click();
  await expect(root).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(dark);
  await page.reload();
  await app.open();
  await expect(root).toHaveAttribute('data-theme', 'light');
});
