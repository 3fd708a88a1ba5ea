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
import { EngineHistory, frozenTimer } from './history/engine-history';
import { changesEngine } from './history/input-log';
import { applyText, diagnoseText } from './editor-apply';
import { CheckSession } from '../lessons/checks/session';

/** Real milliseconds between pacer ticks: often enough that `-w` output feels live. */
export const TICK_MS = 50;
/** Real time credited per tick at most: after a stall (a slow tick, a throttled tab) the clock
 * skips ahead by this much rather than trying to catch up and stalling again. */
const MAX_CREDIT_MS = 250;
/** How often the clock is reported to the page (real ms). */
const CLOCK_REPORT_MS = 250;
/** Fast pacing: after this much real time with nothing observable, jump to the next change. */
const FAST_QUIET_MS = 600;
/** Speed Infinity ("max"): virtual time per slice, slices per tick, and the real time a tick may use. */
const MAX_SLICE_MS = 1000;
const MAX_SLICES_PER_TICK = 600;
const MAX_TICK_BUSY_MS = 35;
/** Stepping to the next change looks this far ahead at most (then stops where it got to). */
const STEP_HORIZON_MS = 3_600_000;

interface Running {
  gen: CmdGen;
  /** What the command waits for; `sleep` is turned into an absolute virtual instant. */
  wait: { op: 'sleep'; until: number } | { op: 'until'; done: () => boolean; deadline: number };
}

export class EngineHost {
  readonly cluster: Cluster;
  private readonly ws: Workstation;
  /** Inputs, trace feed and time-travel queries; only the live engine has it, not its replays. */
  private readonly history?: EngineHistory;
  private speed: number;
  private paused = false;
  private running: Running | undefined;
  private pending = '';
  private lastReal: number;
  private lastClockReport = -Infinity;
  private handle: unknown;
  private disposed = false;
  private fast = false;
  /** Whether the page was told that the running command reads the terminal. */
  private stdinOpen = false;
  /** Output chunks emitted so far and the real instant of the last observable change (fast pacing). */
  private outputs = 0;
  private lastActivityReal: number;
  private lastTraceLength = 0;
  private lastOutputs = 0;
  /** Command lines the learner ran, for lesson checks ("you ran …"). */
  private readonly commandLines: string[] = [];
  private checks?: CheckSession;

  constructor(
    opts: EngineOptions,
    private readonly emit: (m: EngineMessage) => void,
    private readonly timer: RealTimer = hostTimer,
    role: 'live' | 'replay' = 'live',
  ) {
    this.cluster = new Cluster({ seed: opts.seed, start: opts.start, traceLogs: true });
    const write = (text: string) => void (this.pending += text);
    this.ws = new Workstation(this.cluster, new HomeFiles(), { out: write, err: write });
    // The page has a screen (watch redraws it) and an editor panel (vi FILE, kubectl edit).
    this.ws.hasScreen = true;
    this.ws.editors.open = (id, path, text) => {
      this.flush();
      this.emit({ t: 'edit', id, path, text });
    };
    this.speed = opts.speed ?? 1;
    this.lastReal = timer.now();
    this.lastActivityReal = this.lastReal;
    this.emit({ t: 'ready', prompt: this.ws.prompt, now: this.cluster.now() });
    if (role === 'live') {
      this.history = new EngineHistory(this.cluster, emit, () => new EngineHost(opts, () => {}, frozenTimer, 'replay'));
      this.history.flushTrace();
    }
    this.schedule();
  }

  receive(m: ClientMessage): void {
    if (this.disposed) return;
    if (m.t === 'query') return this.history?.query(m);
    this.dispatch(m);
    // Recorded at the instant the input took effect (handlers catch the clock up first), for replays.
    if (changesEngine(m)) this.history?.record(m);
    this.history?.flushTrace();
  }

  /** Replays only: advance virtual time to `t` as the pacer would, resuming the command on the way. */
  advanceTo(t: number): void {
    this.pump(Math.max(t, this.cluster.now()));
    this.flush();
  }

  private dispatch(m: ClientMessage): void {
    switch (m.t) {
      case 'run':
        return this.run(m.line);
      case 'interrupt':
        return this.interrupt();
      case 'input':
      case 'eof':
        return this.type(m.t === 'input' ? m.line : null);
      case 'editDone':
        this.ws.editors.finish(m.id, m.text);
        this.tick();
        this.pump(this.cluster.now());
        return this.flush();
      case 'setSpeed':
        this.speed = m.speed === Infinity || (m.speed > 0 && Number.isFinite(m.speed)) ? m.speed : 1;
        return this.reportClock(true);
      case 'setFast':
        this.fast = m.fast;
        this.lastActivityReal = this.timer.now();
        return this.reportClock(true);
      case 'step':
        this.tick();
        this.stepToNextChange();
        return this.reportClock(true);
      case 'apply': {
        this.tick();
        const result = applyText({ cluster: this.cluster, files: this.ws.files }, m.text);
        // A waiting command (`kubectl get -w`) sees the change at once.
        this.pump(this.cluster.now());
        this.flush();
        this.emit({ t: 'applied', id: m.id, result });
        return this.reportClock(true);
      }
      case 'diagnose':
        this.emit({ t: 'diagnosed', id: m.id, diagnostics: diagnoseText(m.text) });
        return;
      case 'evaluateChecks': {
        this.tick();
        this.checks ??= new CheckSession(this.cluster, () => this.commandLines);
        const answer = this.checks.evaluate(m.request);
        // An exec or http check may have moved the clock a little: let a waiting command see it.
        this.pump(this.cluster.now());
        this.flush();
        this.emit({ t: 'checkResults', id: m.id, answer });
        return;
      }
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
    this.commandLines.push(line);
    this.step(this.ws.run(line));
    this.pump(this.cluster.now());
    this.flush();
  }

  /** A line (or Ctrl+D) typed while a command reads the terminal: it sees it at this instant. */
  private type(line: string | null): void {
    this.tick();
    if (line === null) this.ws.keyboard.endOfFile();
    else this.ws.keyboard.type(line);
    this.pump(this.cluster.now());
    this.flush();
  }

  /** The running command started or stopped reading the terminal: tell the page. */
  private reportStdin(): void {
    const open = this.ws.keyboard.reading();
    if (open === this.stdinOpen) return;
    this.stdinOpen = open;
    this.flush();
    this.emit({ t: 'stdin', open });
  }

  /**
   * Ctrl+C: in an interactive session with a terminal it is SIGINT for the container's
   * foreground processes; otherwise it ends the running command where it waits, as SIGINT ends
   * a foreground job.
   */
  private interrupt(): void {
    this.flush();
    if (this.running && this.ws.keyboard.reading()) {
      this.tick();
      if (this.ws.keyboard.interrupt()) {
        this.pump(this.cluster.now());
        this.flush();
        return;
      }
    }
    const r = this.running;
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
    this.reportStdin();
    const w = r.value;
    const now = this.cluster.now();
    this.running = { gen, wait: w.op === 'sleep' ? { op: 'sleep', until: now + w.ms } : { op: 'until', done: w.done, deadline: w.deadline ?? Infinity } };
  }

  private finish(status: number): void {
    this.reportStdin();
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
        this.runBackgroundJobs(target);
        if (target > this.cluster.now()) this.cluster.advance(target - this.cluster.now());
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

  /** At the prompt, background jobs (`cmd &`) run at their own instants up to `target`. */
  private runBackgroundJobs(target: number): void {
    for (let i = 0, w = this.ws.backgroundWait(); w && i < 10_000; i++, w = this.ws.backgroundWait()) {
      const limit = Math.max(Math.min(w.op === 'until' ? w.deadline ?? Infinity : Infinity, target), this.cluster.now());
      const done = w.op === 'until' && this.cluster.runUntil(w.done, limit);
      if (!done && this.cluster.now() >= target) return;
      this.ws.pollBackground();
      this.flush();
    }
  }

  private tick(): void {
    const real = this.timer.now();
    const credit = Math.min(real - this.lastReal, MAX_CREDIT_MS);
    this.lastReal = real;
    if (this.paused || credit <= 0) return;
    if (this.speed === Infinity) this.runFlatOut(real);
    else this.pump(this.cluster.now() + Math.round(credit * this.speed));
    this.flush();
    if (this.noteActivity(real) && this.fast && real - this.lastActivityReal >= FAST_QUIET_MS) this.stepToNextChange();
    this.reportClock(false);
  }

  /** Speed "max": as much virtual time as a tick's real-time budget allows, in one-second slices. */
  private runFlatOut(start: number): void {
    for (let i = 0; i < MAX_SLICES_PER_TICK && this.timer.now() - start < MAX_TICK_BUSY_MS; i++) this.pump(this.cluster.now() + MAX_SLICE_MS);
  }

  /** Records whether something observable happened since the last look; returns true when quiet. */
  private noteActivity(real: number): boolean {
    const len = this.cluster.trace.entries.length;
    const seen = this.outputs;
    const active = len !== this.lastTraceLength || seen !== this.lastOutputs;
    this.lastTraceLength = len;
    this.lastOutputs = seen;
    if (active) this.lastActivityReal = real;
    return !active;
  }

  /**
   * Advance instant by instant (queued cluster events and the running command's wake-ups) until
   * something observable happens: a trace entry (object change, container state, Event, log line)
   * or terminal output. Bounded by STEP_HORIZON_MS of virtual time.
   */
  private stepToNextChange(): void {
    const trace = this.cluster.trace.entries;
    const startLen = trace.length;
    const startOut = this.outputs;
    const horizon = this.cluster.now() + STEP_HORIZON_MS;
    // The iteration cap guards against events that keep rescheduling themselves at one instant.
    for (let i = 0; i < 100_000 && trace.length === startLen && this.outputs === startOut; i++) {
      const r = this.running;
      let next = this.cluster.clock.nextEventTime() ?? Infinity;
      if (r?.wait.op === 'sleep') next = Math.min(next, r.wait.until);
      else if (r?.wait.op === 'until') next = Math.min(next, r.wait.deadline);
      if (next === Infinity || next > horizon) {
        this.pump(horizon);
        break;
      }
      // Events due at this very instant (queued by an apply) run first; pump only moves forward.
      if (next <= this.cluster.now()) this.cluster.clock.runUntil(this.cluster.now());
      this.pump(Math.max(next, this.cluster.now()));
      this.flush();
    }
    this.lastTraceLength = trace.length;
    this.lastOutputs = this.outputs;
    this.lastActivityReal = this.timer.now();
  }

  private schedule(): void {
    this.handle = this.timer.setTimeout(() => {
      if (this.disposed) return;
      this.tick();
      this.history?.flushTrace();
      this.schedule();
    }, TICK_MS);
  }

  private flush(): void {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.outputs++;
    this.emit({ t: 'output', text });
  }

  private reportClock(force: boolean): void {
    const real = this.timer.now();
    if (!force && real - this.lastClockReport < CLOCK_REPORT_MS) return;
    this.lastClockReport = real;
    this.emit({ t: 'clock', now: this.cluster.now(), speed: this.speed, paused: this.paused, busy: !!this.running, fast: this.fast });
  }
}
