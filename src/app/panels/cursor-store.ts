/**
 * The time cursor every panel reads: either "live" (follow the engine's now) or a fixed virtual
 * instant the learner scrubbed to in the timeline. Logs, files, statuses and the diagram show the
 * state as of `cursorInstant()`; the clock display may show it too.
 */
import { create } from 'zustand';

export type Cursor = { mode: 'live' } | { mode: 'at'; t: number };

interface CursorState {
  cursor: Cursor;
  /** Pin the cursor to a virtual instant (ms since the epoch). */
  seek(t: number): void;
  /** Follow the engine again. */
  goLive(): void;
}

export const useCursor = create<CursorState>((set) => ({
  cursor: { mode: 'live' },
  seek: (t) => {
    if (!Number.isFinite(t)) throw new Error(`cursor: not a time: ${t}`);
    set({ cursor: { mode: 'at', t: Math.round(t) } });
  },
  goLive: () => set({ cursor: { mode: 'live' } }),
}));

/** The instant a panel should show: the pinned instant, or `now` when live. */
export function cursorInstant(c: Cursor, now: number): number {
  return c.mode === 'live' ? now : Math.min(c.t, now);
}

export function isLive(c: Cursor): boolean {
  return c.mode === 'live';
}
