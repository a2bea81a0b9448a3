import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers on every machine; by default use the system Chromium.
// Set KUBESIM_CHROMIUM='' to use Playwright's own browser, or a path to use another one.
const envPath = process.env.KUBESIM_CHROMIUM;
const executablePath = envPath === undefined ? '/usr/bin/chromium' : envPath || undefined;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
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
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
