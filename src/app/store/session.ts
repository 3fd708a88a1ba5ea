/**
 * The workspace session: one simulated cluster (through SimClient), its clock, the manifest in the
 * editor and what the engine says about it. Every view of a lesson or the playground reads and
 * drives the session through this store — the editor, the terminal, the clock controls, the
 * panels (src/app/panels) and the lesson player (src/app/lesson: loadManifest, showDiff, runInTerminal).
 *
 * The learner's text is never lost: it is saved to localStorage under the route's key on every
 * change and read back when the route is opened again.
 */
import { create } from 'zustand';
import { SimClient, type ClockState } from '../../client/SimClient';
import type { ApplyResult, Diagnostic, EngineOptions } from '../../client/protocol';
import { DEFAULT_START } from '../../client/defaults';

/** Speeds the clock offers; Infinity is "max" (as fast as the engine goes, page still responsive). */
export const SPEEDS = [1, 2, 5, 20, Infinity] as const;

export type BottomTab = 'terminal' | 'timeline' | 'logs' | 'diagram' | 'files';

/** What the terminal component offers the session (registered while it is mounted). */
export interface TerminalControl {
  /** Feed keystrokes as if typed (`kubectl get pods\r` runs it). */
  type(data: string): void;
  focus(): void;
}

/** What the editor offers the session (registered while Monaco is mounted). */
export interface EditorControl {
  /** Put the cursor on a line (1-based) and column, scroll it into view, focus the editor. */
  reveal(line: number, column?: number): void;
  focus(): void;
  /** Re-emit the YAML, keeping comments. */
  format(): void;
}

export interface DiffView {
  /** The text to compare the learner's manifest with (e.g. a lesson's solution). */
  original: string;
  title: string;
}

/** A file the engine asks the learner to edit (`vi FILE`, `kubectl edit`), answered with save or cancel. */
export interface EditRequest {
  id: number;
  path: string;
  text: string;
}

export interface LastApply extends ApplyResult {
  /** Virtual instant of the apply. */
  at: number;
}

export interface SessionState {
  client: SimClient | undefined;
  /** Bumped by reset(): views keyed on it remount against the new engine. */
  generation: number;
  options: EngineOptions;
  clock: ClockState;
  /** Which workspace the engine belongs to (`lesson:shared-volumes`, `playground`): one cluster per workspace. */
  engineKey: string;
  /** localStorage key of the current route's editor text (`lesson:shared-volumes:2`, `playground`). */
  docKey: string;
  editorText: string;
  /** The latest diagnostics for the editor text: errors from kubectl, warnings from lint. */
  problems: Diagnostic[];
  /** The text `problems` belong to (they are stale once the text moves on). */
  problemsFor: string;
  applying: boolean;
  lastApply: LastApply | undefined;
  diff: DiffView | undefined;
  bottomTab: BottomTab;
  terminal: TerminalControl | undefined;
  editor: EditorControl | undefined;
  editRequest: EditRequest | undefined;
  /** A one-line message for the editor's status area (e.g. why Format could not run). */
  notice: string | undefined;

  /** Start the workspace's engine (kept if the same workspace is already open with the same options). */
  openEngine(engineKey: string, options?: Partial<EngineOptions>): void;
  /** Close the workspace's engine (route left). */
  closeEngine(): void;
  /** Show the route's editor text: what was saved under docKey, else initialText. */
  openDocument(docKey: string, initialText: string): void;
  setEditorText(text: string): void;
  /** Replace the editor text (a lesson's starter manifest, "reset to starter"). */
  loadManifest(text: string): void;
  /** The editor text through `kubectl apply -f -`; problems and output land in the store. */
  apply(): Promise<LastApply | undefined>;
  /** Refresh `problems` for the current text (the editor calls this as the learner types). */
  diagnose(): Promise<void>;
  showDiff(original: string, title: string): void;
  closeDiff(): void;
  /** Type a command line into the terminal and run it (shows the Terminal tab). */
  runInTerminal(line: string): void;
  focusTerminal(): void;
  setBottomTab(tab: BottomTab): void;
  registerTerminal(t: TerminalControl): () => void;
  registerEditor(e: EditorControl): () => void;
  /** Put the editor's cursor on a problem's line. */
  revealProblem(p: Diagnostic): void;
  /** A new engine with the same seed and start; the editor text stays. */
  reset(): void;
  setSpeed(speed: number): void;
  togglePause(): void;
  /** Advance to the next observable change (works while paused). */
  step(): void;
  setFast(fast: boolean): void;
  setNotice(notice: string | undefined): void;
  /** Answer an EditRequest. */
  finishEdit(text: string | undefined): void;
}

const STORAGE_PREFIX = 'podlab:editor:';

export function savedText(docKey: string): string | undefined {
  try {
    return localStorage.getItem(STORAGE_PREFIX + docKey) ?? undefined;
  } catch {
    return undefined; // storage disabled (private mode, embedded with storage blocked)
  }
}

function saveText(docKey: string, text: string): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + docKey, text);
  } catch {
    /* quota or disabled storage: the text stays in memory for this visit */
  }
}

const DEFAULT_OPTIONS: EngineOptions = { seed: 1, start: DEFAULT_START, speed: 1 };
const initialClock = (o: EngineOptions): ClockState => ({ now: o.start, speed: o.speed ?? 1, paused: false, busy: false, fast: false });

/** Stray typing sent before the terminal mounted is kept and typed once it is there. */
let pendingTerminal: string[] = [];
let offClient: (() => void) | undefined;
let diagnoseSeq = 0;

export const useSession = create<SessionState>()((set, get) => {
  function startEngine(options: EngineOptions): SimClient {
    offClient?.();
    get().client?.dispose();
    const client = SimClient.inWorker(options);
    const offClock = client.on({ clock: (clock) => set({ clock }) });
    // `vi FILE`, `kubectl edit`: the file opens in the editor panel (FileEditor) until saved or cancelled.
    const offEdit = client.on({ edit: (r) => set({ editRequest: r }) });
    offClient = () => {
      offClock();
      offEdit();
    };
    const prev = get().clock;
    // Keep the learner's pacing choices across a reset.
    if (prev.speed !== 1) client.setSpeed(prev.speed);
    if (prev.fast) client.setFast(true);
    set((s) => ({ client, options, generation: s.generation + 1, clock: { ...initialClock(options), speed: prev.speed, fast: prev.fast }, lastApply: undefined, editRequest: undefined }));
    return client;
  }

  return {
    client: undefined,
    generation: 0,
    options: DEFAULT_OPTIONS,
    clock: initialClock(DEFAULT_OPTIONS),
    engineKey: '',
    docKey: '',
    editorText: '',
    problems: [],
    problemsFor: '',
    applying: false,
    lastApply: undefined,
    diff: undefined,
    bottomTab: 'terminal',
    terminal: undefined,
    editor: undefined,
    editRequest: undefined,
    notice: undefined,

    openEngine(engineKey, options) {
      const opts = { ...DEFAULT_OPTIONS, ...options };
      const cur = get();
      // Each workspace (lesson, playground) gets its own cluster; reopening the same one keeps it.
      const fresh = !cur.client || cur.engineKey !== engineKey || cur.options.seed !== opts.seed || cur.options.start !== opts.start;
      set({ engineKey });
      if (fresh) startEngine(opts);
      void get().diagnose();
    },

    closeEngine() {
      offClient?.();
      offClient = undefined;
      get().client?.dispose();
      set({ client: undefined, engineKey: '', lastApply: undefined, problems: [], problemsFor: '', editRequest: undefined, clock: initialClock(DEFAULT_OPTIONS) });
    },

    openDocument(docKey, initialText) {
      const text = savedText(docKey) ?? initialText;
      set({ docKey, editorText: text, problems: [], problemsFor: '', diff: undefined });
      void get().diagnose();
    },

    setEditorText(text) {
      const { docKey } = get();
      if (docKey) saveText(docKey, text);
      set({ editorText: text, notice: undefined });
    },

    setNotice(notice) {
      set({ notice });
    },

    loadManifest(text) {
      get().setEditorText(text);
      set({ diff: undefined });
      void get().diagnose();
    },

    async apply() {
      const { client, editorText } = get();
      if (!client) return undefined;
      set({ applying: true });
      try {
        const result = await client.apply(editorText);
        const last: LastApply = { ...result, at: client.now() };
        // The text may have moved on while the engine worked; problems belong to what was applied.
        set({ lastApply: last, problems: result.diagnostics, problemsFor: editorText, notice: undefined });
        return last;
      } finally {
        set({ applying: false });
      }
    },

    async diagnose() {
      const { client, editorText } = get();
      if (!client) return;
      const seq = ++diagnoseSeq;
      const problems = await client.diagnose(editorText);
      // Only the newest answer counts: an older one would put markers on lines that moved.
      if (seq === diagnoseSeq && get().editorText === editorText) set({ problems, problemsFor: editorText });
    },

    showDiff(original, title) {
      set({ diff: { original, title } });
    },

    closeDiff() {
      set({ diff: undefined });
    },

    runInTerminal(line) {
      set({ bottomTab: 'terminal' });
      const t = get().terminal;
      const data = line.endsWith('\r') ? line : line + '\r';
      if (t) {
        t.type(data);
        t.focus();
      } else pendingTerminal.push(data);
    },

    focusTerminal() {
      set({ bottomTab: 'terminal' });
      const t = get().terminal;
      // The tab may only now be shown: focus once it is laid out.
      if (t) requestAnimationFrame(() => t.focus());
    },

    setBottomTab(tab) {
      set({ bottomTab: tab });
    },

    registerTerminal(t) {
      set({ terminal: t });
      const queued = pendingTerminal;
      pendingTerminal = [];
      for (const d of queued) t.type(d);
      return () => {
        if (get().terminal === t) set({ terminal: undefined });
      };
    },

    registerEditor(e) {
      set({ editor: e });
      return () => {
        if (get().editor === e) set({ editor: undefined });
      };
    },

    revealProblem(p) {
      if (p.line !== undefined) get().editor?.reveal(p.line, p.column);
    },

    reset() {
      const { options } = get();
      pendingTerminal = [];
      startEngine(options);
      void get().diagnose();
    },

    setSpeed(speed) {
      get().client?.setSpeed(speed);
    },

    togglePause() {
      const { client, clock } = get();
      if (!client) return;
      if (clock.paused) client.resume();
      else client.pause();
    },

    step() {
      get().client?.step();
    },

    setFast(fast) {
      get().client?.setFast(fast);
    },

    finishEdit(text) {
      const { client, editRequest } = get();
      if (!client || !editRequest) return;
      client.finishEdit(editRequest.id, text ?? null);
      set({ editRequest: undefined });
      // Back to where the learner typed `vi FILE`: the shell shows what the command did next.
      get().focusTerminal();
    },
  };
});
