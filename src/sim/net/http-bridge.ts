/**
 * HTTP/1.1 on raw TCP sockets, for the two mixed cases: a raw TCP client (nc) talking to an HTTP
 * server program (nginx registers handleHttp), and an HTTP client (wget) talking to a raw TCP
 * server (nc -l). Requests are parsed once the header block ends; bodies are not supported.
 */
import { HTTP_STATUS_TEXT, type HttpRequest, type HttpResponse } from './netns';
import type { TcpSocket } from './tcp';

/** Serve one request arriving on `server` with `handle`, then close (Connection: close). */
export function bridgeHttp(server: TcpSocket, handle: (req: HttpRequest) => HttpResponse): void {
  let buf = '';
  const onData = (): void => {
    buf += server.in.take();
    const end = buf.indexOf('\r\n\r\n') >= 0 ? buf.indexOf('\r\n\r\n') : buf.indexOf('\n\n');
    if (end < 0) {
      if (server.in.closed) server.close();
      else server.in.onReadable(onData);
      return;
    }
    const lines = buf.slice(0, end).split(/\r?\n/);
    const [method = 'GET', path = '/', version = 'HTTP/1.0'] = (lines[0] ?? '').split(' ');
    const headers: Record<string, string> = {};
    for (const l of lines.slice(1)) {
      const i = l.indexOf(':');
      if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
    }
    const r = handle({ method, path, headers, remoteAddr: server.remote.replace(/:\d+$/, '') });
    server.out.write(formatResponse(r, version.startsWith('HTTP/') ? 'HTTP/1.1' : 'HTTP/1.1'));
    server.close();
  };
  onData();
}

export function formatResponse(r: HttpResponse, version = 'HTTP/1.1'): string {
  const head = [`${version} ${r.status} ${HTTP_STATUS_TEXT[r.status] ?? ''}`.trimEnd()];
  const headers = { ...r.headers };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) headers['Content-Length'] = String(r.body.length);
  headers['Connection'] ??= 'close';
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  return head.join('\r\n') + '\r\n\r\n' + r.body;
}

export function formatRequest(req: Omit<HttpRequest, 'remoteAddr'>): string {
  const lines = [`${req.method} ${req.path} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`)];
  return lines.join('\r\n') + '\r\n\r\n' + (req.body ?? '');
}

/** Parse a raw response; undefined when there is no status line (the peer sent nothing usable). */
export function parseResponse(raw: string): HttpResponse | undefined {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const headText = end >= 0 ? raw.slice(0, end) : raw;
  const lines = headText.split(/\r?\n/);
  const m = lines[0]?.match(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/);
  if (!m) return undefined;
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim()] = l.slice(i + 1).trim();
  }
  const body = end >= 0 ? raw.slice(end + (raw[end] === '\r' ? 4 : 2)) : '';
  return { status: Number(m[1]), headers, body };
}

/** Client side over TCP: write the request, half-close, collect the reply until the server closes. */
export function exchangeOverTcp(client: TcpSocket, req: Omit<HttpRequest, 'remoteAddr'>, done: (r: HttpResponse | undefined) => void): void {
  client.out.write(formatRequest(req));
  let raw = '';
  const onData = (): void => {
    raw += client.in.take();
    if (client.in.closed) done(parseResponse(raw));
    else client.in.onReadable(onData);
  };
  onData();
}
