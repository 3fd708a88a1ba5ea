/**
 * TCP byte streams between processes. A connection is two Pipes, one per direction; each side
 * holds a TcpSocket whose `in` it reads and whose `out` it writes. Closing a socket is a half
 * close (shutdown(SHUT_WR)): the peer reads EOF once the bytes already written are drained, and
 * can still answer on its own direction — which is how `echo hi | nc host port` gets its reply.
 *
 * Servers: a Listener with `onConnect` receives the server side of every new connection, at the
 * instant the client connects (the kernel's accept queue). AcceptQueue turns that into a blocking
 * `accept` for programs written as generators.
 */
import { Pipe } from '../runtime/pipe';
import type { Gen } from './gen';

export interface TcpSocket {
  /** Bytes from the peer; a read returns null at EOF. */
  readonly in: Pipe;
  /** Bytes to the peer. */
  readonly out: Pipe;
  /** This side's address and the peer's, as `ip:port`. */
  readonly local: string;
  readonly remote: string;
  /** Half close: the peer sees EOF after what was written. */
  close(): void;
}

/** A connected pair: [client side, server side]. */
export function socketPair(clientAddr: string, serverAddr: string): [TcpSocket, TcpSocket] {
  const up = new Pipe();
  const down = new Pipe();
  const side = (inp: Pipe, out: Pipe, local: string, remote: string): TcpSocket => {
    let closed = false;
    return {
      in: inp,
      out,
      local,
      remote,
      close() {
        if (closed) return;
        closed = true;
        out.close();
      },
    };
  };
  return [side(down, up, clientAddr, serverAddr), side(up, down, serverAddr, clientAddr)];
}

/** Connections waiting for a server program to accept them. */
export class AcceptQueue {
  private queue: TcpSocket[] = [];
  /** Written once per arrival so an `accept` blocked in a read wakes up. */
  private readonly bell = new Pipe();

  push(s: TcpSocket): void {
    this.queue.push(s);
    this.bell.write('\n');
  }

  /** Block (in virtual time) until a connection arrives. */
  *accept(): Gen<TcpSocket> {
    for (;;) {
      const s = this.queue.shift();
      if (s) return s;
      const r = yield { op: 'read', pipe: this.bell, line: true };
      if (r && 'interrupted' in r) throw new Interrupted(r.interrupted);
    }
  }
}

/** A caught signal ended a blocking network wait. */
export class Interrupted extends Error {
  constructor(readonly signal: number) {
    super(`interrupted by signal ${signal}`);
  }
}

/** Read everything until EOF (the peer's close). */
export function* readToEnd(s: TcpSocket): Gen<string> {
  let data = '';
  for (;;) {
    const r = yield { op: 'read', pipe: s.in };
    if (!r || !('data' in r)) {
      if (r && 'interrupted' in r) throw new Interrupted(r.interrupted);
      continue;
    }
    if (r.data === null) return data;
    data += r.data;
  }
}
