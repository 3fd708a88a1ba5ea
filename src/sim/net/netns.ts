/**
 * A pod's network namespace: one IP and one port table shared by every container of the pod.
 * A program listens by registering a handler on a port; a second bind of the same port fails with
 * EADDRINUSE, exactly the error the real program reports.
 */
import type { Process } from '../runtime/process';
import type { TcpSocket } from './tcp';

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  remoteAddr: string;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Listener {
  port: number;
  process: Process;
  /** HTTP servers answer requests; plain TCP listeners (handle undefined) only accept connections. */
  handleHttp?: (req: HttpRequest) => HttpResponse;
  /**
   * Plain TCP servers (nc -l, redis-like programs) get the server side of each new connection
   * here (see tcp.ts). A listener with only handleHttp still accepts raw TCP: the cluster network
   * parses the request bytes and writes the HTTP response back (net/http-bridge.ts).
   */
  onConnect?: (conn: TcpSocket) => void;
}

export class NetNamespace {
  readonly listeners = new Map<number, Listener>();
  /** Told when a port opens or closes (the runtime traces it for the pod diagram). */
  onListen?: (l: Listener, open: boolean) => void;
  constructor(public readonly ip: string) {}

  /** Returns false when the port is taken (EADDRINUSE). */
  bind(l: Listener): boolean {
    const cur = this.listeners.get(l.port);
    if (cur && cur.process.alive) return false;
    this.listeners.set(l.port, l);
    this.onListen?.(l, true);
    l.process.onExit.push(() => {
      if (this.listeners.get(l.port) !== l) return;
      this.listeners.delete(l.port);
      this.onListen?.(l, false);
    });
    return true;
  }

  listener(port: number): Listener | undefined {
    const l = this.listeners.get(port);
    return l && l.process.alive ? l : undefined;
  }
}

export const HTTP_STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};
