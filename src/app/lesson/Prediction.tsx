/**
 * A prediction prompt. Once its trigger holds (e.g. the pod exists) the clock pauses until the
 * learner answers, so the answer comes before the outcome; then time runs on and, `after`
 * virtual seconds later, the card shows what the simulator actually shows.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Prediction as PredictionSpec } from '../../lessons/types';
import type { PredictionAnswer } from './progress-store';
import { InlineMarkdown } from './Markdown';

export interface PredictionProps {
  spec: PredictionSpec;
  due: boolean;
  answer: PredictionAnswer | undefined;
  /** Virtual now, and what the simulator shows now. */
  now: number | undefined;
  observed: string | undefined;
  onAnswer(a: PredictionAnswer, at: number | undefined): void;
  pause(): void;
  resume(): void;
  paused: boolean;
}

export function Prediction({ spec, due, answer, now, observed, onAnswer, pause, resume, paused }: PredictionProps) {
  const [choice, setChoice] = useState<string>();
  const [answeredAt, setAnsweredAt] = useState<number>();
  const pausedByUs = useRef(false);
  const name = useId();

  // Ask before time moves on: pause when the trigger holds and there is no answer yet.
  useEffect(() => {
    if (due && !answer && !paused && !pausedByUs.current) {
      pausedByUs.current = true;
      pause();
    }
  }, [due, answer, paused, pause]);

  const submit = () => {
    if (!choice) return;
    onAnswer({ choice, correct: choice === spec.answer }, now);
    setAnsweredAt(now);
    if (pausedByUs.current) {
      pausedByUs.current = false;
      resume();
    }
  };

  const revealAt = answeredAt !== undefined ? answeredAt + spec.after * 1000 : undefined;
  const revealed = answer && (revealAt === undefined || (now !== undefined && now >= revealAt));
  return (
    <section className="lesson-prediction" aria-labelledby={`${name}-q`}>
      <h3 id={`${name}-q`}>Predict</h3>
      <p>
        <InlineMarkdown text={spec.question} />
      </p>
      {answer ? (
        <div role="status">
          <p>
            You predicted <strong>{answer.choice}</strong>.
          </p>
          {revealed ? (
            <>
              <p>
                The simulator shows <strong>{observed ?? spec.answer}</strong>
                {answeredAt === undefined ? '' : ` (${spec.after} s later)`}. {answer.correct ? 'Right.' : `The answer is ${spec.answer}.`}
              </p>
              {spec.explain && (
                <p>
                  <InlineMarkdown text={spec.explain} />
                </p>
              )}
            </>
          ) : (
            <p>Let the clock run and watch: the outcome shows here {spec.after} seconds after your answer.</p>
          )}
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset>
            <legend className="visually-hidden">Your prediction</legend>
            {spec.choices.map((c) => (
              <label key={c} className="choice">
                <input type="radio" name={name} value={c} checked={choice === c} onChange={() => setChoice(c)} /> {c}
              </label>
            ))}
          </fieldset>
          {due && paused && <p className="note">The clock is paused until you answer.</p>}
          <button type="submit" disabled={!choice}>
            Lock in my answer
          </button>
        </form>
      )}
    </section>
  );
}
