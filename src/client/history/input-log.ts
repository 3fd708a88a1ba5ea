/**
 * Every input that changed the engine, with the virtual instant it took effect. Together with the
 * seed and start instant this *is* the run: replaying the inputs into a fresh engine reproduces the
 * cluster and the workstation at any instant (the simulator is deterministic), which is how the app
 * shows files and objects as they were when the learner drags the time cursor back.
 */
import type { ClientMessage } from '../protocol';

export interface RecordedInput {
  /** Virtual ms since the epoch at which the message took effect. */
  at: number;
  message: ClientMessage;
}

/**
 * Messages that never change the simulated world: they only read it (completion, diagnostics,
 * queries) or change how fast real time maps to virtual time (speed, pause, stepping — a replay
 * reaches the same instants by advancing the clock itself). Everything else is recorded, so a
 * message added later is replayed unless it is listed here.
 */
const VIEW_ONLY: ReadonlySet<string> = new Set(['complete', 'diagnose', 'query', 'setSpeed', 'setFast', 'pause', 'resume', 'step', 'dispose']);

export function changesEngine(m: ClientMessage): boolean {
  return !VIEW_ONLY.has(m.t);
}

export class InputLog {
  private readonly inputs: RecordedInput[] = [];

  record(at: number, message: ClientMessage): void {
    const last = this.inputs[this.inputs.length - 1];
    if (last && at < last.at) throw new Error(`input log: ${message.t} at ${at} is before the previous input at ${last.at}`);
    this.inputs.push({ at, message: structuredClone(message) });
  }

  get length(): number {
    return this.inputs.length;
  }

  get(i: number): RecordedInput {
    return this.inputs[i];
  }

  /** Inputs in order (a copy). */
  all(): RecordedInput[] {
    return this.inputs.slice();
  }
}
