// Finds the Chromium that Playwright drives. Shared by playwright.config.ts and
// scripts/ensure-browser.mjs so both agree on which browser is used.
//
// Order: $PODLAB_CHROMIUM, Debian/Ubuntu system Chromium, then Playwright's own
// downloaded browser (only where `npx playwright install chromium` has run:
// this project's CI machines have no access to Playwright's download host).
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Paths tried, in order, after $PODLAB_CHROMIUM. */
export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Flags every launch uses. Without the network ones Chromium stalls on a closed
 * network (update, sync and component checks); --no-sandbox because CI runs as
 * root in a container; --disable-dev-shm-usage because containers often have a
 * tiny /dev/shm.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    for (const pkg of ['playwright-core', '@playwright/test']) {
      let chromium;
      try {
        ({ chromium } = require(pkg));
      } catch {
        continue;
      }
      const path = chromium.executablePath();
      return path && existsSync(path) ? path : undefined;
    }
  } catch {
    // executablePath() throws on platforms Playwright has no build for.
  }
  return undefined;
}

/**
 * @returns {{ path: string, source: 'env' | 'system' | 'playwright' } | { path: undefined, source: 'none', problem?: string }}
 */
export function findChromium(env = process.env) {
  const fromEnv = env.PODLAB_CHROMIUM;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'env' };
    return {
      path: undefined,
      source: 'none',
      problem: `PODLAB_CHROMIUM is set to ${fromEnv}, which is not an executable file.`,
    };
  }
  for (const candidate of SYSTEM_CHROMIUM_PATHS) {
    if (isExecutable(candidate)) return { path: candidate, source: 'system' };
  }
  const own = playwrightOwnChromium();
  if (own) return { path: own, source: 'playwright' };
  return { path: undefined, source: 'none' };
}
