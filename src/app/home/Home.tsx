// The course index: every lesson, grouped by topic, with the learner's progress; and the way into
// the playground.
import { Link } from 'wouter';
import { lessonCatalog } from '../../lessons/catalog';
import type { LessonSummary } from '../../lessons/types';
import { useLessonProgress } from '../lesson/progress-store';
import { Layout } from '../Layout';
import './home.css';

/** Lessons by their first topic, topics in the order their first lesson appears. */
export function groupByTopic(lessons: readonly LessonSummary[]): Array<[topic: string, lessons: LessonSummary[]]> {
  const groups = new Map<string, LessonSummary[]>();
  for (const l of lessons) {
    const topic = l.topics[0] ?? 'Other';
    groups.set(topic, [...(groups.get(topic) ?? []), l]);
  }
  return [...groups];
}

function LessonCard({ lesson }: { lesson: LessonSummary }) {
  const p = useLessonProgress(lesson.slug);
  const state = p.completed ? 'Completed' : p.started ? `${p.stepsPassed} of ${lesson.stepCount} steps done` : 'Not started';
  return (
    <li className="lesson-card">
      <h4>
        <Link href={`/lessons/${lesson.slug}`}>
          {lesson.order}. {lesson.title}
        </Link>
      </h4>
      <p>{lesson.summary}</p>
      <p className="lesson-meta">
        <span>{lesson.level}</span> · <span>{lesson.minutes} min</span> · <span>{lesson.stepCount} steps</span>
      </p>
      <p className="lesson-progress">
        <progress max={lesson.stepCount} value={p.completed ? lesson.stepCount : p.stepsPassed} aria-label={`Progress in ${lesson.title}`} /> {state}
      </p>
    </li>
  );
}

export function Home() {
  const groups = groupByTopic(lessonCatalog());
  return (
    <Layout>
      <h1>Pod Lab</h1>
      <p className="lead">
        An interactive course on how the containers of one Kubernetes Pod work together: init containers, sidecars, shared volumes, localhost
        networking, and what happens when one of them fails. Each lesson runs on a simulated cluster in your browser — nothing to install.
      </p>
      <p>
        <Link className="cta" href="/playground">
          Open the playground
        </Link>{' '}
        — a blank manifest, a terminal with <code>kubectl</code>, and a cluster of your own.
      </p>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">Lessons</h2>
        {groups.length === 0 && <p>No lessons yet.</p>}
        {groups.map(([topic, lessons]) => (
          <section key={topic} aria-labelledby={`topic-${topic}`} className="topic">
            <h3 className="topic-title" id={`topic-${topic}`}>
              {topic}
            </h3>
            <ul className="lesson-list">
              {lessons.map((l) => (
                <LessonCard key={l.slug} lesson={l} />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </Layout>
  );
}
