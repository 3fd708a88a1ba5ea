/**
 * The course index's view of a lesson, read from README.md alone without validating it: the
 * catalog must list lessons cheaply (no JSON Schema compiler on the home page). A lesson the
 * full loader would reject still appears here; `podlab lessons check` is what keeps them valid.
 */
import { splitReadme } from './readme';
import type { LessonSummary, Level } from './types';

/** `01-shared-volumes` → order 1; folders without the NN- prefix are not lessons. */
export function parseFolderName(folder: string): { order: number; slug: string } | undefined {
  const m = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(folder);
  return m ? { order: Number(m[1]), slug: folder } : undefined;
}

export function summarize(folder: string, readme: string): LessonSummary | undefined {
  const name = parseFolderName(folder);
  if (!name) return undefined;
  const parts = splitReadme(readme, `lessons/${folder}/README.md`);
  const fm = (parts.doc?.toJS() ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    slug: name.slug,
    order: name.order,
    title: str(fm.title) || folder,
    summary: str(fm.summary),
    level: (['beginner', 'intermediate', 'advanced'].includes(str(fm.level)) ? fm.level : 'beginner') as Level,
    minutes: typeof fm.minutes === 'number' ? fm.minutes : 0,
    topics: strs(fm.topics),
    domains: strs(fm.domains),
    stepCount: parts.sections.length,
    seed: typeof fm.seed === 'number' && Number.isInteger(fm.seed) && fm.seed >= 0 ? fm.seed : 1,
  };
}

export function byOrder<T extends { order: number; slug: string }>(a: T, b: T): number {
  return a.order - b.order || a.slug.localeCompare(b.slug);
}
