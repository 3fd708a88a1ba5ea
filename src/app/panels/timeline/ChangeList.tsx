/**
 * The timeline as text, for screen readers and for reading: every state change and Event in
 * order, up to the cursor. Collapsed by default; only the most recent changes are listed.
 */
import { memo } from 'react';
import type { Change } from '../model/timeline-model';
import { hms } from '../time-format';

const SHOWN = 200;

export const ChangeList = memo(function ChangeList({ changes, t, live }: { changes: readonly Change[]; version: number; t: number; live: boolean }) {
  let n = changes.length;
  if (!live) while (n > 0 && changes[n - 1].t > t) n--;
  const shown = changes.slice(Math.max(0, n - SHOWN), n);
  return (
    <details className="change-list">
      <summary>State changes as text ({n})</summary>
      {n > SHOWN && <p className="muted">The latest {SHOWN} of {n}, up to the cursor.</p>}
      <ol>
        {shown.map((c, i) => (
          <li key={n - shown.length + i}>
            <time dateTime={new Date(c.t).toISOString()}>{hms(c.t)}</time> {c.text}
          </li>
        ))}
      </ol>
    </details>
  );
});
