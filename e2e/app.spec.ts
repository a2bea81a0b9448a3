import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

test('the in-browser cluster answers kubectl', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('cluster running');
  const log = page.getByRole('log', { name: 'Terminal output' });
  // The page runs `kubectl get nodes` against the engine in its Web Worker on load.
  await expect(log).toContainText('kubesim-control-plane');
  await expect(log).toContainText('kubesim-worker3');

  await page.getByRole('textbox', { name: 'Command' }).fill('kubectl create namespace demo');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(log).toContainText('namespace/demo created');

  await page.getByRole('textbox', { name: 'Command' }).fill('kubectl get ns demo');
  await page.keyboard.press('Enter');
  await expect(log.locator('.terminal-entry').last()).toContainText('demo');

  const result = await page.evaluate(() => window.kubesim!.exec('kubectl get pods'));
  expect(result.exitCode).toBe(0);
  expect(result.text).toBe('No resources found in default namespace.\n');
});

test('bad input gets a kubectl error and the session survives', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('status')).toHaveText('cluster running');
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill('kubectl get flurbs');
  await input.press('Enter');
  const log = page.getByRole('log', { name: 'Terminal output' });
  await expect(log).toContainText('error: the server doesn\'t have a resource type "flurbs"');
  await input.fill('kubectl get ns default');
  await input.press('Enter');
  await expect(log.locator('.terminal-entry').last()).toContainText('default');
});

test('Tab completes commands, kinds and object names; ↑ recalls the last command', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill('kubectl desc');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl describe ');
  await input.pressSequentially('no');
  await input.press('Tab');
  await expect(page.getByLabel('Completions')).toContainText('node');
  await input.fill('kubectl describe node kubesim-control');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl describe node kubesim-control-plane ');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText(
    'Name:               kubesim-control-plane',
  );
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl describe node kubesim-control-plane');
});

test('a here-document typed line by line is applied as the standard input of its command', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  const input = page.getByRole('textbox', { name: 'Command' });
  const log = page.getByRole('log', { name: 'Terminal output' });
  for (const line of [
    'kubectl apply -f - <<EOF',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: typed',
  ]) {
    await input.fill(line);
    await input.press('Enter');
  }
  await expect(page.getByLabel('Unfinished command')).toContainText('> kind: ConfigMap');
  await input.fill('EOF');
  await input.press('Enter');
  await expect(page.getByLabel('Unfinished command')).toHaveCount(0);
  const entry = log.locator('.terminal-entry').last();
  await expect(entry).toContainText('kubectl apply -f - <<EOF');
  await expect(entry).toContainText('configmap/typed created');

  // Escape drops an unfinished command, as Ctrl-C does in a shell.
  await input.fill('kubectl apply -f - <<EOF');
  await input.press('Enter');
  await expect(page.getByLabel('Unfinished command')).toBeVisible();
  await input.press('Escape');
  await expect(page.getByLabel('Unfinished command')).toHaveCount(0);
  await input.fill('kubectl get configmap typed -o name');
  await input.press('Enter');
  await expect(log.locator('.terminal-entry').last()).toContainText('configmap/typed');
});
