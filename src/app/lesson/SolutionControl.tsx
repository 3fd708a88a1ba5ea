/**
 * "Show solution", behind a confirmation: for an editor step, the session's diff view compares
 * the learner's manifest with the solution; for a terminal step, the commands appear here.
 */
import { useState } from 'react';
import type { Lesson, Step } from '../../lessons/types';
import { stepCommands } from '../../lessons/solution-script';
import { Markdown, type TryIt } from './Markdown';

export interface SolutionControlProps {
  lesson: Lesson;
  step: Step;
  onShown(): void;
  showDiff(original: string, title: string): void;
  tryIt: TryIt;
}

export function SolutionControl({ lesson, step, onShown, showDiff, tryIt }: SolutionControlProps) {
  const [asking, setAsking] = useState(false);
  const [commands, setCommands] = useState<string>();
  const manifest = step.solution ? lesson.files[step.solution] : undefined;
  const script = manifest === undefined ? stepCommands(lesson.files['solution.sh'], step.id) : undefined;
  if (manifest === undefined && script === undefined) return null;

  const show = () => {
    setAsking(false);
    onShown();
    if (manifest !== undefined) showDiff(manifest, `Solution: ${step.title}`);
    else setCommands(script);
  };

  return (
    <section className="lesson-solution" aria-label="Solution">
      {commands !== undefined ? (
        <>
          <p>One way to do this step:</p>
          <Markdown text={'```sh\n' + commands + '\n```'} tryIt={tryIt} />
        </>
      ) : asking ? (
        <div role="alertdialog" aria-labelledby={`sol-q-${step.id}`} className="confirm">
          <p id={`sol-q-${step.id}`}>
            {manifest !== undefined ? 'Show the solution next to your manifest?' : 'Show the commands that solve this step?'} Trying a little longer (or a hint) usually teaches more.
          </p>
          <button type="button" onClick={show} autoFocus>
            Yes, show it
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Not yet
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Show solution
        </button>
      )}
    </section>
  );
}
