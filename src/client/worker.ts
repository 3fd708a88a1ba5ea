/**
 * Web Worker entry: the engine runs here so that a busy simulation never blocks the page. The
 * first message carries the engine options; every later one is a ClientMessage.
 */
import { EngineHost } from './engine-host';
import type { ClientMessage, EngineOptions } from './protocol';

let host: EngineHost | undefined;

self.onmessage = (e: MessageEvent<ClientMessage | { t: 'init'; options: EngineOptions }>) => {
  const m = e.data;
  if (m.t === 'init') {
    host ??= new EngineHost(m.options, (out) => self.postMessage(out));
    return;
  }
  host?.receive(m);
  if (m.t === 'dispose') self.close();
};
