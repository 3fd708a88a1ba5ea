/**
 * busybox wget (1.36): GET over the cluster network. Progress and status lines go to stderr as
 * busybox prints them; `-O -` writes the body to stdout, else to the URL's file name
 * (index.html for `/`). Options: -O FILE, -q, -S, --spider, -T SEC, -U AGENT, --header.
 */
import type { Program } from '../../../runtime/process';
import { HTTP_STATUS_TEXT } from '../../../net/netns';
import { abs, errText, fail, out, type Gen } from '../util';
import { parseUrl, podNet, resolveIn, waitFor } from './common';

const ERRNO = { refused: 'Connection refused', unreachable: 'No route to host', timeout: 'Connection timed out' } as const;

export const wget: Program = function* (p): Gen<number> {
  let outFile: string | undefined;
  let quiet = false;
  let headersOut = false;
  let spider = false;
  let timeoutS = 900;
  let agent = 'Wget';
  const extra: Record<string, string> = {};
  const urls: string[] = [];
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--spider') spider = true;
    else if (a === '--quiet') quiet = true;
    else if (a === '--server-response') headersOut = true;
    else if (a.startsWith('--timeout=')) timeoutS = Number(a.slice(10));
    else if (a === '--timeout') timeoutS = Number(args[++i]);
    else if (a === '--user-agent') agent = args[++i] ?? agent;
    else if (a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) extra[h.slice(0, c).trim()] = h.slice(c + 1).trim();
    } else if (/^-[^-]/.test(a)) {
      // getopt clusters: -qO- is -q -O -, -T5 is -T 5.
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') quiet = true;
        else if (f === 'S') headersOut = true;
        else if (f === 'O' || f === 'T' || f === 'U') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (f === 'O') outFile = v;
          else if (f === 'T') timeoutS = Number(v);
          else agent = v ?? agent;
          break;
        }
      }
    } else urls.push(a);
  }
  if (!urls.length) {
    p.fds.stderr.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    return 1;
  }
  const net = podNet(p);
  let status = 0;
  for (const raw of urls) {
    const url = parseUrl(raw);
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
      fail(p, `not an http or ftp url: ${raw}`);
      return 1;
    }
    const ip = net ? resolveIn(p, net, url.host) : undefined;
    if (!net || !ip) {
      fail(p, `bad address '${url.host}'`);
      return 1;
    }
    const hostPort = url.explicitPort ? `${url.host}:${url.port}` : url.host;
    if (!quiet) p.fds.stderr.write(`Connecting to ${hostPort} (${ip}:${url.port})\n`);
    const headers = { Host: hostPort, 'User-Agent': agent, ...extra, Connection: 'close' };
    const pending = net.network.http(net.origin, ip, url.port, { method: spider ? 'HEAD' : 'GET', path: url.path, headers }, timeoutS * 1000);
    const r = yield* waitFor(pending);
    if (!r.ok) {
      if (r.error === 'empty') fail(p, 'error getting response: Connection reset by peer');
      else if (r.error === 'deadline') fail(p, 'download timed out');
      else fail(p, `can't connect to remote host (${ip}): ${ERRNO[r.error]}`);
      return 1;
    }
    const res = r.response;
    const statusLine = `HTTP/1.1 ${res.status} ${HTTP_STATUS_TEXT[res.status] ?? ''}`.trimEnd();
    if (headersOut) {
      p.fds.stderr.write(`  ${statusLine}\n`);
      for (const [k, v] of Object.entries({ ...res.headers, 'Content-Length': String(res.body.length), Connection: 'close' })) p.fds.stderr.write(`  ${k}: ${v}\n`);
    }
    if (res.status >= 400) {
      fail(p, `server returned error: ${statusLine}`);
      status = 1;
      continue;
    }
    if (spider) {
      if (!quiet) p.fds.stderr.write('remote file exists\n');
      continue;
    }
    const toStdout = outFile === '-';
    const name = outFile ?? (url.path.replace(/[?#].*/, '').split('/').pop() || 'index.html');
    if (!toStdout) {
      try {
        p.host.fs.writeFile(abs(p, name), res.body);
      } catch (e) {
        fail(p, `can't open '${name}': ${errText(e)}`);
        return 1;
      }
    }
    if (!quiet) p.fds.stderr.write(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`);
    if (toStdout) out(p, res.body);
    if (!quiet) {
      const label = (toStdout ? '-' : name).padEnd(20).slice(0, 20);
      p.fds.stderr.write(`${label} 100% |********************************| ${String(res.body.length).padStart(5)}  0:00:00 ETA\n`);
      p.fds.stderr.write(toStdout ? 'written to stdout\n' : `'${name}' saved\n`);
    }
  }
  return status;
};

