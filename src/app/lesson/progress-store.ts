/**
 * The learner's progress through the lessons, kept in localStorage through zustand's `persist`.
 *
 * Stored data is never trusted: it may come from an older app, a newer one (another tab after an
 * upgrade), a browser extension or a half-written quota error. Two rules:
 *   - it never crashes the app: whatever is stored is salvaged field by field (`salvage`);
 *   - it never silently wipes progress: text that cannot be read, or that a newer version wrote,
 *     is copied to a backup key before anything is written over it, and a notice says so.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistStorage, type StateStorage, type StorageValue } from 'zustand/middleware';

export const PROGRESS_KEY = 'podlab-progress';
/** Bump when the stored shape changes, and teach `migrateProgress` the old shape. */
export const PROGRESS_VERSION = 2;

export interface PredictionAnswer {
  choice: string;
  correct: boolean;
}

export interface StepProgress {
  /** Wall-clock ms when the step's checks first all passed. */
  passedAt?: number;
  /** How many hints the learner has revealed (they are revealed in order). */
  hintsShown: number;
  solutionShown: boolean;
  prediction?: PredictionAnswer;
}

export interface LessonProgress {
  startedAt: number;
  lastVisit: number;
  /** Time spent with the lesson open, ms. */
  timeSpentMs: number;
  /** Index of the step the learner is on. */
  currentStep: number;
  steps: Record<string, StepProgress>;
  /** Steps whose start manifests were loaded into the editor already (not again on reload). */
  startLoaded: string[];
  completedAt?: number;
}

export interface ProgressData {
  lessons: Record<string, LessonProgress>;
}

export interface ProgressState extends ProgressData {
  /** Set when stored progress had to be repaired or backed up; the course shows it once. */
  notice?: string;
  visit(slug: string, now: number): void;
  addTime(slug: string, ms: number): void;
  setCurrentStep(slug: string, index: number): void;
  stepPassed(slug: string, stepId: string, now: number, isLast: boolean): void;
  hintShown(slug: string, stepId: string): void;
  solutionShown(slug: string, stepId: string): void;
  predicted(slug: string, stepId: string, answer: PredictionAnswer): void;
  startLoaded(slug: string, stepId: string): void;
  reset(slug: string): void;
  dismissNotice(): void;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, min = 0): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : undefined);

function salvageStep(v: unknown): StepProgress | undefined {
  if (!isObj(v)) return undefined;
  const p: StepProgress = { hintsShown: Math.floor(num(v.hintsShown) ?? 0), solutionShown: v.solutionShown === true };
  const at = num(v.passedAt);
  if (at !== undefined) p.passedAt = at;
  if (isObj(v.prediction) && typeof v.prediction.choice === 'string' && typeof v.prediction.correct === 'boolean') {
    p.prediction = { choice: v.prediction.choice, correct: v.prediction.correct };
  }
  return p;
}

function salvageLesson(v: unknown): LessonProgress | undefined {
  if (!isObj(v)) return undefined;
  const steps: Record<string, StepProgress> = {};
  if (isObj(v.steps)) {
    for (const [id, s] of Object.entries(v.steps)) {
      const ok = salvageStep(s);
      if (ok) steps[id] = ok;
    }
  }
  const startedAt = num(v.startedAt) ?? num(v.lastVisit) ?? 0;
  const l: LessonProgress = {
    startedAt,
    lastVisit: num(v.lastVisit) ?? startedAt,
    timeSpentMs: num(v.timeSpentMs) ?? 0,
    currentStep: Math.floor(num(v.currentStep) ?? 0),
    steps,
    startLoaded: Array.isArray(v.startLoaded) ? v.startLoaded.filter((x): x is string => typeof x === 'string') : [],
  };
  const done = num(v.completedAt);
  if (done !== undefined) l.completedAt = done;
  return l;
}

/** Whatever was stored → valid progress: every readable lesson and step kept, the rest dropped. */
export function salvage(state: unknown): ProgressData {
  const lessons: Record<string, LessonProgress> = {};
  if (isObj(state) && isObj(state.lessons)) {
    for (const [slug, l] of Object.entries(state.lessons)) {
      const ok = salvageLesson(l);
      if (ok) lessons[slug] = ok;
    }
  }
  return { lessons };
}

/**
 * Older shapes → the current one.
 *   v1: the store's first draft, `{ lessons: { slug: { passed: string[], hints: {stepId: n}, current: n,
 *       seconds: n } } }`. No release wrote it; it stays as the worked example of a migration and
 *       keeps this path tested, so the next shape change only adds a branch here.
 *   v2: the shape above (per-step records, wall-clock times, predictions).
 */
export function migrateProgress(state: unknown, version: number): ProgressData {
  if (version === 1 && isObj(state) && isObj(state.lessons)) {
    const lessons: Record<string, unknown> = {};
    for (const [slug, old] of Object.entries(state.lessons)) {
      if (!isObj(old)) continue;
      const steps: Record<string, StepProgress> = {};
      const hints = isObj(old.hints) ? old.hints : {};
      for (const id of Array.isArray(old.passed) ? old.passed : []) {
        // v1 did not record when a step passed; 0 means "passed, time unknown".
        if (typeof id === 'string') steps[id] = { passedAt: 0, hintsShown: num(hints[id]) ?? 0, solutionShown: false };
      }
      for (const [id, n] of Object.entries(hints)) steps[id] ??= { hintsShown: num(n) ?? 0, solutionShown: false };
      lessons[slug] = { startedAt: 0, lastVisit: 0, timeSpentMs: (num(old.seconds) ?? 0) * 1000, currentStep: num(old.current) ?? 0, steps, startLoaded: [] };
    }
    return salvage({ lessons });
  }
  return salvage(state);
}

export interface BackupStorage extends StateStorage<void> {
  /** Every key, for tests and the backup name. */
  keys?(): string[];
}

/**
 * localStorage with the two safety rules: unreadable text and newer versions are copied to
 * `podlab-progress.backup-N` before hydration proceeds. `onNotice` reports what happened.
 */
export function safeStorage(raw: StateStorage<void>, onNotice: (msg: string) => void): PersistStorage<ProgressData> {
  const backup = (name: string, text: string) => {
    for (let i = 1; i < 100; i++) {
      const key = `${name}.backup-${i}`;
      if (raw.getItem(key) === null) {
        raw.setItem(key, text);
        return key;
      }
    }
    return undefined;
  };
  return {
    getItem(name) {
      let text: string | null;
      try {
        text = raw.getItem(name) as string | null;
      } catch {
        onNotice('Your saved progress could not be read (storage is unavailable); progress in this session will not be saved.');
        return null;
      }
      if (text === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (!isObj(parsed) || !('state' in parsed)) {
        const key = backup(name, text);
        onNotice(`Your saved progress was damaged and could not be read. It was kept as "${key}" in this browser's storage; the course starts afresh.`);
        return null;
      }
      const version = typeof parsed.version === 'number' ? parsed.version : 0;
      if (version > PROGRESS_VERSION) {
        const key = backup(name, text);
        onNotice(`Your progress was saved by a newer Pod Lab. A copy was kept as "${key}"; what this version understands was loaded.`);
      }
      return { state: parsed.state as ProgressData, version } satisfies StorageValue<ProgressData>;
    },
    setItem(name, value) {
      try {
        raw.setItem(name, JSON.stringify(value));
      } catch {
        onNotice('Your progress could not be saved (storage is full or unavailable).');
      }
    },
    removeItem: (name) => raw.removeItem(name),
  };
}

type Lessons = Record<string, LessonProgress>;

function touch(lessons: Lessons, slug: string, now: number): LessonProgress {
  return lessons[slug] ?? { startedAt: now, lastVisit: now, timeSpentMs: 0, currentStep: 0, steps: {}, startLoaded: [] };
}

function step(l: LessonProgress, id: string): StepProgress {
  return l.steps[id] ?? { hintsShown: 0, solutionShown: false };
}

export function createProgressStore(raw: StateStorage<void> | undefined): StoreApi<ProgressState> {
  let api: StoreApi<ProgressState> | undefined;
  let early: string | undefined;
  let reporting = false;
  const notice = (msg: string) => {
    if (!api) return void (early = msg);
    // Setting the notice saves the state again; if saving is what failed, do not loop.
    if (reporting || api.getState().notice === msg) return;
    reporting = true;
    try {
      api.setState({ notice: msg });
    } finally {
      reporting = false;
    }
  };
  const store = createStore<ProgressState>()(
    persist(
      (set, get) => {
        const update = (slug: string, fn: (l: LessonProgress) => LessonProgress) => {
          const cur = get().lessons;
          set({ lessons: { ...cur, [slug]: fn(touch(cur, slug, 0)) } });
        };
        const updateStep = (slug: string, id: string, fn: (s: StepProgress) => StepProgress) => update(slug, (l) => ({ ...l, steps: { ...l.steps, [id]: fn(step(l, id)) } }));
        return {
          lessons: {},
          visit: (slug, now) => {
            const cur = get().lessons;
            const l = touch(cur, slug, now);
            set({ lessons: { ...cur, [slug]: { ...l, lastVisit: now } } });
          },
          addTime: (slug, ms) => update(slug, (l) => ({ ...l, timeSpentMs: l.timeSpentMs + Math.max(0, ms) })),
          setCurrentStep: (slug, index) => update(slug, (l) => ({ ...l, currentStep: Math.max(0, Math.floor(index)) })),
          stepPassed: (slug, id, now, isLast) => {
            update(slug, (l) => {
              const s = step(l, id);
              if (s.passedAt !== undefined) return l;
              return { ...l, steps: { ...l.steps, [id]: { ...s, passedAt: now } }, ...(isLast && l.completedAt === undefined ? { completedAt: now } : {}) };
            });
          },
          hintShown: (slug, id) => updateStep(slug, id, (s) => ({ ...s, hintsShown: s.hintsShown + 1 })),
          solutionShown: (slug, id) => updateStep(slug, id, (s) => ({ ...s, solutionShown: true })),
          predicted: (slug, id, answer) => updateStep(slug, id, (s) => (s.prediction ? s : { ...s, prediction: answer })),
          startLoaded: (slug, id) => update(slug, (l) => (l.startLoaded.includes(id) ? l : { ...l, startLoaded: [...l.startLoaded, id] })),
          reset: (slug) => {
            const { [slug]: _gone, ...rest } = get().lessons;
            set({ lessons: rest });
          },
          dismissNotice: () => set({ notice: undefined }),
        };
      },
      {
        name: PROGRESS_KEY,
        version: PROGRESS_VERSION,
        storage: raw ? safeStorage(raw, notice) : undefined,
        partialize: (s) => ({ lessons: s.lessons }),
        migrate: (state, version) => migrateProgress(state, version),
        // Same-version data is salvaged too: a hand-edited or half-written value must not crash a view.
        merge: (persisted, current) => ({ ...current, ...salvage(persisted) }),
      },
    ),
  );
  api = store;
  if (early) store.setState({ notice: early });
  return store;
}

function browserStorage(): StateStorage<void> | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The app's one progress store. */
export const progressStore = createProgressStore(browserStorage());

export function useProgress<T>(select: (s: ProgressState) => T): T {
  return useStore(progressStore, select);
}

export interface LessonProgressSummary {
  started: boolean;
  stepsPassed: number;
  completed: boolean;
  hintsUsed: number;
  timeSpentMs: number;
  currentStep: number;
}

export function summarizeProgress(l: LessonProgress | undefined): LessonProgressSummary {
  if (!l) return { started: false, stepsPassed: 0, completed: false, hintsUsed: 0, timeSpentMs: 0, currentStep: 0 };
  const steps = Object.values(l.steps);
  return {
    started: true,
    stepsPassed: steps.filter((s) => s.passedAt !== undefined).length,
    completed: l.completedAt !== undefined,
    hintsUsed: steps.reduce((n, s) => n + s.hintsShown, 0),
    timeSpentMs: l.timeSpentMs,
    currentStep: l.currentStep,
  };
}

/** For the course index: how far the learner got in one lesson. */
export function useLessonProgress(slug: string): LessonProgressSummary {
  const l = useProgress((s) => s.lessons[slug]);
  return summarizeProgress(l);
}
