import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';
import { EditorPage } from './pages/editor-page.ts';

const nginx = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

test('paste the nginx Deployment, Apply, and its 3 pods run spread over the workers', async ({ page }) => {
  const app = new AppPage(page);
  const editor = new EditorPage(page);
  await app.open();
  await editor.ready();
  await editor.paste(nginx);
  await editor.apply.click();
  await expect(editor.result).toHaveText('deployment.apps/nginx created');
  await expect(page.getByRole('log').last()).toContainText('deployment.apps/nginx created');
  await app.speed.fill('9');
  await page.getByRole('button', { name: 'Step until quiet' }).click();
  const pods = app.graph.getByRole('button', { name: /^pod default\/nginx-[a-z0-9]+-[a-z0-9]{5} Running$/ });
  await expect(pods).toHaveCount(3, { timeout: 30_000 });
  for (const worker of ['kubesim-worker', 'kubesim-worker2', 'kubesim-worker3']) {
    await expect(app.node(worker).getByRole('button', { name: /^pod default\/nginx-/ })).toHaveCount(1);
  }
});

test('a typo shows the strict decoding error at its line and the text stays', async ({ page }) => {
  const app = new AppPage(page);
  const editor = new EditorPage(page);
  await app.open();
  await editor.ready();
  const typo = nginx.replace(
    '        image: nginx:1.27\n',
    '        image: nginx:1.27\n        imagePullPolcy: Always\n',
  );
  await editor.paste(typo);
  await editor.apply.click();
  await expect(editor.result).toHaveText(
    'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy"',
  );
  // Monaco draws markers on its own schedule: give a busy machine time.
  await expect.poll(() => editor.errorLines(), { timeout: 20_000 }).toContain(18);
  expect(await editor.text()).toContain('imagePullPolcy: Always');
  expect(await app.run('kubectl get deployments')).toBe('No resources found in default namespace.\n');
});

test('the schema offers Kubernetes fields and the example menu fills the editor', async ({ page }) => {
  const app = new AppPage(page);
  const editor = new EditorPage(page);
  await app.open();
  await editor.ready();
  await editor.examples.selectOption({ label: 'MongoDB and Mongo Express (Secret, ConfigMap)' });
  await expect.poll(() => editor.text()).toContain('name: mongodb-secret');
  await editor.paste('apiVersion: apps/v1\nkind: Deployment\nspec:\n  rep');
  // The YAML worker loads the schema in the background: ask again until it answers.
  await expect(async () => {
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget')).toContainText('replicas', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});
