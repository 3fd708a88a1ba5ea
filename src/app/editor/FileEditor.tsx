/**
 * A workstation file the engine asked the learner to edit (`vi pod.yaml`, `kubectl edit pod web`):
 * shown in the editor panel with Save and Cancel; the answer goes back to the waiting command.
 */
import { useEffect, useRef } from 'react';
import { useSession, type EditRequest } from '../store/session';
import { useDarkMode } from '../theme';
import { monaco, setupMonaco } from './monaco-setup';

export default function FileEditor({ request }: { request: EditRequest }) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const finishEdit = useSession((s) => s.finishEdit);
  const model = useRef<monaco.editor.ITextModel | undefined>(undefined);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setupMonaco();
    const language = /\.(ya?ml)$/.test(request.path) || request.path.includes('kubectl-edit') ? 'yaml' : 'plaintext';
    const m = monaco.editor.createModel(request.text, language, monaco.Uri.parse(`file:///edit/${request.id}/${request.path.split('/').pop()}`));
    model.current = m;
    const editor = monaco.editor.create(el, { model: m, automaticLayout: true, minimap: { enabled: false }, fontSize: 14, ariaLabel: `Editing ${request.path}` });
    editor.addAction({ id: 'podlab.save', label: 'Save and close', keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS], run: () => useSession.getState().finishEdit(m.getValue()) });
    editor.focus();
    return () => {
      editor.dispose();
      m.dispose();
      model.current = undefined;
    };
  }, [request]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  return (
    <div className="diff-wrap">
      <div className="editor-banner" role="group" aria-label={`Editing ${request.path}`}>
        <span>
          Editing <code>{request.path}</code> — the terminal waits until you save or cancel
        </span>
        <button type="button" className="primary" onClick={() => finishEdit(model.current?.getValue() ?? request.text)}>
          Save
        </button>
        <button type="button" onClick={() => finishEdit(undefined)}>
          Cancel
        </button>
      </div>
      <div className="monaco-host" ref={host} />
    </div>
  );
}
