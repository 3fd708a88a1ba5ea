/**
 * Runs the simulated cluster and the learner's workstation against real time: a pacer advances
 * the virtual clock by (real time elapsed × speed) every tick, resumes the running command when
 * what it waits for holds, and streams terminal output as it is produced. Runs inside the Web
 * Worker in the browser and in-process in tests; it speaks only the plain messages of protocol.ts.
 */
import { Cluster } from '../sim/cluster';
import { Workstation } from '../sim/workstation/workstation';
import { HomeFiles } from '../sim/workstation/files';
import type { CmdGen, Wait } from '../sim/kubectl/context';
import type { ClientMessage, EngineMessage, EngineOptions } from './protocol';
import { complete } from './completion';
import { hostTimer, type RealTimer } from './pacer-timer';

/** Real milliseconds between pacer ticks: often enough that `-w` output feels live. */
export const TICK_MS = 50;
/** Real time credited per tick at most: after a stall (a slow tick, a throttled tab) the clock
 * skips ahead by this much rather than trying to catch up and stalling again. */
const MAX_CREDIT_MS = 250;
/** How often the clock is reported to the page (real ms). */
const CLOCK_REPORT_MS = 250;

interface Running {
  gen: CmdGen;
  /** What the command waits for; `sleep` is turned into an absolute virtual instant. */
  wait: { op: 'sleep'; until: number } | { op: 'until'; done: () => boolean; deadline: number };
}

export class EngineHost {
  private readonly cluster: Cluster;
  private readonly ws: Workstation;
  private speed: number;
  private paused = false;
  private running: Running | undefined;
  private pending = '';
  private lastReal: number;
  private lastClockReport = -Infinity;
  private handle: unknown;
  private disposed = false;

  constructor(
    opts: EngineOptions,
    private readonly emit: (m: EngineMessage) => void,
    private readonly timer: RealTimer = hostTimer,
  ) {
    this.cluster = new Cluster({ seed: opts.seed, start: opts.start, traceLogs: true });
    const write = (text: string) => void (this.pending += text);
    this.ws = new Workstation(this.cluster, new HomeFiles(), { out: write, err: write });
    this.speed = opts.speed ?? 1;
    this.lastReal = timer.now();
    this.emit({ t: 'ready', prompt: this.ws.prompt, now: this.cluster.now() });
    this.schedule();
  }

  receive(m: ClientMessage): void {
    if (this.disposed) return;
    switch (m.t) {
      case 'run':
        return this.run(m.line);
      case 'interrupt':
        return this.interrupt();
      case 'setSpeed':
        this.speed = m.speed > 0 && Number.isFinite(m.speed) ? m.speed : 1;
        return this.reportClock(true);
      case 'pause':
        this.tick();
        this.paused = true;
        return this.reportClock(true);
      case 'resume':
        this.paused = false;
        this.lastReal = this.timer.now();
        return this.reportClock(true);
      case 'complete':
        this.emit({ t: 'completions', id: m.id, result: complete(m.line, m.cursor, { cluster: this.cluster, files: this.ws.files, aliases: this.ws.aliases }) });
        return;
      case 'dispose':
        this.disposed = true;
        this.timer.clearTimeout(this.handle);
        if (this.running) this.running.gen.return(130);
        this.running = undefined;
    }
  }

  /** Virtual now, ms since the epoch. */
  now(): number {
    return this.cluster.now();
  }

  private run(line: string): void {
    if (this.running) {
      // The terminal queues typeahead itself; a second command while one runs is a client bug.
      this.emit({ t: 'output', text: 'podlab: a command is already running\n' });
      return;
    }
    // Catch the clock up to this moment first, so the command starts "now".
    this.tick();
    this.step(this.ws.run(line));
    this.pump(this.cluster.now());
    this.flush();
  }

  /** Ctrl+C: end the running command where it waits, as SIGINT ends a foreground job. */
  private interrupt(): void {
    const r = this.running;
    this.flush();
    if (!r) return;
    this.running = undefined;
    r.gen.return(130);
    this.ws.status = 130;
    this.pending += '^C\n';
    this.finish(130);
  }

  /** Resume the command once; record what it waits for next, or finish it. */
  private step(gen: CmdGen): void {
    let r: IteratorResult<Wait, number>;
    try {
      r = gen.next();
    } catch (e) {
      // An engine bug must not kill the terminal: report it and give the prompt back.
      this.pending += `podlab: internal error: ${e instanceof Error ? e.message : String(e)}\n`;
      this.running = undefined;
      this.finish(1);
      return;
    }
    if (r.done) {
      this.running = undefined;
      this.finish(r.value);
      return;
    }
    const w = r.value;
    const now = this.cluster.now();
    this.running = { gen, wait: w.op === 'sleep' ? { op: 'sleep', until: now + w.ms } : { op: 'until', done: w.done, deadline: w.deadline ?? Infinity } };
  }

  private finish(status: number): void {
    this.flush();
    this.emit({ t: 'done', status, prompt: this.ws.prompt });
    this.reportClock(true);
  }

  /** Advance virtual time up to `target`, resuming the command each time its wait is over. */
  private pump(target: number): void {
    for (;;) {
      const r = this.running;
      const now = this.cluster.now();
      if (!r) {
        if (target > now) this.cluster.advance(target - now);
        return;
      }
      if (r.wait.op === 'sleep') {
        if (r.wait.until > target) {
          this.cluster.advance(target - now);
          return;
        }
        if (r.wait.until > now) this.cluster.advance(r.wait.until - now);
      } else {
        const limit = Math.min(r.wait.deadline, target);
        const done = this.cluster.runUntil(r.wait.done, Math.max(limit, now));
        if (!done && this.cluster.now() < r.wait.deadline) return;
      }
      this.step(r.gen);
      // Output appears as it happens, not when the tick ends.
      this.flush();
    }
  }

  private tick(): void {
    const real = this.timer.now();
    const credit = Math.min(real - this.lastReal, MAX_CREDIT_MS);
    this.lastReal = real;
    if (this.paused || credit <= 0) return;
    this.pump(this.cluster.now() + Math.round(credit * this.speed));
    this.flush();
    this.reportClock(false);
  }

  private schedule(): void {
    this.handle = this.timer.setTimeout(() => {
      if (this.disposed) return;
      this.tick();
      this.schedule();
    }, TICK_MS);
  }

  private flush(): void {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.emit({ t: 'output', text });
  }

  private reportClock(force: boolean): void {
    const real = this.timer.now();
    if (!force && real - this.lastClockReport < CLOCK_REPORT_MS) return;
    this.lastClockReport = real;
    this.emit({ t: 'clock', now: this.cluster.now(), speed: this.speed, paused: this.paused, busy: !!this.running });
  }
}
