/**
 * A two-way channel to an engine host: a Web Worker in the browser, a direct call in tests and
 * in Node. SimClient only ever sees this interface.
 */
import type { ClientMessage, EngineMessage, EngineOptions } from './protocol';

export interface Transport {
  send(m: ClientMessage): void;
  /** Receives every engine message, in order. */
  listen(fn: (m: EngineMessage) => void): void;
  close(): void;
}

/** The engine in a module Web Worker (Vite bundles worker.ts and everything it imports apart). */
export function workerTransport(options: EngineOptions): Transport {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'podlab-engine' });
  worker.postMessage({ t: 'init', options });
  return {
    send: (m) => worker.postMessage(m),
    listen: (fn) => {
      worker.onmessage = (e: MessageEvent<EngineMessage>) => fn(e.data);
    },
    close: () => {
      worker.postMessage({ t: 'dispose' } satisfies ClientMessage);
    },
  };
}
