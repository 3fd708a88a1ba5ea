/**
 * The lesson player, rendered inside the lesson route's "Lesson" region: the lesson's prose, the
 * current step with its live checks, hints, prediction and solution, and progress.
 */
import { useLesson } from './use-lesson';
import { Markdown } from './Markdown';

export interface LessonPaneProps {
  slug: string;
  /** 1-based step number from the route, if any. */
  step?: number;
}

export function LessonPane({ slug, step }: LessonPaneProps) {
  const load = useLesson(slug);
  if (load.state === 'loading') return <p role="status">Loading the lesson…</p>;
  if (load.state === 'missing') return <p role="alert">There is no lesson called “{slug}”.</p>;
  if (load.state === 'invalid') return <pre role="alert">{load.message}</pre>;
  const lesson = load.lesson;
  const index = Math.min(Math.max((step ?? 1) - 1, 0), lesson.steps.length - 1);
  const s = lesson.steps[index];
  return (
    <article className="lesson-pane" aria-labelledby="lesson-title">
      <h1 id="lesson-title">{lesson.title}</h1>
      {index === 0 && <Markdown text={lesson.intro} />}
      <section aria-labelledby="step-title">
        <h2 id="step-title">
          Step {index + 1} of {lesson.steps.length}: {s.title}
        </h2>
        <Markdown text={s.body} />
      </section>
    </article>
  );
}
