// The persisted progress store: migrations, and stored data that is corrupt, foreign or newer
// never crashes the app and never silently wipes progress.
import { describe, expect, it } from 'vitest';
import { createProgressStore, migrateProgress, PROGRESS_KEY, PROGRESS_VERSION, salvage, summarizeProgress } from './progress-store';

function memoryStorage(init: Record<string, string> = {}) {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

/** zustand's persist hydrates in a microtask chain. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('progress store', () => {
  it('records steps, hints, solution, predictions and time, and saves them under a version', async () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    await settle();
    const s = store.getState();
    s.visit('01-shared-volumes', 1000);
    s.hintShown('01-shared-volumes', 'mc1');
    s.hintShown('01-shared-volumes', 'mc1');
    s.stepPassed('01-shared-volumes', 'mc1', 2000, false);
    s.stepPassed('01-shared-volumes', 'mc1', 9999, false); // first pass wins
    s.predicted('01-shared-volumes', 'mc1', { choice: 'Running', correct: false });
    s.predicted('01-shared-volumes', 'mc1', { choice: 'Completed', correct: true }); // no second answer
    s.addTime('01-shared-volumes', 5000);
    s.stepPassed('01-shared-volumes', 'exercise', 3000, true);
    const saved = JSON.parse(storage.data.get(PROGRESS_KEY)!);
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(saved.state.lessons['01-shared-volumes']).toMatchObject({
      startedAt: 1000,
      timeSpentMs: 5000,
      completedAt: 3000,
      steps: { mc1: { passedAt: 2000, hintsShown: 2, solutionShown: false, prediction: { choice: 'Running', correct: false } } },
    });
    expect(summarizeProgress(store.getState().lessons['01-shared-volumes'])).toEqual({ started: true, stepsPassed: 2, completed: true, hintsUsed: 2, timeSpentMs: 5000, currentStep: 0 });

    // A new page load reads it back.
    const again = createProgressStore(storage);
    await settle();
    expect(again.getState().lessons['01-shared-volumes'].steps.mc1.passedAt).toBe(2000);
    expect(again.getState().notice).toBeUndefined();
  });

  it('migrates version 1 data to the current shape, keeping every passed step', async () => {
    const v1 = { state: { lessons: { '02-ipc': { passed: ['mc2', 'logs'], hints: { race: 2, mc2: 1 }, current: 2, seconds: 90 } } }, version: 1 };
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(v1) });
    const store = createProgressStore(storage);
    await settle();
    const l = store.getState().lessons['02-ipc'];
    expect(l).toEqual({
      startedAt: 0,
      lastVisit: 0,
      timeSpentMs: 90_000,
      currentStep: 2,
      startLoaded: [],
      steps: {
        mc2: { passedAt: 0, hintsShown: 1, solutionShown: false },
        logs: { passedAt: 0, hintsShown: 0, solutionShown: false },
        race: { hintsShown: 2, solutionShown: false },
      },
    });
    expect(summarizeProgress(l).stepsPassed).toBe(2);
    // Written back in the new version.
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!).version).toBe(PROGRESS_VERSION);
  });

  it('keeps unreadable data in a backup key, starts afresh, and says so', async () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{"state": {"lessons": {"01-x": tru' });
    const store = createProgressStore(storage);
    await settle();
    expect(store.getState().lessons).toEqual({});
    expect(store.getState().notice).toMatch(/damaged .* kept as "podlab-progress\.backup-1"/);
    expect(storage.data.get(`${PROGRESS_KEY}.backup-1`)).toBe('{"state": {"lessons": {"01-x": tru');
    store.getState().visit('01-x', 5);
    // The original text is still in the backup after new progress is saved.
    expect(storage.data.get(`${PROGRESS_KEY}.backup-1`)).toBe('{"state": {"lessons": {"01-x": tru');
    // A second corruption does not overwrite the first backup.
    storage.data.set(PROGRESS_KEY, 'not json');
    createProgressStore(storage);
    await settle();
    expect(storage.data.get(`${PROGRESS_KEY}.backup-2`)).toBe('not json');
  });

  it('salvages what it can from a damaged but parseable value, field by field', async () => {
    const damaged = {
      state: {
        lessons: {
          good: { startedAt: 1, lastVisit: 2, timeSpentMs: 3, currentStep: 1, startLoaded: ['a', 7], steps: { a: { passedAt: 10, hintsShown: 1, solutionShown: true }, b: 'garbage', c: { hintsShown: -4, passedAt: 'soon' } } },
          bad: 42,
          partial: { steps: null, timeSpentMs: 'lots', currentStep: 2.7 },
        },
      },
      version: PROGRESS_VERSION,
    };
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(damaged) });
    const store = createProgressStore(storage);
    await settle();
    const ls = store.getState().lessons;
    expect(Object.keys(ls).sort()).toEqual(['good', 'partial']);
    expect(ls.good.steps).toEqual({ a: { passedAt: 10, hintsShown: 1, solutionShown: true }, c: { hintsShown: 0, solutionShown: false } });
    expect(ls.good.startLoaded).toEqual(['a']);
    expect(ls.partial).toEqual({ startedAt: 0, lastVisit: 0, timeSpentMs: 0, currentStep: 2, steps: {}, startLoaded: [] });
  });

  it('data from a newer version is backed up before anything is written over it', async () => {
    const newer = JSON.stringify({ state: { lessons: { x: { steps: { s: { passedAt: 4, hintsShown: 0, solutionShown: false } }, newField: { deep: true } } } }, version: PROGRESS_VERSION + 5 });
    const storage = memoryStorage({ [PROGRESS_KEY]: newer });
    const store = createProgressStore(storage);
    await settle();
    expect(storage.data.get(`${PROGRESS_KEY}.backup-1`)).toBe(newer);
    expect(store.getState().notice).toMatch(/newer Pod Lab/);
    expect(store.getState().lessons.x.steps.s.passedAt).toBe(4);
  });

  it('survives storage that throws (disabled or full)', async () => {
    const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    const store = createProgressStore(throwing);
    await settle();
    expect(() => store.getState().visit('a', 1)).not.toThrow();
    expect(store.getState().lessons.a).toBeDefined();
    expect(store.getState().notice).toMatch(/could not be saved|could not be read/);
  });

  it('migrateProgress and salvage accept anything', () => {
    for (const junk of [null, undefined, 7, 'x', [], { lessons: [] }, { lessons: { a: null } }]) {
      expect(salvage(junk)).toEqual({ lessons: {} });
      expect(migrateProgress(junk, 1)).toEqual({ lessons: {} });
      expect(migrateProgress(junk, 0)).toEqual({ lessons: {} });
    }
  });
});
