/**
 * The "Manifest editor" region: Apply and Format, the editor (Monaco, fetched on demand), kubectl's
 * answer to the last Apply, and the Problems strip. Shows the diff against a given manifest when a
 * lesson asks for it, and the engine's file edits (`vi FILE`, `kubectl edit`).
 */
import { lazy, Suspense, useCallback } from 'react';
import { useSession } from '../store/session';
import { ProblemsStrip } from './ProblemsStrip';

const MonacoEditor = lazy(() => import('./MonacoEditor'));
const DiffEditor = lazy(() => import('./DiffEditor'));
const FileEditor = lazy(() => import('./FileEditor'));

/** Set on window when Monaco is mounted with the text (the bench's "editor ready" mark). */
function markReady() {
  performance.mark('podlab:editor-ready');
}

export function EditorPane() {
  const apply = useSession((s) => s.apply);
  const applying = useSession((s) => s.applying);
  const ready = useSession((s) => !!s.client);
  const lastApply = useSession((s) => s.lastApply);
  const notice = useSession((s) => s.notice);
  const diff = useSession((s) => s.diff);
  const edit = useSession((s) => s.editRequest);
  const format = useCallback(() => useSession.getState().editor?.format(), []);

  return (
    <section className="editor-pane" aria-label="Manifest editor">
      <div className="pane-toolbar">
        <h2 className="pane-title">Manifest</h2>
        <button type="button" className="primary" onClick={() => void apply()} disabled={!ready || applying} aria-keyshortcuts="Control+Enter Meta+Enter" title="Apply (Ctrl+Enter): kubectl apply -f the manifest">
          Apply
        </button>
        <button type="button" onClick={format} disabled={!!diff || !!edit} aria-keyshortcuts="Shift+Alt+F" title="Format (Shift+Alt+F): re-indent, keeping comments">
          Format
        </button>
        <output className={`apply-output${!notice && lastApply && lastApply.status !== 0 ? ' failed' : ''}`} aria-live="polite" data-testid="apply-output">
          {notice ?? (lastApply ? lastApply.output.trim() || (lastApply.status === 0 ? 'Applied' : 'Apply failed') : '')}
        </output>
      </div>
      <div className="editor-body">
        <Suspense fallback={<p role="status" className="pane-loading">Loading the editor…</p>}>
          {edit ? <FileEditor request={edit} /> : diff ? <DiffEditor view={diff} /> : <MonacoEditor label="Manifest YAML" onReady={markReady} />}
        </Suspense>
      </div>
      <ProblemsStrip />
    </section>
  );
}
