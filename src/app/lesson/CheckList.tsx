/** The step's checks, each with its own sentence (generated from the check) and live state. */
import { describeCheck } from '../../lessons/checks/describe';
import type { CheckResult } from '../../lessons/checks/evaluate';
import type { Step } from '../../lessons/types';
import { InlineMarkdown } from './Markdown';

export function CheckList({ step, results, passedBefore }: { step: Step; results: CheckResult[] | undefined; passedBefore: boolean }) {
  const byId = (id: string) => step.checks.find((c) => c.id === id);
  return (
    <section className="lesson-checks" aria-labelledby={`checks-${step.id}`}>
      <h3 id={`checks-${step.id}`}>Checks</h3>
      <ul>
        {step.checks.map((c, i) => {
          const r = results?.[i];
          const passed = passedBefore || !!r?.passed;
          return (
            <li key={i} className={passed ? 'check passed' : 'check pending'} data-state={passed ? 'passed' : 'pending'}>
              <span className="check-mark" aria-hidden="true">
                {passed ? '✓' : '○'}
              </span>
              <span className="visually-hidden">{passed ? 'Passed: ' : 'Pending: '}</span>
              <span className="check-text">
                <InlineMarkdown text={describeCheck(c, byId)} />
                {!passed && r?.detail && <span className="check-detail"> — now: {r.detail}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
