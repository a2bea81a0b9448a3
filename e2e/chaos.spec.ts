import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

test('failing a node from the chaos panel gets its pods replaced on the other nodes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  await app.run('sim advance 30s');
  const chaos = page.getByRole('group', { name: 'Chaos' });
  await chaos.getByRole('combobox', { name: 'Node' }).selectOption('kubesim-worker2');
  await chaos.getByRole('button', { name: 'Fail node' }).click();
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText(
    'node/kubesim-worker2 failed: its kubelet stopped',
  );
  await app.run('sim advance 7m');
  const wide = await app.run('kubectl get pods -o wide');
  const running = wide.split('\n').filter((l) => / Running /.test(l));
  expect(running).toHaveLength(3);
  expect(running.every((l) => !l.includes('kubesim-worker2 '))).toBe(true);
  expect(await app.run('kubectl get nodes kubesim-worker2 --no-headers')).toContain('NotReady');
  await app.speed.fill('9');
  await page.getByRole('button', { name: 'Step until quiet' }).click();
  await expect(app.node('kubesim-worker2')).toHaveAccessibleName(/NotReady/, { timeout: 30_000 });
});
