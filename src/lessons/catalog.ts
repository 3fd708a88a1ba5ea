/**
 * The lessons the browser knows: every lessons/NN-slug/README.md, bundled by Vite as text.
 * Vite-only (import.meta.glob); Node code uses node-source.ts instead.
 */
import { byOrder, summarize } from './summary';
import type { LessonSummary } from './types';

const readmes = import.meta.glob('../../lessons/*/README.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** `../../lessons/01-x/README.md` → `01-x`. */
function folderOf(key: string): string {
  return key.split('/').slice(-2, -1)[0];
}

let cached: LessonSummary[] | undefined;

/** Summaries for the course index, in lesson order. */
export function lessonCatalog(): LessonSummary[] {
  cached ??= Object.entries(readmes)
    .map(([k, text]) => summarize(folderOf(k), text))
    .filter((s): s is LessonSummary => !!s)
    .sort(byOrder);
  return cached;
}

/** Every file of one lesson (README.md included), by lesson-relative path; loaded on demand. */
const allFiles = import.meta.glob(['../../lessons/*/**/*.md', '../../lessons/*/**/*.yaml', '../../lessons/*/**/*.yml', '../../lessons/*/**/*.sh', '!../../lessons/*/README.md'], { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export async function lessonFiles(slug: string): Promise<Record<string, string> | undefined> {
  const prefix = `../../lessons/${slug}/`;
  const readme = readmes[`${prefix}README.md`];
  if (readme === undefined) return undefined;
  const keys = Object.keys(allFiles).filter((k) => k.startsWith(prefix));
  const out: Record<string, string> = { 'README.md': readme };
  await Promise.all(keys.map(async (k) => void (out[k.slice(prefix.length)] = await allFiles[k]())));
  return out;
}
