/**
 * Messages between the app and the engine host. Plain data only (structured-clone safe), so the
 * same messages travel through `postMessage` to a Web Worker or through a function call in-process.
 */
import type { Diagnostic } from '../sim/api/lint/types';
import type { TraceEntry } from '../sim/trace/trace';
import type { Query, QueryResult } from './history/types';
import type { ChecksAnswer, ChecksRequest } from '../lessons/checks/session';

export type { Diagnostic };

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

/** What Apply did: kubectl's own output (as `kubectl apply -f -` prints it) and the problems found,
 * each with its line and column in the editor text. */
export interface ApplyResult {
  status: number;
  output: string;
  diagnostics: Diagnostic[];
}

export type ClientMessage =
  | { t: 'run'; line: string }
  /** The editor's Apply: the text goes through `kubectl apply -f -`. */
  | { t: 'apply'; id: number; text: string }
  /** Editor diagnostics without applying: kubectl's parse/decode/validation errors and lint warnings. */
  | { t: 'diagnose'; id: number; text: string }
  /** Advance virtual time to the next observable change (a trace entry or terminal output). */
  | { t: 'step' }
  /** Fast pacing: quiet stretches (nothing observable for a moment) are skipped. */
  | { t: 'setFast'; fast: boolean }
  | { t: 'interrupt' }
  /** Enter while a command reads the terminal (`kubectl exec -it`): one typed line, no newline. */
  | { t: 'input'; line: string }
  /** Ctrl+D on an empty line while a command reads the terminal. */
  | { t: 'eof' }
  /** The editor panel closed a file opened by `edit`: its new text, or null when discarded. */
  | { t: 'editDone'; id: number; text: string | null }
  | { t: 'setSpeed'; speed: number }
  | { t: 'pause' }
  | { t: 'resume' }
  | { t: 'complete'; id: number; line: string; cursor: number }
  | { t: 'dispose' }
  /** Read the world at virtual instant `at` (omitted: now); the past comes from a replay (client/history). */
  | { t: 'query'; id: number; at?: number; q: Query }
  /** A lesson step's checks, evaluated against the live cluster (src/lessons/checks). Recorded for replays: exec and http checks act. */
  | { t: 'evaluateChecks'; id: number; request: ChecksRequest };

export type EngineMessage =
  /** Terminal output, in the order it was produced (stdout and stderr interleaved as on a tty). */
  | { t: 'output'; text: string }
  /** A command finished (or was interrupted); the shell is ready for the next one. */
  | { t: 'done'; status: number; prompt: string }
  /** The virtual clock, sent a few times a second and whenever speed or pause state change. */
  | { t: 'clock'; now: number; speed: number; paused: boolean; busy: boolean; fast?: boolean }
  | { t: 'applied'; id: number; result: ApplyResult }
  | { t: 'diagnosed'; id: number; diagnostics: Diagnostic[] }
  | { t: 'completions'; id: number; result: Completion }
  /** The engine is up; `prompt` is the shell's first prompt. */
  | { t: 'ready'; prompt: string; now: number }
  /** The running command reads the terminal (open) or no longer does: typed lines go to it. */
  | { t: 'stdin'; open: boolean }
  /** `vi FILE`, `kubectl edit`: open a workstation file in the editor panel; answer with editDone. */
  | { t: 'edit'; id: number; path: string; text: string }
  /** Trace entries [from, from + entries.length) of the engine's trace, streamed in order. */
  | { t: 'trace'; from: number; entries: TraceEntry[] }
  | { t: 'answer'; id: number; result: QueryResult }
  | { t: 'checkResults'; id: number; answer: ChecksAnswer };
