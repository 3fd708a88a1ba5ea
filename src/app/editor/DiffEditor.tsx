/**
 * The learner's manifest next to another (a lesson's solution): Monaco's diff editor, the right
 * side still the learner's editable text. "Use this version" takes the other side wholesale.
 */
import { useEffect, useRef } from 'react';
import { useSession, type DiffView } from '../store/session';
import { useDarkMode } from '../theme';
import { monaco, setupMonaco, MANIFEST_URI } from './monaco-setup';

export default function DiffEditor({ view }: { view: DiffView }) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const closeDiff = useSession((s) => s.closeDiff);
  const loadManifest = useSession((s) => s.loadManifest);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setupMonaco();
    const original = monaco.editor.createModel(view.original, 'yaml');
    const uri = monaco.Uri.parse(MANIFEST_URI);
    const modified = monaco.editor.getModel(uri) ?? monaco.editor.createModel(useSession.getState().editorText, 'yaml', uri);
    if (modified.getValue() !== useSession.getState().editorText) modified.setValue(useSession.getState().editorText);
    modified.setEOL(monaco.editor.EndOfLineSequence.LF);
    const diff = monaco.editor.createDiffEditor(el, {
      automaticLayout: true,
      originalEditable: false,
      renderSideBySide: el.clientWidth > 700,
      minimap: { enabled: false },
      fontSize: 14,
      ariaLabel: `Differences between ${view.title} and your manifest`,
      originalAriaLabel: view.title,
      modifiedAriaLabel: 'Your manifest',
    });
    diff.setModel({ original, modified });
    const changes = modified.onDidChangeContent(() => useSession.getState().setEditorText(modified.getValue()));
    return () => {
      changes.dispose();
      diff.dispose();
      original.dispose();
    };
  }, [view]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  return (
    <div className="diff-wrap">
      <div className="editor-banner" role="group" aria-label="Comparison">
        <span>
          Comparing <strong>{view.title}</strong> (left) with your manifest (right)
        </span>
        <button type="button" onClick={() => loadManifest(view.original)}>
          Use this version
        </button>
        <button type="button" onClick={closeDiff}>
          Close comparison
        </button>
      </div>
      <div className="monaco-host" ref={host} data-testid="diff-editor" />
    </div>
  );
}
