import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

test('the timeline takes the graph back to a past moment and returns to live', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  await app.run('sim advance 30s');
  await app.speed.fill('9');
  await page.getByRole('button', { name: 'Step until quiet' }).click();
  const pods = app.graph.getByRole('button', { name: /^pod default\/web-/ });
  await expect(pods).toHaveCount(3, { timeout: 20_000 });

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline
    .getByRole('textbox', { name: 'Filter timeline' })
    .fill('storage create deployments/default/web');
  await timeline
    .getByRole('button', { name: /create deployments\/default\/web/ })
    .first()
    .click();
  await expect(timeline.getByRole('note')).toContainText('Viewing the cluster at');
  await expect(pods).toHaveCount(0);
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill('kubectl get pods');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText(
    'the page is showing the past',
  );

  await timeline.getByRole('button', { name: 'Return to live' }).click();
  await expect(timeline.getByRole('note')).toHaveCount(0);
  await expect(pods).toHaveCount(3);
  expect(await app.run('kubectl get deployment web -o name')).toBe('deployment.apps/web\n');
});
