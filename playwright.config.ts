import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/browser.mjs';

// e2e tests run in real Chromium against the production build served by `vite preview`.
// `npm test` / `npm run test:e2e` build first and run scripts/ensure-browser.mjs, which
// installs Debian's chromium when no browser is found; this file only detects it.

const chromium = findChromium();
if (chromium.source === 'none') {
  throw new Error(
    `${chromium.problem ?? 'No Chromium found.'} Run \`node scripts/ensure-browser.mjs\` (installs Debian chromium as root), ` +
      'set PODLAB_CHROMIUM=/path/to/chromium, or run `npx playwright install chromium`.',
  );
}
// PODLAB_DIST / PODLAB_E2E_PORT let several builds be tested side by side (one per working copy).
const DIST = process.env.PODLAB_DIST ?? 'dist';
if (!existsSync(`${DIST}/index.html`)) {
  throw new Error(`No production build in ${DIST}/: run \`npm run build\` first (\`npm test\` does this).`);
}

const PORT = Number(process.env.PODLAB_E2E_PORT ?? 4173);
const CI = !!process.env.CI;

export default defineConfig({
  testDir: './e2e',
  outputDir: process.env.PODLAB_E2E_OUT ?? './test-results',
  // 2-core machines: one worker keeps the browser, the preview server and the tests from starving each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalTimeout: 10 * 60_000,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    launchOptions: {
      executablePath: chromium.path,
      args: CHROMIUM_ARGS,
    },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
