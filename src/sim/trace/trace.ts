/**
 * Every observable change, time-stamped, in the order it happened. The app's timeline, log viewer
 * and diagram read this; seeking to an instant is a replay of the entries up to it. Entries are
 * plain data (structured-clone safe) so the trace can cross the Web Worker boundary.
 */
export type TraceEntry =
  | { t: number; kind: 'object'; verb: 'ADDED' | 'MODIFIED' | 'DELETED'; objKind: string; namespace?: string; name: string; resourceVersion: string }
  /** A container's status changed. `role` says where it sits in the pod (init, native sidecar, app). */
  | { t: number; kind: 'container'; pod: string; namespace: string; uid?: string; container: string; role?: ContainerRole; state: string; reason?: string; exitCode?: number; restartCount: number }
  /** A pod's phase or readiness changed (the timeline's pod rows). */
  | { t: number; kind: 'pod'; pod: string; namespace: string; uid: string; phase: string; ready: boolean; terminating: boolean }
  | { t: number; kind: 'event'; namespace: string; object: string; fieldPath?: string; source?: string; type: string; reason: string; message: string; count: number }
  | { t: number; kind: 'log'; pod: string; namespace: string; container: string; attempt: number; stream: 'stdout' | 'stderr'; line: string }
  /** One probe attempt and its outcome (successes too: the timeline marks failures, the diagram pulses). */
  | { t: number; kind: 'probe'; pod: string; namespace: string; container: string; probe: 'liveness' | 'readiness' | 'startup'; ok: boolean; message?: string }
  /** A process started or stopped listening on a TCP port of a pod's network namespace. */
  | { t: number; kind: 'listen'; pod: string; namespace: string; container: string; port: number; open: boolean }
  /** One HTTP request (or raw TCP connection, method 'TCP') across the cluster network. */
  | { t: number; kind: 'http'; from: TraceEndpoint; to: TraceEndpoint; service?: string; port: number; method: string; path: string; status?: number; error?: string }
  /** A write into a volume mounted in a container (the root filesystem is not traced). */
  | { t: number; kind: 'file'; pod: string; namespace: string; container: string; mountPath: string; path: string; bytes: number; append: boolean }
  /** A message sent on an IPC object of a pod's IPC namespace (POSIX or System V queue). */
  | { t: number; kind: 'ipc'; pod: string; namespace: string; container: string; object: string; op: 'send' | 'receive'; bytes: number };

export type ContainerRole = 'init' | 'sidecar' | 'app';

/** Where traffic comes from or goes to: a container of a pod, or a host outside the pod network. */
export type TraceEndpoint = { pod: string; namespace: string; container?: string } | { host: 'workstation' | 'node' };

/** Kinds that can be numerous (one per line, request, write); the CLI keeps none of them. */
const BULK: ReadonlySet<TraceEntry['kind']> = new Set(['log', 'probe', 'http', 'file', 'ipc']);

export type TraceListener = (e: TraceEntry) => void;

export class Trace {
  readonly entries: TraceEntry[] = [];
  private listeners = new Set<TraceListener>();
  /** Log lines (and requests, writes, probes) are the bulk of a trace; the CLI does not keep them. */
  constructor(private readonly keepLogs = true) {}

  record(e: TraceEntry): void {
    if (this.keepLogs || !BULK.has(e.kind)) this.entries.push(e);
    for (const l of this.listeners) l(e);
  }

  /** Whether anyone keeps or listens to bulk entries: emit points skip building them otherwise. */
  get wantsBulk(): boolean {
    return this.keepLogs || this.listeners.size > 0;
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
