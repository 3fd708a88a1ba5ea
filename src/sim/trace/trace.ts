/**
 * Every observable change, time-stamped, in the order it happened. The app's timeline, log viewer
 * and diagram read this; seeking to an instant is a replay of the entries up to it. Entries are
 * plain data (structured-clone safe) so the trace can cross the Web Worker boundary.
 */
export type TraceEntry =
  | { t: number; kind: 'object'; verb: 'ADDED' | 'MODIFIED' | 'DELETED'; objKind: string; namespace?: string; name: string; resourceVersion: string }
  | { t: number; kind: 'container'; pod: string; namespace: string; container: string; state: string; reason?: string; exitCode?: number; restartCount: number }
  | { t: number; kind: 'event'; namespace: string; object: string; type: string; reason: string; message: string; count: number }
  | { t: number; kind: 'log'; pod: string; namespace: string; container: string; attempt: number; stream: 'stdout' | 'stderr'; line: string };

export type TraceListener = (e: TraceEntry) => void;

export class Trace {
  readonly entries: TraceEntry[] = [];
  private listeners = new Set<TraceListener>();
  /** Log lines are the bulk of a trace; the CLI does not need them kept twice. */
  constructor(private readonly keepLogs = true) {}

  record(e: TraceEntry): void {
    if (e.kind !== 'log' || this.keepLogs) this.entries.push(e);
    for (const l of this.listeners) l(e);
  }

  subscribe(l: TraceListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Entries with t <= at, in order (the state "as of" a cursor instant is a fold over these). */
  until(at: number): TraceEntry[] {
    let hi = this.entries.length;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].t <= at) lo = mid + 1;
      else hi = mid;
    }
    return this.entries.slice(0, lo);
  }
}
