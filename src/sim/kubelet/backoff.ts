/**
 * client-go's flowcontrol.Backoff as the kubelet uses it: per key, the delay starts at 10s,
 * doubles on each Next() up to 300s, and an entry not updated for 2×max (10 minutes) expires,
 * which is the "reset after 10 minutes of clean running" of CrashLoopBackOff.
 */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();
  constructor(
    private readonly initial = INITIAL_BACKOFF_MS,
    private readonly max = MAX_BACKOFF_MS,
  ) {}

  private expired(e: Entry, at: number): boolean {
    return at - e.lastUpdate > 2 * this.max;
  }

  /** Record one more failure at `at`; returns the new delay. */
  next(key: string, at: number): number {
    const e = this.entries.get(key);
    if (!e || this.expired(e, at)) {
      this.entries.set(key, { backoff: this.initial, lastUpdate: at });
      return this.initial;
    }
    e.backoff = Math.min(e.backoff * 2, this.max);
    e.lastUpdate = at;
    return e.backoff;
  }

  /** Container restarts: in back-off while now - eventTime (the last finish) < current delay. */
  inBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, eventTime)) return false;
    return now - eventTime < e.backoff;
  }

  /** Image pulls: in back-off while now - lastUpdate < current delay. */
  inBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) return false;
    return now - e.lastUpdate < e.backoff;
  }

  /** Current delay for a key (what the CrashLoopBackOff message prints), or undefined. */
  get(key: string): number | undefined {
    return this.entries.get(key)?.backoff;
  }

  /** When the back-off for a key ends, measured from eventTime. */
  until(key: string, eventTime: number): number {
    return eventTime + (this.entries.get(key)?.backoff ?? 0);
  }

  untilUpdate(key: string): number {
    const e = this.entries.get(key);
    return e ? e.lastUpdate + e.backoff : 0;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}
