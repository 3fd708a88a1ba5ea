/**
 * curl (8.x wording), shared by the program images ship and the workstation's own curl. The core
 * is a generator that yields each network Pending it waits on; a process adapter blocks on the
 * Pending's signal pipe, the workstation adapter waits `until` it is done. Options: -s -S -o FILE
 * -I -v -w FMT -m SEC --connect-timeout SEC -H -X -f -L -A -k.
 */
import type { ClusterNetwork, HttpResult, Origin, Pending } from '../../../net/network';
import { HTTP_STATUS_TEXT } from '../../../net/netns';
import { parseUrl } from './common';

export interface CurlEnv {
  network: ClusterNetwork;
  origin: Origin;
  resolve(host: string): string | undefined;
  out(s: string): void;
  err(s: string): void;
  writeFile(path: string, data: string): string | undefined;
  userAgent: string;
}

export type CurlGen = Generator<Pending<unknown>, number, void>;

const FAIL = "Couldn't connect to server";

export function* curlCore(args: string[], env: CurlEnv): CurlGen {
  let silent = false;
  let showErr = false;
  let outFile: string | undefined;
  let head = false;
  let verbose = false;
  let fmt: string | undefined;
  let maxTime = Infinity;
  let failHttp = false;
  let method: string | undefined;
  const extra: Record<string, string> = {};
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') outFile = args[++i];
    else if (a === '-w' || a === '--write-out') fmt = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') maxTime = Number(args[++i]) * 1000;
    else if (a === '-H' || a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) extra[h.slice(0, c).trim()] = h.slice(c + 1).trim();
    } else if (a === '-X' || a === '--request') method = args[++i];
    else if (a === '-A' || a === '--user-agent') extra['User-Agent'] = args[++i] ?? '';
    else if (a === '--silent') silent = true;
    else if (a === '--head') head = true;
    else if (a === '--verbose') verbose = true;
    else if (a === '--fail') failHttp = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 's') silent = true;
        else if (f === 'S') showErr = true;
        else if (f === 'I') head = true;
        else if (f === 'v') verbose = true;
        else if (f === 'f') failHttp = true;
        // -L, -k, -i and the like change nothing the simulated servers can show.
      }
    } else if (!a.startsWith('-')) urls.push(a);
  }
  const error = (code: number, msg: string): number => {
    if (!silent || showErr) env.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!urls.length) {
    env.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  let status = 0;
  for (const raw of urls) {
    const url = parseUrl(raw);
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) return error(1, `Protocol "${url?.scheme ?? raw}" not supported`);
    const ip = env.resolve(url.host);
    if (!ip) return error(6, `Could not resolve host: ${url.host}`);
    if (verbose) env.err(`*   Trying ${ip}:${url.port}...\n`);
    const start = env.network.clock.now();
    const hostHdr = url.explicitPort ? `${url.host}:${url.port}` : url.host;
    const headers = { Host: hostHdr, 'User-Agent': env.userAgent, Accept: '*/*', ...extra };
    const m = method ?? (head ? 'HEAD' : 'GET');
    const pending = env.network.http(env.origin, ip, url.port, { method: m, path: url.path, headers }, maxTime);
    yield pending;
    const r = pending.result as HttpResult;
    const took = env.network.clock.now() - start;
    if (!r.ok) {
      if (r.error === 'deadline') return error(28, `Connection timed out after ${took} milliseconds`);
      if (r.error === 'empty') return error(52, 'Empty reply from server');
      if (r.error === 'timeout') return error(28, `Failed to connect to ${url.host} port ${url.port} after ${took} ms: ${FAIL}`);
      return error(7, `Failed to connect to ${url.host} port ${url.port} after ${took} ms: ${FAIL}`);
    }
    const res = r.response;
    const statusLine = `HTTP/1.1 ${res.status} ${HTTP_STATUS_TEXT[res.status] ?? ''}`.trimEnd();
    const hdrs = { ...res.headers, 'Content-Length': String(res.body.length), Connection: 'close' };
    const headerBlock = [statusLine, ...Object.entries(hdrs).map(([k, v]) => `${k}: ${v}`)].join('\r\n') + '\r\n\r\n';
    if (verbose) {
      env.err(`* Connected to ${url.host} (${ip}) port ${url.port}\n`);
      env.err(`> ${m} ${url.path} HTTP/1.1\n` + Object.entries(headers).map(([k, v]) => `> ${k}: ${v}\n`).join('') + '> \n');
      env.err(headerBlock.split('\r\n').slice(0, -2).map((l) => `< ${l}\n`).join('') + '< \n');
    }
    if (failHttp && res.status >= 400) {
      status = error(22, `The requested URL returned error: ${res.status}`);
      continue;
    }
    const body = head ? headerBlock : m === 'HEAD' ? '' : res.body;
    if (outFile && outFile !== '-') {
      const e = env.writeFile(outFile, body);
      if (e) return error(23, `Failure writing output to destination, passed ${body.length} returned 0`);
    } else env.out(body);
    if (verbose) env.err(`* Connection #0 to host ${url.host} left intact\n`);
    if (fmt !== undefined) env.out(writeOut(fmt, res.status, res.body.length, ip, took));
  }
  return status;
}

/** -w: the variables scripts use most, with curl's backslash escapes. */
function writeOut(fmt: string, code: number, size: number, ip: string, ms: number): string {
  const vars: Record<string, string> = {
    http_code: String(code).padStart(3, '0'),
    response_code: String(code),
    size_download: String(size),
    remote_ip: ip,
    time_total: (ms / 1000).toFixed(6),
  };
  return fmt.replace(/%\{(\w+)\}/g, (all, v: string) => vars[v] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}
