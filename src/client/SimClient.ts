/**
 * The app's one door to the engine. Same API whichever transport carries it (Web Worker in the
 * browser, in-process in tests): commands go in, terminal output, command completion and the
 * virtual clock come out as events.
 */
import type { Completion, EngineMessage, EngineOptions } from './protocol';
import { workerTransport, type Transport } from './transport';

export interface ClockState {
  now: number;
  speed: number;
  paused: boolean;
  busy: boolean;
}

export interface SimClientEvents {
  output?: (text: string) => void;
  /** A command ended; the shell shows `prompt` next. */
  done?: (status: number, prompt: string) => void;
  clock?: (c: ClockState) => void;
}

export class SimClient {
  private readonly listeners = new Set<SimClientEvents>();
  private readonly waiting = new Map<number, (c: Completion) => void>();
  private nextId = 1;
  private readyPrompt: Promise<string>;
  private clockState: ClockState;

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
      case 'clock':
        this.clockState = { now: m.now, speed: m.speed, paused: m.paused, busy: m.busy };
        for (const l of this.listeners) l.clock?.(this.clockState);
        return;
      case 'completions': {
        const r = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        r?.(m.result);
      }
    }
  }
}
