import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';
import { EditorPage } from './pages/editor-page.ts';

/** Picks an example, applies it and lets the cluster run for `advance` of virtual time. */
async function applyExample(page: Page, label: string, advance: string) {
  const app = new AppPage(page);
  const editor = new EditorPage(page);
  await app.open();
  await editor.ready();
  await editor.examples.selectOption({ label });
  await editor.apply.click();
  await expect(editor.result).toContainText('created');
  await app.run(`sim advance ${advance}`);
  return app;
}

test('the Job example runs the pi pod to completion', async ({ page }) => {
  const app = await applyExample(page, 'Job', '90s');
  expect(await app.run('kubectl get jobs')).toMatch(/pi\s+Complete\s+1\/1/);
  expect(await app.run('kubectl logs job/pi')).toMatch(/^3\.14159265358979/);
});

test('the DaemonSet example puts one pod on each worker and none on the control plane', async ({ page }) => {
  const app = await applyExample(page, 'DaemonSet', '30s');
  expect(await app.run('kubectl get daemonset node-agent -n kube-system --no-headers')).toMatch(
    /^node-agent\s+3\s+3\s+3\s+3\s+3\s/,
  );
  const pods = await app.run('kubectl get pods -n kube-system -l app=node-agent -o wide --no-headers');
  for (const worker of ['kubesim-worker ', 'kubesim-worker2', 'kubesim-worker3'])
    expect(pods).toContain(worker);
  expect(pods).not.toContain('kubesim-control-plane');
});

test('the MongoDB example connects: Mongo Express runs once MongoDB is ready and answers with its credentials', async ({
  page,
}) => {
  const app = await applyExample(page, 'MongoDB and Mongo Express (Secret, ConfigMap)', '120s');
  expect(await app.run('kubectl get deployment mongo-express --no-headers')).toMatch(/mongo-express\s+1\/1/);
  const answer = await app.run('sim request mongo-express-service:8081 --from kubesim-worker -u admin:pass');
  expect(answer).toContain('HTTP 200 OK');
  expect(await app.run('sim request mongo-express-service:8081 --from kubesim-worker')).toContain(
    'HTTP 401 Unauthorized',
  );
});
