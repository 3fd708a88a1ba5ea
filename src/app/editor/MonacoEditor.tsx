/**
 * The manifest editor proper (lazy chunk with Monaco): one YAML model kept in step with the
 * session store, the engine's diagnostics as markers on exact lines, Ctrl/Cmd+Enter to apply,
 * Ctrl/Cmd+` to the terminal, Shift+Alt+F to format, and the diff and edit-file modes.
 */
import { useEffect, useRef } from 'react';
import { useSession } from '../store/session';
import { useDarkMode } from '../theme';
import { setupMonaco, monaco, MANIFEST_URI } from './monaco-setup';
import { formatManifest } from './format';
import { toMarkers } from './markers';

/** Quiet time after typing before the engine is asked about the text (ms). */
const DIAGNOSE_DELAY_MS = 300;

export interface MonacoEditorProps {
  /** Accessible name of the editing area. */
  label: string;
  /** Called once the editor shows the current text (bench: "editor ready"). */
  onReady?: () => void;
}

export default function MonacoEditor({ label, onReady }: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setupMonaco();
    const uri = monaco.Uri.parse(MANIFEST_URI);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(useSession.getState().editorText, 'yaml', uri);
    if (model.getValue() !== useSession.getState().editorText) model.setValue(useSession.getState().editorText);
    // Monaco picks the OS's line ending for text without one (CRLF on Windows); manifests use LF.
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
    const editor = monaco.editor.create(el, {
      model,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      quickSuggestions: { other: true, comments: false, strings: true },
      // Enter accepts a completion only when it changes the text: typing `kind: Pod` + Enter makes a new line.
      acceptSuggestionOnEnter: 'smart',
      fixedOverflowWidgets: true,
      placeholder: 'apiVersion: v1 — type a manifest (Ctrl+Space completes fields)',
      accessibilitySupport: 'auto',
    });
    editorRef.current = editor;

    let timer: ReturnType<typeof setTimeout> | undefined;
    let applyingOwnChange = false;
    const changes = model.onDidChangeContent(() => {
      if (applyingOwnChange) return;
      useSession.getState().setEditorText(model.getValue());
      clearTimeout(timer);
      timer = setTimeout(() => void useSession.getState().diagnose(), DIAGNOSE_DELAY_MS);
    });

    // Text set from outside (a lesson's starter, "use this version"): replace as one undoable edit.
    const offText = useSession.subscribe((s, prev) => {
      if (s.editorText === prev.editorText || s.editorText === model.getValue()) return;
      applyingOwnChange = true;
      editor.pushUndoStop();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.editorText }], () => null);
      editor.pushUndoStop();
      applyingOwnChange = false;
    });

    const showMarkers = () => {
      const { problems, problemsFor } = useSession.getState();
      // Markers for an older text would sit on lines that have moved; wait for the fresh answer.
      if (problemsFor !== model.getValue()) return;
      monaco.editor.setModelMarkers(model, 'podlab', toMarkers(problems, model));
    };
    showMarkers();
    const offProblems = useSession.subscribe((s, prev) => {
      if (s.problems !== prev.problems) showMarkers();
    });

    const format = () => {
      const r = formatManifest(model.getValue());
      if (!r.ok) return useSession.getState().setNotice(r.message);
      if (r.text === model.getValue()) return useSession.getState().setNotice('Already formatted');
      editor.pushUndoStop();
      editor.executeEdits('format', [{ range: model.getFullModelRange(), text: r.text }]);
      editor.pushUndoStop();
    };
    editor.addAction({ id: 'podlab.apply', label: 'Apply manifest', keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter], run: () => void useSession.getState().apply() });
    editor.addAction({ id: 'podlab.focusTerminal', label: 'Focus terminal', keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Backquote], run: () => useSession.getState().focusTerminal() });
    editor.addAction({ id: 'podlab.format', label: 'Format manifest', keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF], run: format });

    const offControl = useSession.getState().registerEditor({
      reveal(line, column = 1) {
        editor.setPosition({ lineNumber: line, column });
        editor.revealLineInCenter(line);
        editor.focus();
      },
      focus: () => editor.focus(),
      format,
    });
    onReady?.();

    return () => {
      clearTimeout(timer);
      offControl();
      offText();
      offProblems();
      changes.dispose();
      editor.dispose();
      editorRef.current = undefined;
    };
  }, [label, onReady]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  return <div className="monaco-host" ref={host} data-testid="manifest-editor" />;
}
