import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';
import { SessionPage } from './pages/session-page.ts';

const podNames = (app: AppPage) => app.run('kubectl get pods -o name');

test('a reload rebuilds the same cluster and shows the commands again', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  expect(await app.run('kubectl create deployment web --image=nginx:1.27 --replicas=2')).toBe(
    'deployment.apps/web created\n',
  );
  await app.run('sim advance 30s');
  const before = await podNames(app);
  expect(before.split('\n').filter(Boolean)).toHaveLength(2);
  await page.reload();
  await app.open();
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText(
    'deployment.apps/web created',
  );
  expect(await podNames(app)).toBe(before);
  expect(await app.run('kubectl get deployment web -o name')).toBe('deployment.apps/web\n');
});

test('a shared link opens the same cluster in a fresh browser', async ({ page, browser }) => {
  const app = new AppPage(page);
  const session = new SessionPage(page);
  await app.open();
  await app.run('kubectl create deployment shop --image=nginx:1.27 --replicas=3');
  await app.run('sim advance 20s');
  const names = await podNames(app);
  await session.share.click();
  const link = await session.link.inputValue();
  expect(link).toContain('#session=');

  const other = await browser.newContext();
  const fresh = await other.newPage();
  const otherApp = new AppPage(fresh);
  await fresh.goto(link);
  await expect(fresh.getByRole('status').first()).toHaveText('cluster running');
  await expect.poll(() => podNames(otherApp)).toBe(names);
  await other.close();
});

test('a damaged link is reported and a fresh cluster runs', async ({ page }) => {
  const app = new AppPage(page);
  const session = new SessionPage(page);
  await page.goto('/#session=not-a-real-session');
  await expect(session.notice).toContainText('This shared link could not be opened: the link is damaged');
  await expect(page.getByRole('status').first()).toHaveText('cluster running');
  expect(await app.run('kubectl get nodes -o name')).toBe(
    'node/kubesim-control-plane\nnode/kubesim-worker\nnode/kubesim-worker2\nnode/kubesim-worker3\n',
  );
});
