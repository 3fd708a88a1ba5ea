/**
 * Virtual time. Nothing in the engine reads a wall clock: time is a number of milliseconds since the
 * Unix epoch that only moves when the discrete-event queue is drained up to a target instant.
 * An hour of simulated time therefore costs as much as the events in it, not an hour.
 *
 * Events at the same instant run in the order they were scheduled (a sequence number breaks ties),
 * which keeps runs reproducible.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  seq: number;
  fn: () => void;
}

export class VirtualClock {
  private t: number;
  private seq = 0;
  private heap: Timer[] = [];
  private cancelled = new Set<TimerId>();

  constructor(startMs: number) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  /** Run fn at absolute virtual time `at` (never in the past). */
  at(at: number, fn: () => void): TimerId {
    const id = ++this.seq;
    this.push({ id, at: Math.max(at, this.t), seq: id, fn });
    return id;
  }

  /** Run fn after `delayMs` of virtual time. */
  after(delayMs: number, fn: () => void): TimerId {
    return this.at(this.t + Math.max(0, delayMs), fn);
  }

  cancel(id: TimerId | undefined): void {
    if (id !== undefined) this.cancelled.add(id);
  }

  /** Time of the next pending event, or undefined when the queue is empty. */
  nextEventTime(): number | undefined {
    this.dropCancelled();
    return this.heap.length ? this.heap[0].at : undefined;
  }

  /**
   * Run every event due at or before `target`, then set now() to target. Events scheduled while
   * running are honoured if they fall before the target instant. `stop`, checked after each event, ends the
   * run early (time then stays at that event's instant) — used by `kubectl wait`-like commands.
   */
  runUntil(target: number, stop?: () => boolean): boolean {
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.at > target) break;
      this.pop();
      this.t = top.at;
      top.fn();
      if (stop && stop()) return true;
    }
    if (target > this.t) this.t = target;
    return false;
  }

  /** Run exactly the events of the next instant; returns false when nothing is pending. */
  step(): boolean {
    const next = this.nextEventTime();
    if (next === undefined) return false;
    this.runUntil(next);
    return true;
  }

  pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(x: Timer): void {
    const h = this.heap;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
