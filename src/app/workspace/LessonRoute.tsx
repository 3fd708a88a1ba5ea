/**
 * `/lessons/:slug/:step?`: the lesson player (LessonPane from src/app/lesson, its own chunk with the Markdown
 * renderer) beside the workspace. One cluster per lesson, seeded by the lesson; the editor text is
 * kept per step.
 */
import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { useLesson } from '../lesson/use-lesson';
import { Layout } from '../Layout';
import { Workspace } from './Workspace';
import { startText, stepIndex } from './lesson-start';

const LessonPane = lazy(() => import('../lesson/LessonPane').then((m) => ({ default: m.LessonPane })));

export function LessonWorkspace({ slug, step, chrome }: { slug: string; step?: string; chrome: boolean }) {
  const load = useLesson(slug);
  if (load.state !== 'ready') {
    const body =
      load.state === 'loading' ? (
        <p role="status">Loading the lesson…</p>
      ) : load.state === 'missing' ? (
        <>
          <h1>Lesson not found</h1>
          <p>
            There is no lesson called “{slug}”. <Link href="/">See all lessons</Link>.
          </p>
        </>
      ) : (
        <>
          <h1>This lesson cannot be shown</h1>
          <pre role="alert">{load.message}</pre>
        </>
      );
    return chrome ? <Layout>{body}</Layout> : <main id="main">{body}</main>;
  }
  const lesson = load.lesson;
  const index = stepIndex(lesson, step);
  const workspace = (
    <Workspace
      engineKey={`lesson:${slug}`}
      docKey={`lesson:${slug}:${index + 1}`}
      initialText={startText(lesson, index)}
      seed={lesson.seed}
      lesson={
        <Suspense fallback={<p role="status">Loading the lesson…</p>}>
          <LessonPane slug={slug} step={index + 1} />
        </Suspense>
      }
    />
  );
  return chrome ? (
    <Layout workspace>{workspace}</Layout>
  ) : (
    <main id="main" className="workspace-main embed">
      {workspace}
    </main>
  );
}

export function LessonRoute({ slug, step }: { slug: string; step?: string }) {
  return <LessonWorkspace slug={slug} step={step} chrome />;
}
