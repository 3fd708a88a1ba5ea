/**
 * What the bottom panel's tabs hold: the workstation terminal (xterm, its own lazy chunk) and the
 * panels that show the Pod over time (src/app/panels, one lazy chunk). Shared by the desktop bottom panel
 * and the phone's single row of tabs.
 */
import { lazy, Suspense } from 'react';
import type { SimClient } from '../../client/SimClient';
import { useSession, type BottomTab } from '../store/session';

const WorkstationTerminal = lazy(() => import('../terminal/WorkstationTerminal'));
const panels = () => import('../panels');
const TimelinePanel = lazy(() => panels().then((m) => ({ default: m.TimelinePanel })));
const LogsPanel = lazy(() => panels().then((m) => ({ default: m.LogsPanel })));
const DiagramPanel = lazy(() => panels().then((m) => ({ default: m.DiagramPanel })));
const FilesPanel = lazy(() => panels().then((m) => ({ default: m.FilesPanel })));

export const BOTTOM_TABS: Array<{ key: BottomTab; label: string }> = [
  { key: 'terminal', label: 'Terminal' },
  { key: 'timeline', label: 'Timeline' },
  { key: 'logs', label: 'Logs' },
  { key: 'diagram', label: 'Diagram' },
  { key: 'files', label: 'Files' },
];

function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="pane-loading">
      Loading the {what}…
    </p>
  );
}

export function TerminalPane({ client }: { client: SimClient | undefined }) {
  const registerTerminal = useSession((s) => s.registerTerminal);
  return (
    <section aria-label="Terminal" className="terminal-region">
      {client ? (
        <Suspense fallback={<Loading what="terminal" />}>
          <WorkstationTerminal client={client} onControl={registerTerminal} />
        </Suspense>
      ) : (
        <Loading what="cluster" />
      )}
    </section>
  );
}

export function BottomPanelContent({ tab, client }: { tab: BottomTab; client: SimClient | undefined }) {
  if (tab === 'terminal') return <TerminalPane client={client} />;
  if (!client) return <Loading what="cluster" />;
  const Panel = { timeline: TimelinePanel, logs: LogsPanel, diagram: DiagramPanel, files: FilesPanel }[tab];
  return (
    <Suspense fallback={<Loading what={tab} />}>
      <Panel client={client} />
    </Suspense>
  );
}
