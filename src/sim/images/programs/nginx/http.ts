/**
 * What nginx does with a parsed configuration: virtual servers per listen port, server_name
 * selection by Host, location matching (exact `=`, longest prefix, `^~`, regex `~`/`~*` in
 * order), and the content handlers lessons use: static files (root/alias, index, try_files),
 * return, add_header, proxy_pass to an address or an upstream group (round-robin, next server on
 * connect failure). Hostnames in proxy_pass/upstream are resolved once, at configuration load,
 * as nginx does without a `resolver`: a Service created later is not seen until a reload.
 */
import { NginxConfError, find, findAll, type Directive } from './conf';
import type { HttpRequest, HttpResponse } from '../../../net/netns';

export const NGINX_VERSION = 'nginx/1.27.3';

export interface Peer {
  host: string;
  ip: string;
  port: number;
}

interface Location {
  op: '=' | '^~' | '~' | '~*' | '';
  uri: string;
  re?: RegExp;
  d: Directive[];
  /** Inherited values, resolved at load. */
  root: string;
  alias?: string;
  index: string[];
  headers: Array<[string, string]>;
  ret?: { code: number; text?: string };
  tryFiles?: string[];
  proxy?: { upstream: Upstream; uri?: string; url: string };
  accessLog: boolean;
  defaultType: string;
}

export interface Upstream {
  name: string;
  peers: Peer[];
  next: number;
}

export interface VServer {
  port: number;
  names: string[];
  defaultServer: boolean;
  locations: Location[];
  name: string;
  base: Location;
}

export interface NginxHttp {
  servers: VServer[];
  ports: number[];
  /** Ports also listened on as [::]:PORT; bind errors name both addresses. */
  ipv6Ports: number[];
  types: Map<string, string>;
}

export interface LoadEnv {
  /** getaddrinfo() in the container; undefined = host not found. */
  resolve(host: string): string | undefined;
}

const DEFAULT_ROOT = '/etc/nginx/html';

function loc(op: Location['op'], uri: string, d: Directive[], parent: Location | undefined, ups: Map<string, Upstream>, env: LoadEnv): Location {
  const root = find(d, 'root')?.args[0] ?? parent?.root ?? DEFAULT_ROOT;
  const alias = find(d, 'alias')?.args[0];
  const index = find(d, 'index')?.args ?? parent?.index ?? ['index.html'];
  const own = findAll(d, 'add_header').map((h) => [h.args[0], h.args[1]] as [string, string]);
  // add_header is inherited only when the level defines none of its own.
  const headers = own.length ? own : parent?.headers ?? [];
  const r = find(d, 'return');
  let ret: Location['ret'];
  if (r) {
    const code = Number(r.args[0]);
    if (r.args.length === 1 && !/^\d+$/.test(r.args[0])) ret = { code: 302, text: r.args[0] };
    else if (!/^\d+$/.test(r.args[0]) || code > 999) throw new NginxConfError(`invalid return code "${r.args[0]}" in ${r.file}:${r.line}`);
    else ret = { code, text: r.args[1] };
  }
  const pp = find(d, 'proxy_pass');
  let proxy: Location['proxy'];
  if (pp) {
    const m = pp.args[0].match(/^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/);
    if (!m) throw new NginxConfError(`invalid URL prefix in "${pp.args[0]}" in ${pp.file}:${pp.line}`);
    const hostPart = m[3] ? `${m[2]}:${m[3]}` : m[2];
    let upstream = ups.get(m[2]);
    if (!upstream) {
      const ip = /^\d+\.\d+\.\d+\.\d+$/.test(m[2]) ? m[2] : env.resolve(m[2]);
      if (!ip) throw new NginxConfError(`host not found in upstream "${hostPart}${m[4] ?? ''}" in ${pp.file}:${pp.line}`);
      upstream = { name: hostPart, peers: [{ host: m[2], ip, port: Number(m[3] ?? (m[1] === 'https' ? 443 : 80)) }], next: 0 };
    }
    proxy = { upstream, uri: m[4], url: pp.args[0] };
  }
  const al = find(d, 'access_log');
  const accessLog = al ? al.args[0] !== 'off' : parent?.accessLog ?? true;
  const defaultType = find(d, 'default_type')?.args[0] ?? parent?.defaultType ?? 'text/plain';
  const tf = find(d, 'try_files')?.args;
  let re: RegExp | undefined;
  if (op === '~' || op === '~*') {
    try {
      re = new RegExp(uri, op === '~*' ? 'i' : '');
    } catch {
      throw new NginxConfError(`pcre2_compile() failed: invalid pattern in "${uri}"`);
    }
  }
  return { op, uri, re, d, root, alias, index, headers, ret, tryFiles: tf, proxy, accessLog, defaultType };
}

export function loadHttp(main: Directive[], env: LoadEnv): NginxHttp {
  const http = find(main, 'http');
  const types = new Map<string, string>();
  for (const t of findAll(http?.block, 'types')) for (const e of t.block ?? []) for (const ext of e.args) types.set(ext, e.name);
  const ups = new Map<string, Upstream>();
  for (const u of findAll(http?.block, 'upstream')) {
    const peers: Peer[] = [];
    for (const s of findAll(u.block, 'server')) {
      const [h, p] = s.args[0].split(':');
      const ip = /^\d+\.\d+\.\d+\.\d+$/.test(h) ? h : env.resolve(h);
      if (!ip) throw new NginxConfError(`host not found in upstream "${s.args[0]}" in ${s.file}:${s.line}`);
      peers.push({ host: h, ip, port: Number(p ?? 80) });
    }
    if (!peers.length) throw new NginxConfError(`no servers are inside upstream in ${u.file}:${u.line}`);
    ups.set(u.args[0], { name: u.args[0], peers, next: 0 });
  }
  const httpLoc = loc('', '', http?.block ?? [], undefined, ups, env);
  const servers: VServer[] = [];
  const ipv6 = new Set<number>();
  const seen = new Set<string>();
  for (const s of findAll(http?.block, 'server')) {
    const base = loc('', '', s.block ?? [], httpLoc, ups, env);
    const listens = findAll(s.block, 'listen');
    const ports: Array<{ port: number; def: boolean }> = [];
    for (const l of listens.length ? listens : [{ args: ['80'], file: '', line: 0, name: 'listen' } as Directive]) {
      const a = l.args[0];
      if (a.startsWith('[')) {
        // IPv6 sockets: the simulated network is IPv4 only, but nginx still reports their bind errors.
        const v6 = a.match(/\]:(\d+)$/);
        if (v6) ipv6.add(Number(v6[1]));
        continue;
      }
      const port = Number(a.includes(':') ? a.slice(a.lastIndexOf(':') + 1) : a);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new NginxConfError(`invalid port in "${a}" of the "listen" directive in ${l.file}:${l.line}`);
      const def = l.args.includes('default_server');
      if (def && seen.has(`default:${port}`)) throw new NginxConfError(`a duplicate default server for 0.0.0.0:${port} in ${l.file}:${l.line}`);
      if (def) seen.add(`default:${port}`);
      ports.push({ port, def });
    }
    const names = find(s.block, 'server_name')?.args ?? [''];
    const locations: Location[] = [];
    const addLocs = (ds: Directive[] | undefined, parent: Location) => {
      for (const l of findAll(ds, 'location')) {
        const [op, uri] = l.args.length === 2 ? [l.args[0] as Location['op'], l.args[1]] : (['', l.args[0]] as [Location['op'], string]);
        if (!['=', '^~', '~', '~*', ''].includes(op)) throw new NginxConfError(`invalid location modifier "${op}" in ${l.file}:${l.line}`);
        if (locations.some((x) => x.op === op && x.uri === uri && !x.re)) throw new NginxConfError(`duplicate location "${uri}" in ${l.file}:${l.line}`);
        const L = loc(op, uri, l.block ?? [], parent, ups, env);
        locations.push(L);
        addLocs(l.block, L);
      }
    };
    addLocs(s.block, base);
    for (const p of ports) servers.push({ port: p.port, names, defaultServer: p.def, locations, name: names[0] ?? '', base });
  }
  return { servers, ports: [...new Set(servers.map((s) => s.port))].sort((a, b) => a - b), ipv6Ports: [...ipv6].sort((a, b) => a - b), types };
}

export function selectServer(h: NginxHttp, port: number, hostHeader: string | undefined): VServer | undefined {
  const cands = h.servers.filter((s) => s.port === port);
  const host = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  return cands.find((s) => s.names.includes(host)) ?? cands.find((s) => s.defaultServer) ?? cands[0];
}

export function selectLocation(s: VServer, uri: string): Location | undefined {
  const exact = s.locations.find((l) => l.op === '=' && l.uri === uri);
  if (exact) return exact;
  let best: Location | undefined;
  for (const l of s.locations) if ((l.op === '' || l.op === '^~') && uri.startsWith(l.uri) && (!best || l.uri.length > best.uri.length)) best = l;
  if (best?.op === '^~') return best;
  const rx = s.locations.find((l) => l.re && l.re.test(uri));
  return rx ?? best;
}

export interface Served {
  res: HttpResponse;
  /** An error-log line (without the timestamp/pid prefix), e.g. open() failures. */
  error?: string;
  log: boolean;
}

export interface ServeEnv {
  readFile(path: string): string | undefined;
  isDir(path: string): boolean;
  /** One upstream exchange: a response, or the errno text of a failed connect. */
  proxy(peer: Peer, req: HttpRequest): HttpResponse | { error: string };
}

function page(code: number, text: string): string {
  return `<html>\r\n<head><title>${code} ${text}</title></head>\r\n<body>\r\n<center><h1>${code} ${text}</h1></center>\r\n<hr><center>${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
}

const REASON: Record<number, string> = { 301: 'Moved Permanently', 302: 'Found', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

export function serve(h: NginxHttp, s: VServer, req: HttpRequest, env: ServeEnv): Served {
  const [uri] = req.path.split('?');
  const L = selectLocation(s, uri) ?? s.base;
  const ctx = `client: ${req.remoteAddr}, server: ${s.name}, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.headers['host'] ?? ''}"`;
  const done = (status: number, body: string, type = 'text/html', extra: Record<string, string> = {}, error?: string): Served => {
    const headers: Record<string, string> = { Server: NGINX_VERSION, 'Content-Type': type, 'Content-Length': String(body.length), ...extra };
    // add_header applies to 2xx/3xx responses unless `always` is given.
    for (const [k, v] of L.headers) if (status < 400) headers[k] = v;
    return { res: { status, headers, body }, error, log: L.accessLog };
  };
  if (L.ret) {
    const { code, text } = L.ret;
    if ([301, 302, 303, 307, 308].includes(code)) return done(code, page(code, REASON[code] ?? ''), 'text/html', { Location: text ?? '' });
    if (text !== undefined) return done(code, text, L.defaultType === 'application/octet-stream' ? 'application/octet-stream' : L.defaultType);
    return done(code, REASON[code] ? page(code, REASON[code]) : '', 'text/html');
  }
  if (L.proxy) {
    const up = L.proxy.upstream;
    const path = L.proxy.uri !== undefined ? L.proxy.uri + uri.slice(L.op === '' || L.op === '^~' ? L.uri.length : uri.length) + (req.path.includes('?') ? req.path.slice(req.path.indexOf('?')) : '') : req.path;
    for (let tries = 0; tries < up.peers.length; tries++) {
      const peer = up.peers[up.next++ % up.peers.length];
      const hostHdr = up.peers.length > 1 || !L.proxy.url.match(/:\d+/) ? up.name : `${peer.host}:${peer.port}`;
      const r = env.proxy(peer, { method: req.method, path, headers: { host: hostHdr.replace(/:80$/, ''), connection: 'close', ...(req.headers['user-agent'] ? { 'user-agent': req.headers['user-agent'] } : {}) }, remoteAddr: '' });
      if ('error' in r) {
        const err = `${r.error} while connecting to upstream, ${ctx.replace(', host:', `, upstream: "http://${peer.ip}:${peer.port}${path}", host:`)}`;
        if (tries === up.peers.length - 1) return done(r.error.startsWith('upstream timed out') ? 504 : 502, page(r.error.startsWith('upstream timed out') ? 504 : 502, r.error.startsWith('upstream timed out') ? 'Gateway Time-out' : 'Bad Gateway'), 'text/html', {}, err);
        continue;
      }
      const type = Object.entries(r.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'text/plain';
      return done(r.status, r.body, type);
    }
  }
  const fsPath = (u: string) => (L.alias !== undefined && (L.op === '' || L.op === '^~') ? L.alias + u.slice(L.uri.length) : L.root + u);
  const typeOf = (p: string) => h.types.get(p.slice(p.lastIndexOf('.') + 1).toLowerCase()) ?? L.defaultType;
  const file = (u: string): Served | undefined => {
    const p = fsPath(u);
    if (u.endsWith('/')) {
      for (const i of L.index) {
        const body = env.readFile(p + i);
        if (body !== undefined) return done(200, body, typeOf(i));
      }
      return undefined;
    }
    if (env.isDir(p)) return done(301, page(301, 'Moved Permanently'), 'text/html', { Location: `http://${req.headers['host'] ?? s.name}${u}/` });
    const body = env.readFile(p);
    return body === undefined ? undefined : done(200, body, typeOf(p));
  };
  if (L.tryFiles) {
    for (const t of L.tryFiles.slice(0, -1)) {
      const r = file(t.replace(/\$uri/g, uri));
      if (r) return r;
    }
    const last = L.tryFiles[L.tryFiles.length - 1];
    if (/^=\d+$/.test(last)) {
      const code = Number(last.slice(1));
      return done(code, page(code, REASON[code] ?? ''));
    }
    const r = file(last.replace(/\$uri/g, uri));
    if (r) return r;
  }
  const r = file(uri);
  if (r) return r;
  if (uri.endsWith('/')) {
    if (env.isDir(fsPath(uri))) return done(403, page(403, 'Forbidden'), 'text/html', {}, `directory index of "${fsPath(uri)}" is forbidden, ${ctx}`);
    return done(404, page(404, 'Not Found'), 'text/html', {}, `"${fsPath(uri)}${L.index[0]}" is not found (2: No such file or directory), ${ctx}`);
  }
  return done(404, page(404, 'Not Found'), 'text/html', {}, `open() "${fsPath(uri)}" failed (2: No such file or directory), ${ctx}`);
}
