/**
 * The real-time source the pacer reads. The browser worker uses performance.now and setTimeout;
 * tests pass a fake so that "five real seconds" is a function call, not a wait.
 */
export interface RealTimer {
  /** Real milliseconds, monotonic. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const hostTimer: RealTimer = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
