/** What the editor shows when a lesson step opens and the learner has no saved text for it. */
import type { Lesson } from '../../lessons/types';

/** 1-based step from the route (`/lessons/x/2`), clamped to the lesson's steps. */
export function stepIndex(lesson: Lesson, step: string | undefined): number {
  const n = Number(step ?? '1');
  return Number.isInteger(n) ? Math.min(Math.max(n, 1), lesson.steps.length) - 1 : 0;
}

/** The step's start manifests as one multi-document text; earlier steps' if this one names none. */
export function startText(lesson: Lesson, index: number): string {
  for (let i = index; i >= 0; i--) {
    const start = lesson.steps[i]?.start;
    if (start === 'blank') return '';
    if (start?.length) return start.map((f) => (lesson.files[f] ?? '').replace(/\n*$/, '\n')).join('---\n');
  }
  return '';
}
