/**
 * The app's one door to the engine. Same API whichever transport carries it (Web Worker in the
 * browser, in-process in tests): commands go in, terminal output, command completion and the
 * virtual clock come out as events.
 */
import type { ApplyResult, Completion, Diagnostic, EngineMessage, EngineOptions } from './protocol';
import { workerTransport, type Transport } from './transport';
import type { TraceEntry } from '../sim/trace/trace';
import type { Query, QueryResult } from './history/types';
import type { ChecksAnswer, ChecksRequest } from '../lessons/checks/session';

export interface ClockState {
  now: number;
  speed: number;
  paused: boolean;
  busy: boolean;
  /** Fast pacing: quiet stretches are skipped (see setFast). */
  fast?: boolean;
}

export interface SimClientEvents {
  output?: (text: string) => void;
  /** A command ended; the shell shows `prompt` next. */
  done?: (status: number, prompt: string) => void;
  /** The running command reads the terminal (an interactive session) or stopped reading it. */
  stdin?: (open: boolean) => void;
  /** A workstation command opens a file in the editor panel; answer with finishEdit(id, …). */
  edit?: (request: { id: number; path: string; text: string }) => void;
  clock?: (c: ClockState) => void;
  /** New trace entries, in order; `from` is the index of the first in the whole trace. */
  trace?: (entries: readonly TraceEntry[], from: number) => void;
}

export class SimClient {
  private readonly listeners = new Set<SimClientEvents>();
  private readonly waiting = new Map<number, (c: Completion) => void>();
  private readonly answers = new Map<number, (r: never) => void>();
  private nextId = 1;
  private readyPrompt: Promise<string>;
  private clockState: ClockState;
  /** The engine's whole trace, mirrored as it streams in (panels read the backlog from here). */
  private readonly traceLog: TraceEntry[] = [];

  constructor(
    private readonly transport: Transport,
    options: EngineOptions,
  ) {
    this.clockState = { now: options.start, speed: options.speed ?? 1, paused: false, busy: false };
    let resolveReady!: (p: string) => void;
    this.readyPrompt = new Promise((r) => (resolveReady = r));
    transport.listen((m) => this.dispatch(m, resolveReady));
  }

  /** A client whose engine runs in a Web Worker (the browser). */
  static inWorker(options: EngineOptions): SimClient {
    return new SimClient(workerTransport(options), options);
  }

  /** Resolves with the first prompt once the engine is up. */
  ready(): Promise<string> {
    return this.readyPrompt;
  }

  on(events: SimClientEvents): () => void {
    this.listeners.add(events);
    return () => this.listeners.delete(events);
  }

  run(line: string): void {
    this.transport.send({ t: 'run', line });
  }

  /** Ctrl+C. */
  interrupt(): void {
    this.transport.send({ t: 'interrupt' });
  }

  /** A line typed into the running command (an interactive `kubectl exec -it` session). */
  input(line: string): void {
    this.transport.send({ t: 'input', line });
  }

  /** Ctrl+D for the running command. */
  endOfFile(): void {
    this.transport.send({ t: 'eof' });
  }

  /** The editor panel is done with an `edit` request: the saved text, or null to discard. */
  finishEdit(id: number, text: string | null): void {
    this.transport.send({ t: 'editDone', id, text });
  }

  setSpeed(speed: number): void {
    this.transport.send({ t: 'setSpeed', speed });
  }

  pause(): void {
    this.transport.send({ t: 'pause' });
  }

  resume(): void {
    this.transport.send({ t: 'resume' });
  }

  /** The last clock the engine reported (virtual ms since the epoch, speed, paused). */
  clock(): ClockState {
    return this.clockState;
  }

  /** Virtual now as last reported. */
  now(): number {
    return this.clockState.now;
  }

  /** Every trace entry received so far (the backlog a panel folds when it mounts). Do not mutate. */
  traceEntries(): readonly TraceEntry[] {
    return this.traceLog;
  }

  /** Read the world at virtual instant `at` (omitted: now): the pod diagram's scene, files. */
  query(q: Query, at?: number): Promise<QueryResult> {
    return this.ask((id) => ({ t: 'query', id, at, q }));
  }

  /** The editor's Apply: the text goes through `kubectl apply -f -` in the engine. */
  apply(text: string): Promise<ApplyResult> {
    return this.ask((id) => ({ t: 'apply', id, text }));
  }

  /** kubectl's errors and lint warnings for a manifest, with lines and columns; changes nothing. */
  diagnose(text: string): Promise<Diagnostic[]> {
    return this.ask((id) => ({ t: 'diagnose', id, text }));
  }

  /** Evaluate a lesson step's checks (and prediction observations) against the live cluster. */
  evaluateChecks(request: ChecksRequest): Promise<ChecksAnswer> {
    return this.ask((id) => ({ t: 'evaluateChecks', id, request }));
  }

  /** Advance virtual time to the next observable change (also when paused). */
  step(): void {
    this.transport.send({ t: 'step' });
  }

  /** Fast pacing: quiet stretches (nothing observable for a moment) are skipped. */
  setFast(fast: boolean): void {
    this.transport.send({ t: 'setFast', fast });
  }

  complete(line: string, cursor: number): Promise<Completion> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.transport.send({ t: 'complete', id, line, cursor });
    });
  }

  dispose(): void {
    this.listeners.clear();
    this.transport.close();
  }

  private ask<R>(message: (id: number) => Parameters<Transport['send']>[0]): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve) => {
      this.answers.set(id, resolve as (r: never) => void);
      this.transport.send(message(id));
    });
  }

  private answer(id: number, result: unknown): void {
    const r = this.answers.get(id);
    this.answers.delete(id);
    r?.(result as never);
  }

  private dispatch(m: EngineMessage, resolveReady: (p: string) => void): void {
    switch (m.t) {
      case 'ready':
        this.clockState = { ...this.clockState, now: m.now };
        resolveReady(m.prompt);
        return;
      case 'output':
        for (const l of this.listeners) l.output?.(m.text);
        return;
      case 'done':
        for (const l of this.listeners) l.done?.(m.status, m.prompt);
        return;
      case 'stdin':
        for (const l of this.listeners) l.stdin?.(m.open);
        return;
      case 'edit':
        for (const l of this.listeners) l.edit?.({ id: m.id, path: m.path, text: m.text });
        return;
      case 'clock':
        this.clockState = { now: m.now, speed: m.speed, paused: m.paused, busy: m.busy, fast: m.fast ?? false };
        for (const l of this.listeners) l.clock?.(this.clockState);
        return;
      case 'applied':
        return this.answer(m.id, m.result);
      case 'answer':
        return this.answer(m.id, m.result);
      case 'trace': {
        // Batches arrive in order; skip any overlap so the mirror stays index-aligned with the engine.
        const fresh = m.from < this.traceLog.length ? m.entries.slice(this.traceLog.length - m.from) : m.entries;
        if (!fresh.length) return;
        const from = this.traceLog.length;
        for (const e of fresh) this.traceLog.push(e);
        for (const l of this.listeners) l.trace?.(fresh, from);
        return;
      }
      case 'diagnosed':
        return this.answer(m.id, m.diagnostics);
      case 'checkResults':
        return this.answer(m.id, m.answer);
      case 'completions': {
        const r = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        r?.(m.result);
      }
    }
  }
}
