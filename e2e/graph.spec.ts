import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  greeting: hello\n';

test('the graph shows the control plane and three Ready worker nodes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  for (const name of [
    'kubectl',
    'kube-apiserver',
    'etcd',
    'kube-scheduler',
    'kube-controller-manager',
    'cloud-controller-manager',
  ]) {
    await expect(app.component(name)).toBeVisible();
  }
  for (const worker of ['kubesim-worker', 'kubesim-worker2', 'kubesim-worker3']) {
    await expect(app.node(worker)).toHaveAccessibleName(`node ${worker} Ready`);
  }
  await expect(app.play).toBeVisible();
  await expect(app.pause).toBeVisible();
  await expect(app.step).toBeVisible();
  await expect(app.speed).toBeVisible();
});

test('applying a ConfigMap animates its real trace records', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const before = await app.animatedCount();
  const out = await app.run('kubectl apply -f -', configMap);
  expect(out).toBe('configmap/demo created\n');
  // The create request travels kubectl → API server and the write reaches etcd.
  await expect(app.caption).toContainText('configmaps/default/demo', { timeout: 20_000 });
  expect(await app.animatedCount()).toBeGreaterThan(before);
  expect(await app.run('kubectl get configmap demo -o name')).toBe('configmap/demo\n');
});

test('Pause freezes the virtual clock and Step releases one record at a time', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.pause.click();
  await expect(app.play).toBeEnabled();
  const frozen = await app.clock.textContent();
  await page.waitForTimeout(1500);
  await expect(app.clock).toHaveText(frozen!);

  await app.run('kubectl apply -f -', configMap);
  const count = await app.animationIdle();
  await app.step.click();
  await expect(app.animated).toHaveText(String(count + 1));
  // kubectl cached discovery when the page ran `kubectl get nodes`, so apply starts with a GET.
  await expect(app.caption).toHaveText(
    'Kubectl asks the API server: GET /api/v1/namespaces/default/configmaps/demo',
  );
  await page.keyboard.press('ArrowRight');
  await expect(app.animated).toHaveText(String(count + 2));
  await expect(app.caption).toHaveText(
    'The API server answers kubectl: 404 NotFound: configmaps "demo" not found',
  );
  await expect(app.clock).toHaveText(frozen!);
  // The worker holds the remaining records back: nothing more is animated until the next Step.
  await page.waitForTimeout(500);
  await expect(app.animated).toHaveText(String(count + 2));

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(app.pause).toBeEnabled();
  await expect(app.clock).not.toHaveText(frozen!);
});

test('a Deployment’s pods appear on the graph, Running and spread over the workers', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  expect(await app.run('kubectl create deployment web --image=nginx --replicas=3')).toBe(
    'deployment.apps/web created\n',
  );
  // Objects appear as the animation reaches their writes: watch at the top speed.
  await app.speed.fill('9');
  await expect(app.speed).toHaveAttribute('aria-valuetext', '100×');
  await page.getByRole('button', { name: 'Step until quiet' }).click();
  const pods = app.graph.getByRole('button', { name: /^pod default\/web-[a-z0-9]+-[a-z0-9]{5} Running$/ });
  await expect(pods).toHaveCount(3, { timeout: 20_000 });
  for (const worker of ['kubesim-worker', 'kubesim-worker2', 'kubesim-worker3']) {
    await expect(app.node(worker).getByRole('button', { name: /^pod default\/web-/ })).toHaveCount(1);
  }
  await pods.first().click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('Running');
  await expect(inspector).toContainText('kubesim-worker');
});
