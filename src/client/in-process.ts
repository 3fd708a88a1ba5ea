/**
 * The engine in the same thread: for tests and Node. Kept apart from transport.ts so that the
 * browser's bundle, which only needs the Worker transport, never pulls the engine into the page.
 */
import { EngineHost } from './engine-host';
import type { RealTimer } from './pacer-timer';
import type { EngineMessage, EngineOptions } from './protocol';
import type { Transport } from './transport';

export function inProcessTransport(options: EngineOptions, timer?: RealTimer): Transport {
  let listener: ((m: EngineMessage) => void) | undefined;
  // Messages sent before anyone listens (the `ready` from the constructor) are held, not lost.
  const early: EngineMessage[] = [];
  const host = new EngineHost(options, (m) => (listener ? listener(m) : early.push(m)), timer);
  return {
    send: (m) => host.receive(structuredClone(m)),
    listen: (fn) => {
      listener = fn;
      for (const m of early.splice(0)) fn(m);
    },
    close: () => host.receive({ t: 'dispose' }),
  };
}
