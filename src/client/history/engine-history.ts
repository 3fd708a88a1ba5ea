/**
 * The live engine's memory, kept beside its EngineHost: the inputs that changed the engine (for
 * replays), the trace streamed to the page in batches, and answers to "what did the world look
 * like at t" (live state for now, a replay for the past).
 */
import type { Cluster } from '../../sim/cluster';
import type { TraceEntry } from '../../sim/trace/trace';
import type { ClientMessage, EngineMessage } from '../protocol';
import type { RealTimer } from '../pacer-timer';
import { InputLog } from './input-log';
import { Replayer, type ReplayEngine } from './replayer';
import { answer } from './query';

/** Trace entries per message at most: a burst of log lines crosses the worker boundary in slices. */
export const TRACE_BATCH = 5000;

/** A timer that never fires and never moves: a replay advances only when told to. */
export const frozenTimer: RealTimer = {
  now: () => 0,
  setTimeout: () => undefined,
  clearTimeout: () => undefined,
};

export class EngineHistory {
  readonly inputs = new InputLog();
  readonly replayer: Replayer;
  private sent = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly emit: (m: EngineMessage) => void,
    createReplay: () => ReplayEngine,
  ) {
    this.replayer = new Replayer(this.inputs, cluster.now(), createReplay);
  }

  /** Send trace entries recorded since the last call (the page mirrors the whole trace). */
  flushTrace(): void {
    const all = this.cluster.trace.entries;
    while (this.sent < all.length) {
      const from = this.sent;
      const entries: TraceEntry[] = all.slice(from, from + TRACE_BATCH);
      this.sent += entries.length;
      this.emit({ t: 'trace', from, entries });
    }
  }

  record(m: ClientMessage): void {
    this.inputs.record(this.cluster.now(), m);
  }

  /** A query at an instant: the live cluster for now (or later), a replay for the past. */
  query(m: Extract<ClientMessage, { t: 'query' }>): void {
    const now = this.cluster.now();
    let result;
    try {
      const cluster = m.at === undefined || m.at >= now ? this.cluster : this.replayer.at(m.at);
      result = answer(cluster, m.q);
    } catch (e) {
      result = { ok: false as const, at: m.at ?? now, error: e instanceof Error ? e.message : String(e) };
    }
    this.emit({ t: 'answer', id: m.id, result });
  }
}
