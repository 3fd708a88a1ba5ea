/**
 * Live checks for the current step: evaluated in the engine (SimClient.evaluateChecks) after
 * every change the learner can cause or watch — a command finished, the trace moved (objects,
 * containers, events, log lines), the clock advanced — debounced, one request in flight at a time.
 */
import { useEffect, useRef, useState } from 'react';
import type { SimClient } from '../../client/SimClient';
import type { CheckResult } from '../../lessons/checks/evaluate';
import type { Lesson, Step } from '../../lessons/types';

/** Real ms between evaluations at most (the engine does the work; the page only renders). */
const DEBOUNCE_MS = 400;

export interface StepCheckState {
  /** One per check of the step, in order; undefined until the first answer. */
  results: CheckResult[] | undefined;
  /** Whether the prediction's trigger (`predict.when`) holds. */
  predictionDue: boolean;
  /** The prediction's observation, as the simulator shows it now. */
  observed: string | undefined;
  /** Virtual now of the last answer. */
  at: number | undefined;
}

const EMPTY: StepCheckState = { results: undefined, predictionDue: false, observed: undefined, at: undefined };

export function useStepChecks(client: SimClient | undefined, lesson: Lesson, step: Step, enabled: boolean): StepCheckState {
  // Answers are tagged with the step they belong to: right after the step changes, the previous
  // step's answer must not be read as this one's (it would pass a step nobody worked on).
  const key = `${lesson.slug}/${step.id}`;
  const [state, setState] = useState<StepCheckState & { key?: string }>(EMPTY);
  const inFlight = useRef(false);
  const again = useRef(false);
  /** The live effect's scheduler, for an answer that arrives after its step was left. */
  const current = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    setState(EMPTY);
    if (!client || !enabled) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const checks = step.predict ? [...step.checks, step.predict.when] : step.checks;
    const request = { key, checks, observe: step.predict ? [step.predict.observe] : [] };
    const evaluate = () => {
      timer = undefined;
      if (inFlight.current) {
        again.current = true;
        return;
      }
      inFlight.current = true;
      client.evaluateChecks(request).then(
        (a) => {
          inFlight.current = false;
          if (!live) {
            // This answer belongs to a step no longer shown; the current step may be waiting for it.
            if (again.current) {
              again.current = false;
              queueMicrotask(() => current.current?.());
            }
            return;
          }
          const results = a.results.slice(0, step.checks.length);
          setState({ key: request.key, results, predictionDue: step.predict ? a.results[step.checks.length].passed : false, observed: a.observed[0], at: a.now });
          if (again.current) {
            again.current = false;
            schedule();
          }
        },
        () => {
          inFlight.current = false;
        },
      );
    };
    const schedule = () => {
      if (!timer) timer = setTimeout(evaluate, DEBOUNCE_MS);
    };
    current.current = schedule;
    evaluate();
    let lastNow = client.now();
    const off = client.on({
      done: schedule,
      trace: schedule,
      clock: (c) => {
        // Time moving is a change too (a sleep inside a container ends, a log line appears).
        if (c.now !== lastNow) {
          lastNow = c.now;
          schedule();
        }
      },
    });
    return () => {
      live = false;
      if (current.current === schedule) current.current = undefined;
      off();
      if (timer) clearTimeout(timer);
    };
  }, [client, key, step, enabled]);

  return state.key === key ? state : EMPTY;
}
