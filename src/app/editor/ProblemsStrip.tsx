/**
 * The Problems strip under the editor: kubectl's errors and the lint warnings, each a button that
 * puts the editor's cursor on its line.
 */
import { useSession } from '../store/session';

export function ProblemsStrip() {
  const problems = useSession((s) => s.problems);
  const reveal = useSession((s) => s.revealProblem);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const summary = problems.length === 0 ? 'No problems' : [errors && `${errors} ${errors === 1 ? 'error' : 'errors'}`, warnings && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean).join(', ');
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h3 className="problems-summary">
        <span className="visually-hidden">Problems: </span>
        {summary}
      </h3>
      {problems.length > 0 && (
        <ul className="problems-list">
          {problems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`}>
              <button type="button" onClick={() => reveal(p)} disabled={p.line === undefined} title={p.source}>
                <span className="problem-icon" aria-hidden="true">
                  {p.severity === 'error' ? '✖' : '⚠'}
                </span>
                <span className="visually-hidden">{p.severity}</span>
                {p.line !== undefined && (
                  <span className="problem-where">
                    Line {p.line}
                    {p.column !== undefined ? `, column ${p.column}` : ''}
                  </span>
                )}
                <span className="problem-message">{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
