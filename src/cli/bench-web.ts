/**
 * The web half of `npm run bench`: the production build's entry size and how fast the lesson page
 * comes up in headless Chromium. Reports figures against budgets; asserts nothing.
 *
 * - entry JS gzip: the entry script plus the chunks index.html preloads with it (what every page
 *   downloads before anything else). Budget ≤ 150 KB (Monaco, xterm and the engine are lazy chunks).
 * - first contentful paint on /lessons/<first lesson>: budget ≤ 0.5 s.
 * - "editor ready": Monaco mounted with the lesson's manifest (the app's `podlab:editor-ready`
 *   performance mark): budget ≤ 1.5 s.
 * Page loads run against `vite preview` of the build, each in a fresh browser context (cold cache);
 * the median of several loads is reported.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOADS = 5;
const BUDGET = { entryKB: 150, fcpMs: 500, editorMs: 1500 };

export interface WebFigures {
  entryGzipBytes: number;
  entryFiles: string[];
  fcpMs: number[];
  editorReadyMs: number[];
}

/** The build to measure: $PODLAB_DIST if given, else a fresh production build in a temporary folder. */
function productionBuild(out: (s: string) => void): { dir: string; cleanup: () => void } {
  const given = process.env.PODLAB_DIST;
  if (given) {
    if (!existsSync(path.join(given, 'index.html'))) throw new Error(`PODLAB_DIST=${given} has no index.html: build it first (npx vite build --outDir ${given})`);
    return { dir: path.resolve(given), cleanup: () => {} };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'podlab-bench-dist-'));
  out(`building the app into ${dir} (set PODLAB_DIST to measure an existing build)…\n`);
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`vite build failed: ${(e as { stderr?: Buffer }).stderr?.toString() ?? String(e)}`);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The entry script and what index.html preloads with it, gzip-compressed as a server would send them. */
export function entrySize(dist: string): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  if (!srcs.length) throw new Error(`no module script in ${dist}/index.html`);
  const files = [...new Set(srcs)];
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(dist, f.replace(/^\//, '')))).length, 0);
  return { bytes, files };
}

function firstLessonSlug(): string {
  const folders = readdirSync(path.join(ROOT, 'lessons'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{2}-/.test(d.name))
    .map((d) => d.name)
    .sort();
  if (!folders.length) throw new Error('no lessons/NN-slug folders to load');
  return folders[0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function measureWeb(out: (s: string) => void): Promise<WebFigures> {
  const build = productionBuild(out);
  const server = await preview({ root: ROOT, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir: build.dir } });
  const browserPath = findChromium();
  if (!browserPath.path) throw new Error(`no Chromium for the page-load figures: ${browserPath.source === 'none' ? browserPath.problem ?? '' : ''} (run node scripts/ensure-browser.mjs)`);
  const browser = await chromium.launch({ executablePath: browserPath.path, args: CHROMIUM_ARGS, headless: true });
  try {
    const { bytes, files } = entrySize(build.dir);
    const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${(server.httpServer.address() as { port: number }).port}/`;
    const url = new URL(`lessons/${firstLessonSlug()}`, base).href;
    const fcpMs: number[] = [];
    const editorReadyMs: number[] = [];
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('podlab:editor-ready').length > 0, undefined, { timeout: 30_000 });
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        editor: performance.getEntriesByName('podlab:editor-ready')[0].startTime,
        text: document.querySelector('[data-testid="manifest-editor"] .view-lines')?.textContent ?? '',
      }));
      if (!t.text.trim()) throw new Error('the editor mounted without the lesson manifest');
      await context.close();
      // The first load warms the server and the OS file cache; it is not counted.
      if (i === 0) continue;
      fcpMs.push(t.fcp);
      editorReadyMs.push(t.editor);
    }
    return { entryGzipBytes: bytes, entryFiles: files, fcpMs, editorReadyMs };
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
    build.cleanup();
  }
}

export async function runWebBench(out: (s: string) => void): Promise<void> {
  const f = await measureWeb(out);
  const kb = f.entryGzipBytes / 1024;
  const fcp = median(f.fcpMs);
  const editor = median(f.editorReadyMs);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  out(`\nWeb app: production build, lesson page in headless Chromium (${f.fcpMs.length} cold loads, median)\n`);
  out(`entry JS gzip        ${kb.toFixed(1).padStart(7)} KB  (${f.entryFiles.join(', ')})  budget ≤ ${BUDGET.entryKB} KB — ${verdict(kb <= BUDGET.entryKB)}\n`);
  out(`first contentful paint ${(fcp / 1000).toFixed(3).padStart(5)} s  (${ms(f.fcpMs)} ms)  budget ≤ ${BUDGET.fcpMs / 1000} s — ${verdict(fcp <= BUDGET.fcpMs)}\n`);
  out(`editor ready         ${(editor / 1000).toFixed(3).padStart(7)} s  (${ms(f.editorReadyMs)} ms)  budget ≤ ${BUDGET.editorMs / 1000} s — ${verdict(editor <= BUDGET.editorMs)}\n`);
}
