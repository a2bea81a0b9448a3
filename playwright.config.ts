import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers on every machine; by default use the system Chromium.
// Set KUBESIM_CHROMIUM='' to use Playwright's own browser, or a path to use another one.
const envPath = process.env.KUBESIM_CHROMIUM;
const executablePath = envPath === undefined ? '/usr/bin/chromium' : envPath || undefined;
// Several builds can be tested side by side: each on its own port, from its own output folder.
const port = Number(process.env.KUBESIM_E2E_PORT ?? 4173);
const outDir = process.env.KUBESIM_E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
