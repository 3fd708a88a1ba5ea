/**
 * Lessons from the real disk, for the CLI and tests (Node only; the browser uses catalog.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { byOrder, parseFolderName, summarize } from './summary';
import type { LessonSummary } from './types';

export const DEFAULT_LESSONS_DIR = resolve(import.meta.dirname, '../../lessons');

/** The lesson folders (NN-slug) under `dir`, in order. */
export function lessonFolders(dir = DEFAULT_LESSONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => parseFolderName(f) && statSync(join(dir, f)).isDirectory())
    .map((f) => ({ slug: f, order: parseFolderName(f)!.order }))
    .sort(byOrder)
    .map((x) => x.slug);
}

/** Every text file of a lesson folder by lesson-relative path (README.md included). */
export function readLessonFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|ya?ml|sh)$/.test(e.name)) out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

export function nodeLessonCatalog(dir = DEFAULT_LESSONS_DIR): LessonSummary[] {
  return lessonFolders(dir)
    .map((f) => summarize(f, readFileSync(join(dir, f, 'README.md'), 'utf8')))
    .filter((s): s is LessonSummary => !!s);
}
