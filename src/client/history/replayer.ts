/**
 * The world "as of" an instant in the past: a fresh engine (same seed and start) fed the recorded
 * inputs at their instants, advanced to the instant. The engine runs ~40,000× real time, so an
 * hour of history replays in about a tenth of a second; a few replays are kept so that dragging the
 * cursor forward continues from the nearest one instead of starting over.
 */
import type { Cluster } from '../../sim/cluster';
import type { ClientMessage } from '../protocol';
import type { InputLog } from './input-log';

/** An engine the replayer can drive: an EngineHost on a frozen timer. */
export interface ReplayEngine {
  readonly cluster: Cluster;
  /** Advance virtual time to `t`, running and resuming commands exactly as the live pacer does. */
  advanceTo(t: number): void;
  receive(m: ClientMessage): void;
}

interface Checkpoint {
  engine: ReplayEngine;
  /** Inputs [0, next) have been fed to it. */
  next: number;
  used: number;
}

/** How many replays are kept (each holds a whole cluster). */
export const MAX_CHECKPOINTS = 3;

export class Replayer {
  private checkpoints: Checkpoint[] = [];
  private uses = 0;
  /** Replays started from scratch (tests and the report read it). */
  fresh = 0;

  constructor(
    private readonly inputs: InputLog,
    private readonly start: number,
    private readonly create: () => ReplayEngine,
  ) {}

  /** A cluster as it was at `t` (after the inputs that took effect at or before `t`). */
  at(t: number): Cluster {
    if (t < this.start) throw new Error(`replay: ${new Date(t).toISOString()} is before the cluster started`);
    const cp = this.nearest(t) ?? this.startFresh();
    cp.used = ++this.uses;
    while (cp.next < this.inputs.length && this.inputs.get(cp.next).at <= t) {
      const input = this.inputs.get(cp.next++);
      cp.engine.advanceTo(input.at);
      cp.engine.receive(input.message);
    }
    cp.engine.advanceTo(t);
    return cp.engine.cluster;
  }

  /** The replay furthest along that has not passed `t` and has not missed an input. */
  private nearest(t: number): Checkpoint | undefined {
    let best: Checkpoint | undefined;
    for (const cp of this.checkpoints) {
      const now = cp.engine.cluster.now();
      if (now > t) continue;
      // An input recorded after this replay went past its instant would be lost: drop it.
      if (cp.next < this.inputs.length && this.inputs.get(cp.next).at < now) continue;
      if (!best || now > best.engine.cluster.now()) best = cp;
    }
    return best;
  }

  private startFresh(): Checkpoint {
    this.fresh++;
    const cp: Checkpoint = { engine: this.create(), next: 0, used: ++this.uses };
    this.checkpoints.push(cp);
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      const lru = this.checkpoints.reduce((a, b) => (b.used < a.used ? b : a));
      this.checkpoints = this.checkpoints.filter((c) => c !== lru);
    }
    return cp;
  }
}
