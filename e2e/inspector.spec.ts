import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

test('clicking a pod says why it exists and shows its YAML, describe output, events and scheduling decision', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.run('kubectl run solo --image=nginx:1.27');
  await app.speed.fill('9');
  await page.getByRole('button', { name: 'Step until quiet' }).click();
  const pod = app.pod('default', 'solo');
  await expect(pod).toHaveAccessibleName(/Running$/, { timeout: 20_000 });
  await pod.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const tab = (name: string) => inspector.getByRole('tab', { name });
  await tab('Why').click();
  await expect(inspector.getByRole('tabpanel')).toContainText(
    'Pod default/solo exists because you (kubectl) created it',
  );
  await expect(inspector.getByRole('tabpanel')).toContainText('the scheduler chose it');
  await tab('YAML').click();
  await expect(inspector.getByRole('tabpanel')).toContainText('kind: Pod');
  await expect(inspector.getByRole('tabpanel')).toContainText('name: solo');
  await tab('Describe').click();
  await expect(inspector.getByRole('tabpanel')).toContainText('Status:           Running');
  await tab('Events').click();
  await expect(inspector.getByRole('tabpanel')).toContainText('Successfully assigned default/solo to');
  await tab('Scheduling').click();
  await expect(inspector.getByRole('tabpanel')).toContainText('Chosen:');
});
