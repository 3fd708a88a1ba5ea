/**
 * /usr/sbin/nginx: the master process reads /etc/nginx/nginx.conf (conf.ts), listens on every
 * port its servers name, starts worker processes, and serves (http.ts) until signalled.
 * - Bad configuration: `[emerg]` in the error log (stderr in the official image) and as
 *   `nginx: [emerg] …`, exit 1 — the container goes to Error / CrashLoopBackOff.
 * - SIGHUP: re-read the configuration; if it is valid, start new workers (new PIDs) and retire
 *   the old ones gracefully; if not, log the [emerg] and keep serving the old configuration.
 * - SIGQUIT graceful / SIGTERM, SIGINT fast shutdown; SIGUSR1 reopens logs.
 * - `nginx -t`, `nginx -T`, `nginx -v`, `nginx -s reload|quit|stop|reopen` as the CLI behaves.
 * Access-log lines go to stdout (the image links access.log to /dev/stdout) in the `main` format.
 */
import type { Process, Program } from '../../../runtime/process';
import type { HttpRequest } from '../../../net/netns';
import type { NetNamespace } from '../../../net/netns';
import type { ClusterNetwork } from '../../../net/network';
import { resolveHost } from '../../../net/dns';
import { strftime } from '../../../shell/commands/time';
import { NginxConfError, find, parseNginxConf, type Directive } from './conf';
import { NGINX_VERSION, loadHttp, selectServer, serve, type NginxHttp, type Peer } from './http';

const PID_FILE = '/var/run/nginx.pid';
const SIG_NAMES: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 15: 'SIGTERM', 10: 'SIGUSR1', 12: 'SIGUSR2' };
const CLI_SIGNALS: Record<string, number> = { reload: 1, quit: 3, stop: 15, reopen: 10 };

interface Hooks {
  spawn(parent: Process, argv: string[], env: Map<string, string>, io: unknown, program: Program): Process;
  kill(t: Process, s: number): void;
}

function stamp(p: Process): string {
  return strftime('%Y/%m/%d %H:%M:%S', p.host.now());
}

function readOr(p: Process, path: string): string | undefined {
  try {
    return p.host.fs.readFile(path);
  } catch {
    return undefined;
  }
}

interface Loaded {
  main: Directive[];
  http: NginxHttp;
  workers: number;
}

function load(p: Process, confPath: string): Loaded {
  const main = parseNginxConf(p.host.fs, confPath);
  const network = p.host.services.network as ClusterNetwork | undefined;
  const hosts = readOr(p, '/etc/hosts');
  const resolv = readOr(p, '/etc/resolv.conf');
  const http = loadHttp(main, {
    resolve: (h) => {
      if (h === 'localhost') return '127.0.0.1';
      return network ? resolveHost(network.dns, h, { hosts, resolv }) : undefined;
    },
  });
  const wp = find(main, 'worker_processes')?.args[0] ?? '1';
  // `auto` is one worker per CPU; node01 has 2.
  const workers = wp === 'auto' ? 2 : Math.max(1, Number(wp) || 1);
  return { main, http, workers };
}

export const nginxProgram: Program = function* (p) {
  const args = p.argv.slice(1);
  let confPath = '/etc/nginx/nginx.conf';
  let test = false;
  let dump = false;
  let signal: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t') test = true;
    else if (a === '-T') test = dump = true;
    else if (a === '-v' || a === '-V') {
      p.fds.stderr.write(`nginx version: ${NGINX_VERSION}\n`);
      if (a === '-V') p.fds.stderr.write('built by gcc 12.2.0 (Debian 12.2.0-14) \nbuilt with OpenSSL 3.0.11 19 Sep 2023\nTLS SNI support enabled\n');
      return 0;
    } else if (a === '-c') confPath = args[++i] ?? confPath;
    else if (a === '-s') signal = args[++i];
    else if (a === '-g') i++;
    else if (a === '-q') continue;
    else {
      p.fds.stderr.write(`nginx: invalid option: "${a.replace(/^-/, '')}"\n`);
      return 1;
    }
  }
  if (signal !== undefined) return yield* signalMaster(p, signal);
  let conf: Loaded;
  try {
    conf = load(p, confPath);
  } catch (e) {
    if (!(e instanceof NginxConfError)) throw e;
    if (!test) p.fds.stderr.write(`${stamp(p)} [emerg] ${p.pid}#${p.pid}: ${e.message}\n`);
    p.fds.stderr.write(`nginx: [emerg] ${e.message}\n`);
    if (test) p.fds.stderr.write(`nginx: configuration file ${confPath} test failed\n`);
    return 1;
  }
  if (test) {
    p.fds.stderr.write(`nginx: the configuration file ${confPath} syntax is ok\nnginx: configuration file ${confPath} test is successful\n`);
    if (dump) p.fds.stdout.write(`# configuration file ${confPath}:\n${readOr(p, confPath) ?? ''}\n`);
    return 0;
  }
  return yield* master(p, confPath, conf);
};

function* signalMaster(p: Process, name: string): ReturnType<Program> {
  const sig = CLI_SIGNALS[name];
  if (!sig) {
    p.fds.stderr.write(`nginx: invalid option: "-s ${name}"\n`);
    return 1;
  }
  const text = readOr(p, PID_FILE);
  if (text === undefined) {
    p.fds.stderr.write(`${stamp(p)} [notice] ${p.pid}#${p.pid}: signal process started\n`);
    p.fds.stderr.write(`${stamp(p)} [error] ${p.pid}#${p.pid}: open() "${PID_FILE}" failed (2: No such file or directory)\n`);
    p.fds.stderr.write(`nginx: [error] open() "${PID_FILE}" failed (2: No such file or directory)\n`);
    return 1;
  }
  p.fds.stderr.write(`${stamp(p)} [notice] ${p.pid}#${p.pid}: signal process started\n`);
  const target = p.ns.procs.get(Number(text.trim()));
  const hooks = p.host.services.shellHooks as Hooks;
  if (!target || !target.alive) {
    p.fds.stderr.write(`${stamp(p)} [alert] ${p.pid}#${p.pid}: kill(${text.trim()}, ${sig}) failed (3: No such process)\n`);
    return 1;
  }
  hooks.kill(target, sig);
  return 0;
}

function* master(p: Process, confPath: string, first: Loaded): ReturnType<Program> {
  const net = p.host.services.net as NetNamespace | undefined;
  const network = p.host.services.network as ClusterNetwork | undefined;
  const hooks = p.host.services.shellHooks as Hooks;
  const pid = p.pid;
  const notice = (who: number, msg: string) => p.fds.stderr.write(`${stamp(p)} [notice] ${who}#${who}: ${msg}\n`);
  const emerg = (msg: string) => p.fds.stderr.write(`${stamp(p)} [emerg] ${pid}#${pid}: ${msg}\n`);
  let conf = first;
  let workers: Process[] = [];
  let conn = 0;
  let rr = 0;

  const proxy = (peer: Peer, req: HttpRequest) => {
    if (!network || !net) return { error: 'connect() failed (111: Connection refused)' };
    const d = network.dial({ pod: net }, peer.ip, peer.port);
    if (!d.ok) return { error: d.error === 'refused' ? 'connect() failed (111: Connection refused)' : d.error === 'unreachable' ? 'connect() failed (113: No route to host)' : 'upstream timed out (110: Connection timed out)' };
    if (!d.listener.handleHttp) return { error: 'upstream prematurely closed connection' };
    return d.listener.handleHttp({ ...req, remoteAddr: d.source });
  };
  const handler = (port: number) => (req: HttpRequest) => {
    // Header names are case-insensitive; clients here send them in either case.
    req = { ...req, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v])) };
    const s = selectServer(conf.http, port, req.headers['host']);
    const w = workers.length ? workers[rr++ % workers.length].pid : pid;
    conn++;
    if (!s) return { status: 404, headers: { Server: NGINX_VERSION }, body: '' };
    const r = serve(conf.http, s, req, {
      readFile: (path) => {
        const n = p.host.fs.stat(path);
        return n && n.type !== 'dir' ? readOr(p, path) : undefined;
      },
      isDir: (path) => p.host.fs.stat(path)?.type === 'dir',
      proxy,
    });
    if (r.error) p.fds.stderr.write(`${stamp(p)} [error] ${w}#${w}: *${conn} ${r.error}\n`);
    if (r.log) {
      const ua = req.headers['user-agent'] ?? '-';
      const ref = req.headers['referer'] ?? '-';
      const bytes = r.res.status === 304 ? 0 : r.res.body.length;
      p.fds.stdout.write(`${req.remoteAddr} - - [${strftime('%d/%b/%Y:%H:%M:%S +0000', p.host.now())}] "${req.method} ${req.path} HTTP/1.1" ${r.res.status} ${bytes} "${ref}" "${ua}" "-"\n`);
    }
    return r.res;
  };
  const bound = new Set<number>();
  /** Ports that could not be bound (empty when all succeeded). */
  const tryBind = (): number[] => {
    if (!net) return [];
    const failed: number[] = [];
    for (const port of conf.http.ports) {
      if (bound.has(port)) continue;
      if (net.bind({ port, process: p, handleHttp: handler(port) })) bound.add(port);
      else failed.push(port);
    }
    return failed;
  };
  // ngx_open_listening_sockets: five tries 500 ms apart, each failure logged to the error log
  // (stderr in the official image) and, because that is not nginx's own stderr, also to the console.
  const emergBoth = (msg: string) => {
    emerg(msg);
    p.fds.stderr.write(`nginx: [emerg] ${msg}\n`);
  };
  for (let attempt = 0; ; attempt++) {
    const failed = tryBind();
    if (!failed.length) break;
    for (const port of failed) {
      emergBoth(`bind() to 0.0.0.0:${port} failed (98: Address already in use)`);
      if (conf.http.ipv6Ports.includes(port)) emergBoth(`bind() to [::]:${port} failed (98: Address already in use)`);
    }
    if (attempt === 4) {
      emergBoth('still could not bind()');
      return 1;
    }
    yield { op: 'sleep', ms: 500 };
  }
  try {
    p.host.fs.writeFile(PID_FILE, `${pid}\n`);
  } catch {
    /* a read-only /var/run only loses `nginx -s` */
  }
  for (const m of ['using the "epoll" event method', NGINX_VERSION, 'built by gcc 12.2.0 (Debian 12.2.0-14) ', 'OS: Linux 6.8.0-1015-gcp', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'start worker processes']) notice(pid, m);
  const startWorkers = () => {
    for (let i = 0; i < conf.workers; i++) {
      const w = hooks.spawn(p, ['nginx: worker process'], p.env, { stdout: p.fds.stdout, stderr: p.fds.stderr }, nginxWorker);
      w.user = 'nginx';
      workers.push(w);
      notice(pid, `start worker process ${w.pid}`);
    }
  };
  const retire = (old: Process[], graceful: boolean) => {
    for (const w of old) {
      if (graceful) notice(w.pid, 'gracefully shutting down');
      notice(w.pid, 'exiting');
      notice(w.pid, 'exit');
      hooks.kill(w, 9);
      notice(pid, `signal 17 (SIGCHLD) received from ${w.pid}`);
      notice(pid, `worker process ${w.pid} exited with code 0`);
    }
  };
  // setproctitle: ps shows the new title, comm (what pidof matches) stays "nginx".
  p.argv = [`nginx: master process ${['nginx', ...p.argv.slice(1)].join(' ')}`];
  // The master collects exited workers in its SIGCHLD handler.
  p.reapsOnSigchld = true;
  startWorkers();
  for (const s of [1, 2, 3, 15, 10, 12]) p.dispositions.set(s, 'catch');
  for (;;) {
    const r = yield { op: 'pause' };
    if (!r || !('interrupted' in r)) continue;
    p.pendingSignals.length = 0;
    const sig = r.interrupted;
    const what = sig === 1 ? ', reconfiguring' : sig === 3 ? ', shutting down' : sig === 10 ? ', reopening logs' : sig === 12 ? ', changing binary' : ', exiting';
    notice(pid, `signal ${sig} (${SIG_NAMES[sig] ?? sig}) received${what}`);
    if (sig === 1) {
      let next: Loaded;
      try {
        next = load(p, confPath);
      } catch (e) {
        if (!(e instanceof NginxConfError)) throw e;
        emerg(e.message);
        continue;
      }
      notice(pid, 'reconfiguring');
      const prev = conf;
      conf = next;
      // On reload a port that cannot be bound is logged once and the old configuration stays.
      const failed = tryBind();
      if (failed.length) {
        for (const port of failed) emerg(`bind() to 0.0.0.0:${port} failed (98: Address already in use)`);
        conf = prev;
      }
      notice(pid, 'using the "epoll" event method');
      notice(pid, 'start worker processes');
      const old = workers;
      workers = [];
      startWorkers();
      retire(old, true);
      continue;
    }
    if (sig === 10) {
      notice(pid, 'reopening logs');
      continue;
    }
    if (sig === 12) continue;
    retire(workers, sig === 3);
    workers = [];
    notice(pid, 'exit');
    return 0;
  }
}

const nginxWorker: Program = function* (p) {
  for (const s of [3, 15]) p.dispositions.set(s, 'catch');
  yield { op: 'pause' };
  return 0;
};
