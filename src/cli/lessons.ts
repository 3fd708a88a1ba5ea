/**
 * `podlab lessons check [--verbose] [--dir DIR] [SLUG…]`: load every lesson (or the ones named),
 * then prove each one works on the engine (src/lessons/verify.ts). Prints one block per lesson;
 * exit status 1 if any lesson has a problem.
 */
import { join } from 'node:path';
import { loadLesson } from '../lessons/loader';
import { DEFAULT_LESSONS_DIR, lessonFolders, readLessonFolder } from '../lessons/node-source';
import { LessonError } from '../lessons/types';
import { verifyLesson } from '../lessons/verify';

export interface LessonsCheckResult {
  ok: boolean;
  output: string;
}

export function lessonsCheck(opts: { dir?: string; only?: string[]; verbose?: boolean } = {}): LessonsCheckResult {
  const dir = opts.dir ?? DEFAULT_LESSONS_DIR;
  let out = '';
  let ok = true;
  const all = lessonFolders(dir);
  const unknown = (opts.only ?? []).filter((s) => !all.includes(s));
  if (unknown.length) return { ok: false, output: `podlab: no lesson ${unknown.map((s) => `"${s}"`).join(', ')} in ${dir} (lessons: ${all.join(', ') || 'none'})\n` };
  const folders = opts.only?.length ? all.filter((f) => opts.only!.includes(f)) : all;
  if (!folders.length) return { ok: false, output: `podlab: no lessons (NN-slug folders) in ${dir}\n` };
  for (const folder of folders) {
    let lesson;
    try {
      lesson = loadLesson(folder, readLessonFolder(join(dir, folder)));
    } catch (e) {
      ok = false;
      out += `✗ ${folder}: the lesson does not load\n`;
      out += (e instanceof LessonError ? e.problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n') : `  ${String(e)}`) + '\n';
      continue;
    }
    const r = verifyLesson(lesson);
    if (r.problems.length) ok = false;
    out += `${r.problems.length ? '✗' : '✓'} ${folder}: ${lesson.steps.length} steps, solution in ${r.virtualSeconds} s of virtual time (declared ${lesson.minutes} min)\n`;
    for (const p of r.problems) out += `  lessons/${folder}: ${p}\n`;
    if (opts.verbose) {
      for (const n of r.notes) out += `  · ${n}\n`;
      out += r.transcript.replace(/^/gm, '    ') + '\n';
    }
  }
  return { ok, output: out };
}

export function runLessonsCommand(args: string[], write: (s: string) => void): number {
  const [sub, ...rest] = args;
  if (sub !== 'check') {
    write('usage: podlab lessons check [--verbose] [--dir DIR] [SLUG…]\n');
    return 2;
  }
  const only: string[] = [];
  let verbose = false;
  let dir: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-v' || a === '--verbose') verbose = true;
    else if (a === '--dir') dir = rest[++i];
    else if (a.startsWith('--dir=')) dir = a.slice(6);
    else if (a.startsWith('-')) {
      write(`podlab: unknown option ${a}\nusage: podlab lessons check [--verbose] [--dir DIR] [SLUG…]\n`);
      return 2;
    } else only.push(a);
  }
  const r = lessonsCheck({ dir, only, verbose });
  write(r.output);
  return r.ok ? 0 : 1;
}
