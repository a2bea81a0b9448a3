import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../src/cli/serve/serve-command.ts';
import { AppPage } from './pages/app-page.ts';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer({ port: 0, nodes: 2, seed: 5, speed: 0, kubeconfig: '' });
});

test.afterAll(async () => {
  await server.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

test('the app attaches to kubesim serve and draws what another client does there', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.node('kubesim-worker3')).toBeVisible();
  const menu = page.getByRole('group', { name: 'Server', exact: true });
  await menu.getByRole('button', { name: 'Connect to server…' }).click();
  await menu.getByRole('textbox', { name: 'Server address' }).fill(server.url);
  await menu.getByRole('button', { name: 'Connect' }).click();
  await expect(menu).toContainText(`Attached to ${server.url}`);
  // The server's cluster has two workers.
  await expect(app.node('kubesim-worker2')).toBeVisible();
  await expect(app.node('kubesim-worker3')).toHaveCount(0);

  // Another client (here plain HTTP, as kubectl would) creates a Deployment on the server.
  const created = await post('/apis/apps/v1/namespaces/default/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ext' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'ext' } },
      template: {
        metadata: { labels: { app: 'ext' } },
        spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
      },
    },
  });
  expect(created.status).toBe(201);
  await post('/kubesim/v1/advance', { duration: '30s' });
  await expect(app.graph.getByRole('button', { name: /^pod default\/ext-.* Running$/ })).toHaveCount(2, {
    timeout: 20_000,
  });

  // The page's own terminal talks to the server's cluster too.
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill('kubectl get deployments -o name');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('deployment.apps/ext');

  await menu.getByRole('button', { name: 'Disconnect' }).click();
  await expect(app.node('kubesim-worker3')).toBeVisible();
});
