/**
 * The lesson player, rendered inside the lesson route's "Lesson" region: the lesson's prose, the
 * current step with its live checks, prediction, hints and solution, and the learner's progress.
 * It drives the workspace only through the session store's actions (load a manifest, show a
 * diff, type into the terminal) and reads the cluster only through SimClient.evaluateChecks.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useSession } from '../store/session';
import { useLesson } from './use-lesson';
import { Markdown, type TryIt } from './Markdown';
import { CheckList } from './CheckList';
import { Hints } from './Hints';
import { Prediction } from './Prediction';
import { SolutionControl } from './SolutionControl';
import { useStepChecks } from './use-step-checks';
import { progressStore, summarizeProgress, useProgress } from './progress-store';
import type { Lesson } from '../../lessons/types';
import './lesson.css';

export interface LessonPaneProps {
  slug: string;
  /** 1-based step number from the route, if any. */
  step?: number;
  /** Called with the 1-based step number when the player moves on (the route can follow). */
  onStepChange?: (step: number) => void;
}

/** Real ms between a step passing and the player moving on (long enough to see the ticks). */
const ADVANCE_MS = 1500;
/** How often time spent is added to the learner's progress (real ms, only while the page is visible). */
const TIME_TICK_MS = 15_000;

export function LessonPane({ slug, step, onStepChange }: LessonPaneProps) {
  const load = useLesson(slug);
  if (load.state === 'loading') return <p role="status">Loading the lesson…</p>;
  if (load.state === 'missing') return <p role="alert">There is no lesson called “{slug}”.</p>;
  if (load.state === 'invalid')
    return (
      <div role="alert">
        <p>This lesson has errors and cannot be shown:</p>
        <pre>{load.message}</pre>
      </div>
    );
  return <Player lesson={load.lesson} routeStep={step} onStepChange={onStepChange} />;
}

function Player({ lesson, routeStep, onStepChange }: { lesson: Lesson; routeStep?: number; onStepChange?: (n: number) => void }) {
  const slug = lesson.slug;
  const progress = useProgress((s) => s.lessons[slug]);
  const [index, setIndex] = useState(() => clampIndex(lesson, routeStep !== undefined ? routeStep - 1 : (progressStore.getState().lessons[slug]?.currentStep ?? 0)));
  const s = lesson.steps[index];
  const client = useSession((st) => st.client);
  const paused = useSession((st) => st.clock.paused);
  const loadManifest = useSession((st) => st.loadManifest);
  const runInTerminal = useSession((st) => st.runInTerminal);
  const showDiff = useSession((st) => st.showDiff);
  const stepProgress = progress?.steps[s.id];
  const passedBefore = stepProgress?.passedAt !== undefined;
  const checks = useStepChecks(client, lesson, s, true);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The route decides the step when it names one.
  useEffect(() => {
    if (routeStep !== undefined) setIndex(clampIndex(lesson, routeStep - 1));
  }, [routeStep, lesson]);

  useEffect(() => {
    progressStore.getState().visit(slug, Date.now());
  }, [slug]);

  useEffect(() => {
    progressStore.getState().setCurrentStep(slug, index);
  }, [slug, index]);

  // Time spent: counted while the page is visible.
  useEffect(() => {
    let last = Date.now();
    const t = setInterval(() => {
      const now = Date.now();
      if (document.visibilityState === 'visible') progressStore.getState().addTime(slug, now - last);
      last = now;
    }, TIME_TICK_MS);
    return () => clearInterval(t);
  }, [slug]);

  // A step's start manifests reach the editor through the route: its editor text is kept per step
  // (session docKey) and starts as the step's start manifests (workspace/lesson-start.ts).

  const [location, navigate] = useLocation();
  const goTo = useCallback(
    (i: number) => {
      const n = clampIndex(lesson, i);
      setIndex(n);
      if (onStepChange) onStepChange(n + 1);
      else {
        // On /lessons/SLUG[/N] the route follows (its editor text is per step); elsewhere (embed) the step is ours.
        const m = new RegExp(`^(.*/lessons/${slug})(?:/\\d+)?/?$`).exec(location);
        if (m) navigate(`${m[1]}/${n + 1}`);
      }
      // Move focus to the new step's heading so keyboard and screen-reader users follow.
      requestAnimationFrame(() => headingRef.current?.focus());
    },
    [lesson, onStepChange, location, navigate, slug],
  );

  // A step passes when all its checks pass at once; the player records it and moves on.
  const allPass = !!checks.results && checks.results.length === s.checks.length && checks.results.every((r) => r.passed);
  const predictionPending = !!s.predict && !stepProgress?.prediction;
  // Recording the pass changes `passedBefore`, so moving on is a separate effect keyed on the step
  // that just passed (revisiting a passed step does not move on by itself).
  const [justPassed, setJustPassed] = useState<string>();
  useEffect(() => {
    if (!allPass || passedBefore || predictionPending) return;
    progressStore.getState().stepPassed(slug, s.id, Date.now(), index === lesson.steps.length - 1);
    setJustPassed(s.id);
  }, [allPass, passedBefore, predictionPending, index, lesson, s.id, slug]);
  useEffect(() => {
    if (justPassed !== s.id || index === lesson.steps.length - 1) return;
    const t = setTimeout(() => goTo(index + 1), ADVANCE_MS);
    return () => clearTimeout(t);
  }, [justPassed, s.id, index, lesson, goTo]);

  const tryIt: TryIt = {
    run: (cmd) => runInTerminal(cmd),
    load: (text) => loadManifest(text.replace(/\n*$/, '\n')),
  };
  const summary = summarizeProgress(progress);
  const completed = summary.completed || (progress && lesson.steps.every((x) => progress.steps[x.id]?.passedAt !== undefined));

  return (
    <article className="lesson-pane" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lesson-meta">
          {lesson.level} · about {lesson.minutes} min · {summary.stepsPassed} of {lesson.steps.length} steps passed
        </p>
        <nav aria-label="Steps">
          <ol className="lesson-steps">
            {lesson.steps.map((x, i) => {
              const done = progress?.steps[x.id]?.passedAt !== undefined;
              return (
                <li key={x.id}>
                  <button type="button" className={`step-dot${i === index ? ' current' : ''}${done ? ' done' : ''}`} aria-current={i === index ? 'step' : undefined} onClick={() => goTo(i)}>
                    <span aria-hidden="true">{done ? '✓' : i + 1}</span>
                    <span className="visually-hidden">
                      Step {i + 1}: {x.title}
                      {done ? ' (passed)' : ''}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
      </header>
      {completed && (
        <p className="lesson-complete" role="status">
          Lesson complete. Every step passed{summary.hintsUsed ? `, with ${summary.hintsUsed} hint${summary.hintsUsed === 1 ? '' : 's'}` : ''}.
        </p>
      )}
      {index === 0 && <Markdown text={lesson.intro} tryIt={tryIt} />}
      <section className="lesson-step" aria-labelledby="step-title">
        <h2 id="step-title" tabIndex={-1} ref={headingRef}>
          <span className="step-count">
            Step {index + 1} of {lesson.steps.length}
          </span>{' '}
          {s.title}
        </h2>
        <p className="step-mode">{s.mode === 'editor' ? 'Work in the editor, then Apply.' : 'Work in the terminal.'}</p>
        <Markdown text={s.body} tryIt={tryIt} />
        {s.predict && (
          <Prediction
            key={s.id}
            spec={s.predict}
            due={checks.predictionDue}
            answer={stepProgress?.prediction}
            now={checks.at}
            observed={checks.observed}
            paused={paused}
            pause={() => client?.pause()}
            resume={() => client?.resume()}
            onAnswer={(a) => progressStore.getState().predicted(slug, s.id, a)}
          />
        )}
        <CheckList step={s} results={checks.results} passedBefore={passedBefore} />
        <div aria-live="polite" className="step-status">
          {passedBefore || (allPass && !predictionPending) ? (
            <p className="passed">
              Step passed.{' '}
              {index < lesson.steps.length - 1 && (
                <button type="button" onClick={() => goTo(index + 1)}>
                  Next step
                </button>
              )}
            </p>
          ) : allPass && predictionPending ? (
            <p>All checks pass. Answer the prediction above to finish the step.</p>
          ) : null}
        </div>
        <Hints key={`h-${s.id}`} hints={s.hints} shown={stepProgress?.hintsShown ?? 0} onReveal={() => progressStore.getState().hintShown(slug, s.id)} />
        <SolutionControl key={`s-${s.id}`} lesson={lesson} step={s} onShown={() => progressStore.getState().solutionShown(slug, s.id)} showDiff={showDiff} tryIt={tryIt} />
      </section>
    </article>
  );
}

function clampIndex(lesson: Lesson, i: number): number {
  return Math.min(Math.max(Number.isFinite(i) ? Math.floor(i) : 0, 0), lesson.steps.length - 1);
}
