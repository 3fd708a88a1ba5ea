import type { PanelProps } from '../panel-props';
import { useCursor } from '../cursor-store';
import { useClockNow } from '../use-clock';

/** Logs: first version — shows the cursor it will follow; the full view lands next. */
export function LogsPanel({ client }: PanelProps) {
  const cursor = useCursor((s) => s.cursor);
  const now = useClockNow(client);
  return (
    <section aria-label="Logs" className="panel panel-logs">
      <h2 className="panel-title">Logs</h2>
      <p role="status">{cursor.mode === 'live' ? 'Live' : 'At'} {new Date(cursor.mode === 'live' ? now : cursor.t).toISOString()}</p>
    </section>
  );
}
