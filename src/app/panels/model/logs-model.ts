/**
 * Container log lines from the trace, indexed for the log viewer: per pod, per container, per
 * instance (attempt), and merged in time order; lines up to a cursor instant by binary search;
 * case-insensitive search with match positions for highlighting. Appends only, so 100,000 lines
 * cost one pass as they arrive.
 */
import type { TraceEntry } from '../../../sim/trace/trace';

export type LogLine = Extract<TraceEntry, { kind: 'log' }>;

/** What the viewer shows: a pod's containers merged, or one container (one instance of it). */
export interface LogSelection {
  namespace: string;
  pod: string;
  /** undefined: every container of the pod, merged in time order. */
  container?: string;
  /** With a container: which instance (attempt); undefined is the latest. */
  attempt?: number;
}

export class LogIndex {
  /** Every line, in trace (= time) order. */
  readonly lines: LogLine[] = [];
  /** Lines per pod (`namespace/pod`), in order. */
  private readonly byPod = new Map<string, LogLine[]>();
  /** Containers per pod, in order of first line, with the attempts seen. */
  private readonly containers = new Map<string, Map<string, Set<number>>>();
  version = 0;

  add(entries: readonly TraceEntry[]): void {
    let added = false;
    for (const e of entries) {
      if (e.kind !== 'log') continue;
      added = true;
      this.lines.push(e);
      const key = `${e.namespace}/${e.pod}`;
      let arr = this.byPod.get(key);
      if (!arr) this.byPod.set(key, (arr = []));
      arr.push(e);
      let cs = this.containers.get(key);
      if (!cs) this.containers.set(key, (cs = new Map()));
      let attempts = cs.get(e.container);
      if (!attempts) cs.set(e.container, (attempts = new Set()));
      attempts.add(e.attempt);
    }
    if (added) this.version++;
  }

  /** Pods that have logged, as `namespace/pod`. */
  pods(): string[] {
    return [...this.byPod.keys()];
  }

  /** A pod's containers that have logged, with their attempts (ascending). */
  containersOf(namespace: string, pod: string): Array<{ name: string; attempts: number[] }> {
    const cs = this.containers.get(`${namespace}/${pod}`);
    return cs ? [...cs].map(([name, a]) => ({ name, attempts: [...a].sort((x, y) => x - y) })) : [];
  }

  /** The selected lines with t <= until. A fresh array only when filtering is needed. */
  select(sel: LogSelection, until = Infinity): LogLine[] {
    const all = this.byPod.get(`${sel.namespace}/${sel.pod}`) ?? [];
    const upTo = all.slice(0, upperBound(all, until));
    if (sel.container === undefined) return upTo;
    const attempts = this.containersOf(sel.namespace, sel.pod).find((c) => c.name === sel.container)?.attempts ?? [];
    // The latest instance as of the cursor: the highest attempt that has logged by then.
    const attempt = sel.attempt ?? latestAttempt(upTo, sel.container) ?? attempts[attempts.length - 1];
    return upTo.filter((l) => l.container === sel.container && l.attempt === attempt);
  }
}

function latestAttempt(lines: readonly LogLine[], container: string): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].container === container) return lines[i].attempt;
  return undefined;
}

/** Index of the first line with t > at. */
export function upperBound(lines: readonly { t: number }[], at: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].t <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of lines containing `query` (case-insensitive); empty query → none. */
export function searchLines(lines: readonly LogLine[], query: string): number[] {
  if (!query) return [];
  const q = query.toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].line.toLowerCase().includes(q)) out.push(i);
  return out;
}

/** A line split around the matches of `query`, for highlighting: odd parts are matches. */
export function splitMatches(text: string, query: string): string[] {
  if (!query) return [text];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const parts: string[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, at)) {
    parts.push(text.slice(at, i), text.slice(i, i + q.length));
    at = i + q.length;
  }
  parts.push(text.slice(at));
  return parts;
}

/** `kubectl logs --timestamps` prefix: RFC 3339 with nanoseconds. */
export function rfc3339Nano(t: number): string {
  return new Date(t).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** The text a Copy puts on the clipboard: what the viewer shows, prefix and timestamps included. */
export function formatForCopy(lines: readonly LogLine[], opts: { timestamps: boolean; prefix: boolean }): string {
  return lines.map((l) => `${opts.prefix ? `[pod/${l.pod}/${l.container}] ` : ''}${opts.timestamps ? rfc3339Nano(l.t) + ' ' : ''}${l.line}\n`).join('');
}
