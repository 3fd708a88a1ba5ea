/**
 * Messages between the app and the engine host. Plain data only (structured-clone safe), so the
 * same messages travel through `postMessage` to a Web Worker or through a function call in-process.
 */

/** How the engine starts: same seed and start instant → same run. */
export interface EngineOptions {
  seed: number;
  /** Virtual start instant, ms since the epoch. */
  start: number;
  /** Virtual milliseconds per real millisecond (1 = real time). */
  speed?: number;
}

/** What Tab completion found for the word under the cursor. */
export interface Completion {
  /** The word being completed spans [from, to) of the line. */
  from: number;
  to: number;
  /** Full replacements for that word, sorted. */
  candidates: string[];
  /** Whether a single candidate ends the word (append a space), false for directories (`dir/`). */
  closes: boolean;
}

export type ClientMessage =
  | { t: 'run'; line: string }
  | { t: 'interrupt' }
  | { t: 'setSpeed'; speed: number }
  | { t: 'pause' }
  | { t: 'resume' }
  | { t: 'complete'; id: number; line: string; cursor: number }
  | { t: 'dispose' };

export type EngineMessage =
  /** Terminal output, in the order it was produced (stdout and stderr interleaved as on a tty). */
  | { t: 'output'; text: string }
  /** A command finished (or was interrupted); the shell is ready for the next one. */
  | { t: 'done'; status: number; prompt: string }
  /** The virtual clock, sent a few times a second and whenever speed or pause state change. */
  | { t: 'clock'; now: number; speed: number; paused: boolean; busy: boolean }
  | { t: 'completions'; id: number; result: Completion }
  /** The engine is up; `prompt` is the shell's first prompt. */
  | { t: 'ready'; prompt: string; now: number };
