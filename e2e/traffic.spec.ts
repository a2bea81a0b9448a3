import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

test('the traffic panel sends requests to a Service and the terminal shows each one reach a pod', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80');
  await app.run('kubectl expose deployment web --port=80');
  await app.run('kubectl run client --image=busybox:1.37 -- sleep 3600');
  await app.run('sim advance 30s');
  // The page shows objects once their messages have played: let them play fast.
  await app.speed.fill('9');
  const traffic = page.getByRole('group', { name: 'Traffic' });
  await traffic.getByText('Traffic', { exact: true }).click();
  await expect(traffic.getByRole('combobox', { name: 'Target' })).toHaveValue('default/web', {
    timeout: 30_000,
  });
  await expect(traffic.getByRole('option', { name: 'from default/client' })).toHaveCount(1, {
    timeout: 30_000,
  });
  await traffic.getByRole('combobox', { name: 'From' }).selectOption('default/client');
  await traffic.getByRole('spinbutton', { name: 'Requests' }).fill('3');
  await traffic.getByRole('button', { name: 'Send requests' }).click();
  const entry = page.getByRole('log', { name: 'Terminal output' }).locator('.terminal-entry').last();
  await expect(entry).toContainText('sim request web --count 3 --from client -n default');
  await expect(entry.getByText(/HTTP 200 OK/)).toHaveCount(3);
});

test('the Services overlay lists each Service with its endpoints and highlights their pods', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80');
  await app.run('kubectl expose deployment web --port=80 --type=NodePort');
  await app.run('sim advance 30s');
  await app.speed.fill('9');
  await page.getByRole('button', { name: 'Services', exact: true }).click();
  const web = page.getByRole('listitem', { name: /^service default\/web NodePort 2 ready endpoints$/ });
  await expect(web).toBeVisible({ timeout: 30_000 });
  await web.hover();
  await expect(page.locator('.pod.behind-service')).toHaveCount(2);
  await page.getByRole('button', { name: 'Services', exact: true }).click();
  await expect(web).toHaveCount(0);
});
