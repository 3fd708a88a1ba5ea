import type { PanelProps } from '../panel-props';
import { useCursor } from '../cursor-store';
import { useClockNow } from '../use-clock';

/** Files: first version — shows the cursor it will follow; the full view lands next. */
export function FilesPanel({ client }: PanelProps) {
  const cursor = useCursor((s) => s.cursor);
  const now = useClockNow(client);
  return (
    <section aria-label="Files" className="panel panel-files">
      <h2 className="panel-title">Files</h2>
      <p role="status">{cursor.mode === 'live' ? 'Live' : 'At'} {new Date(cursor.mode === 'live' ? now : cursor.t).toISOString()}</p>
    </section>
  );
}
