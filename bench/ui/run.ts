/**
 * `npm run bench:ui`: the app in headless Chromium. Builds it, serves the build, and
 * reports frames per second, the 95th-percentile frame time and long tasks while (1) a
 * 3-worker cluster with 30 pods animates at 1× and (2) a 50-node cluster with 2,000 pods
 * runs; plus the initial JavaScript (gzip) with and without Monaco and the time until the
 * cluster answers. Figures depend on the machine: compare runs on the same one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_UI_PORT ?? 4199);
const OUT = 'dist';
const SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 10);
const envPath = process.env.KUBESIM_CHROMIUM;
const executablePath = envPath === undefined ? '/usr/bin/chromium' : envPath || undefined;

function gzipKb(files: string[]): number {
  return Math.round(files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0) / 1024);
}

function bundleSizes(): { initial: number; withMonaco: number } {
  const assets = join(OUT, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const initial = js.filter((f) => html.includes(f)).map((f) => join(assets, f));
  // Monaco's lazy chunks: the editor API, its language services and the Kubernetes schema.
  const monaco = js
    .filter((f) => /^(editor\.api|monaco-setup|toggleHighContrast|swagger|yamlMode|browser)/.test(f))
    .map((f) => join(assets, f));
  return { initial: gzipKb(initial), withMonaco: gzipKb([...initial, ...monaco]) };
}

/**
 * Frame times and long tasks over `seconds` of wall time, measured inside the page. The
 * code is sent as text: the TypeScript loader would otherwise wrap its functions in helpers
 * that do not exist in the page.
 */
const MEASURE = `async (ms) => {
  const frames = [];
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
  observer.observe({ type: 'longtask', buffered: false });
  await new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  observer.disconnect();
  const sorted = [...frames].sort((a, b) => a - b);
  return { fps: frames.length / (ms / 1000), p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, longTasks };
}`;

async function measure(
  page: Page,
  seconds: number,
): Promise<{ fps: number; p95: number; longTasks: number }> {
  return page.evaluate(`(${MEASURE})(${seconds * 1000})`);
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'warn'], { stdio: 'inherit' });
  const sizes = bundleSizes();
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', OUT], {
    stdio: 'ignore',
  });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const opened = performance.now();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole('status').first().filter({ hasText: 'cluster running' }).waitFor();
    const interactiveMs = performance.now() - opened;
    const run = (line: string) => page.evaluate(`window.kubesim.run(${JSON.stringify(line)})`);

    await run('kubectl create deployment small --image=nginx:1.27 --replicas=30');
    const small = await measure(page, SECONDS);

    await run('kubectl delete deployment small');
    for (let i = 4; i <= 50; i++) await run(`sim node add kubesim-worker${i}`);
    await run('kubectl create deployment large --image=nginx:1.27 --replicas=2000');
    await page.getByRole('slider', { name: 'Speed' }).fill('9');
    const large = await measure(page, SECONDS);
    await browser.close();

    const row = (name: string, value: string) => console.log(`${name.padEnd(60)} ${value}`);
    console.log(`\nKubesim app in headless Chromium (${SECONDS}s per scenario; node ${process.version})`);
    row('time until the cluster answers', `${Math.round(interactiveMs)} ms`);
    row('initial JS, gzip (before Monaco loads)', `${sizes.initial} KB`);
    row('JS with Monaco, its workers and the schema, gzip', `${sizes.withMonaco} KB`);
    row(
      '3 workers, 30 pods at 1×: fps / p95 frame / long tasks',
      `${small.fps.toFixed(1)} / ${small.p95.toFixed(1)} ms / ${small.longTasks}`,
    );
    row(
      '50 nodes, 2,000 pods at 100×: fps / p95 frame / long tasks',
      `${large.fps.toFixed(1)} / ${large.p95.toFixed(1)} ms / ${large.longTasks}`,
    );
  } finally {
    server.kill();
  }
}

await main();
