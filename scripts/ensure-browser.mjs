#!/usr/bin/env node
// Makes sure a Chromium exists for the Playwright e2e tests (npm run test:e2e).
//
// 1. Use $PODLAB_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, or
//    Playwright's own downloaded Chromium — whichever is found first (e2e/browser.mjs).
// 2. If none: when running as root on a machine with apt-get, install Debian's
//    `chromium` package (Playwright's download host is not reachable from CI).
// 3. Still none: exit 1 with what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../e2e/browser.mjs';

const log = (msg) => console.log(`[ensure-browser] ${msg}`);

function describe(found) {
  const label = { env: '$PODLAB_CHROMIUM', system: 'system Chromium', playwright: "Playwright's own Chromium" }[found.source];
  const version = spawnSync(found.path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const text = version.status === 0 ? (version.stdout.trim().split('\n').pop() ?? '') : '';
  return `${label}: ${found.path}${text ? ` (${text})` : ''}`;
}

function run(cmd, args) {
  log(`running: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 10 * 60_000, // a stuck mirror must not eat the whole CI budget
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function fail(lines) {
  console.error(['[ensure-browser] No usable Chromium for the e2e tests.', ...lines.map((l) => `  ${l}`)].join('\n'));
  process.exit(1);
}

let found = findChromium();
if (found.path) {
  log(`using ${describe(found)}`);
  process.exit(0);
}
if (found.problem) fail([found.problem, 'Unset it or point it at a Chromium/Chrome binary.']);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  fail([
    'Looked for $PODLAB_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser and Playwright\'s own browser.',
    hasApt
      ? 'Not running as root, so not installing one. Run: sudo apt-get install -y chromium'
      : 'apt-get is not available here, so not installing one.',
    'Or: set PODLAB_CHROMIUM=/path/to/chromium, or run `npx playwright install chromium` (needs internet).',
  ]);
}

log('no Chromium found; installing Debian package "chromium" with apt-get (root, apt-get available).');
try {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
} catch (err) {
  fail([`apt-get failed: ${err instanceof Error ? err.message : String(err)}`, 'Install chromium by hand or set PODLAB_CHROMIUM.']);
}

found = findChromium();
if (!found.path) fail(['apt-get install chromium finished, but no chromium binary appeared at /usr/bin/chromium.']);
log(`installed; using ${describe(found)}`);
