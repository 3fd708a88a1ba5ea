/**
 * haproxy (2.9) in master-worker mode, as the official image runs it (`haproxy -W -db -f CFG`):
 * the master (PID 1) parses the configuration, forks one worker and reports `Loading success.`.
 * Frontends listen on their bind ports; HTTP requests go to the default_backend's servers in
 * round-robin order, trying the next server when a connect fails, and a 503 page when none
 * answers. Server names are resolved once at startup with the container's resolver (libc), as
 * haproxy does without a `resolvers` section. Diagnostics use haproxy's
 * `[LEVEL]   (pid) : ` prefix; configuration errors end with the two fatal ALERTs and exit 1.
 */
import type { Process, Program } from '../../../runtime/process';
import type { HttpRequest, HttpResponse } from '../../../net/netns';
import { podNet, resolveIn } from '../../../shell/commands/net/common';
import { missingTimeouts, parseCfg, type Proxy } from './conf';

export const HAPROXY_VERSION = '2.9.12';

interface Hooks {
  spawn(parent: Process, argv: string[], env: Map<string, string>, io: unknown, program: Program): Process;
}

const NO_SERVER = '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';

export const haproxy: Program = function* (p) {
  const args = p.argv.slice(1);
  let cfg = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-f') cfg = args[++i] ?? '';
    else if (args[i] === '-v' || args[i] === '-vv') {
      p.fds.stdout.write(`HAProxy version ${HAPROXY_VERSION} 2025/01/08 - https://haproxy.org/\nStatus: stable branch - will stop receiving fixes around Q1 2025.\n`);
      return 0;
    }
  }
  const pid = p.pid;
  // haproxy prefixes the level padded to 10 columns; the version notices precede the first
  // warning or alert so a bug report carries them.
  let told = false;
  const emit = (level: 'NOTICE' | 'WARNING' | 'ALERT', msg: string, who = pid) => {
    if (!told && level !== 'NOTICE') {
      told = true;
      emit('NOTICE', `haproxy version is ${HAPROXY_VERSION}-be5ca4c`);
      emit('NOTICE', 'path to executable is /usr/local/sbin/haproxy');
    }
    p.fds.stderr.write(`${`[${level}]`.padEnd(10)} (${who}) : ${msg}\n`);
  };
  const fatal = (errors: string[]) => {
    for (const e of errors) emit('ALERT', `config : ${e}`);
    emit('ALERT', `config : Error(s) found in configuration file : ${cfg}`);
    emit('ALERT', 'config : Fatal errors found in configuration.');
    return 1;
  };
  let text: string;
  try {
    text = p.host.fs.readFile(cfg);
  } catch {
    emit('ALERT', `config : Cannot open configuration file/directory ${cfg} : No such file or directory`);
    return 1;
  }
  const { proxies, errors } = parseCfg(text, cfg);
  if (errors.length) return fatal(errors);
  const net = podNet(p);
  const addr = new Map<string, string>();
  for (const b of proxies) {
    for (const s of b.servers) {
      const ip = /^\d+\.\d+\.\d+\.\d+$/.test(s.host) ? s.host : net ? resolveIn(p, net, s.host) : undefined;
      if (!ip) errors.push(`parsing [${cfg}:${s.line}] : 'server ${b.name}/${s.name}' : could not resolve address '${s.host}'.`);
      else addr.set(`${b.name}/${s.name}`, ip);
    }
  }
  if (errors.length) return fatal(errors);
  for (const px of proxies) {
    if (!missingTimeouts(px)) continue;
    emit('WARNING', `config : missing timeouts for ${px.kind === 'listen' ? 'proxy' : px.kind} '${px.name}'.\n   | While not properly invalid, you will certainly encounter various problems\n   | with such a configuration. To fix this, please ensure that all following\n   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.`);
  }
  const rr = new Map<string, number>();
  const forward = (be: Proxy, req: HttpRequest): HttpResponse => {
    for (let tries = 0; tries < be.servers.length; tries++) {
      const i = rr.get(be.name) ?? 0;
      rr.set(be.name, i + 1);
      const s = be.servers[i % be.servers.length];
      const d = net?.network.dial(net.origin, addr.get(`${be.name}/${s.name}`)!, s.port);
      if (!d?.ok || !d.listener.handleHttp) continue;
      return d.listener.handleHttp({ ...req, remoteAddr: d.source });
    }
    return { status: 503, headers: { 'content-length': String(NO_SERVER.length), 'cache-control': 'no-cache', 'content-type': 'text/html' }, body: NO_SERVER };
  };
  for (const fe of proxies.filter((x) => x.binds.length)) {
    const be = fe.kind === 'listen' ? fe : proxies.find((x) => x.name === fe.defaultBackend && x.kind !== 'frontend');
    for (const b of fe.binds) {
      const handleHttp = (req: HttpRequest): HttpResponse => (be ? forward(be, req) : { status: 503, headers: { 'content-type': 'text/html' }, body: NO_SERVER });
      if (net && !net.self.bind({ port: b.port, process: p, handleHttp })) {
        emit('ALERT', `Binding [${cfg}:${b.line}] for ${fe.kind === 'listen' ? 'proxy' : 'frontend'} ${fe.name}: cannot bind socket (Address already in use) for [0.0.0.0:${b.port}]`);
        emit('ALERT', '[haproxy.main()] Some protocols failed to start their listeners! Exiting.');
        return 1;
      }
    }
  }
  // The real master forks its worker after a few helper PIDs are used up (the first is 8 in a
  // fresh container); the worker serves, so ps shows both.
  if (p.ns.nextPid < 8) p.ns.nextPid = 8;
  const hooks = p.host.services.shellHooks as Hooks | undefined;
  const worker = hooks?.spawn(p, [...p.argv], p.env, { stdout: p.fds.stdout, stderr: p.fds.stderr }, haproxyWorker);
  if (worker) worker.user = p.user;
  emit('NOTICE', `New worker (${worker?.pid ?? 8}) forked`);
  emit('NOTICE', 'Loading success.');
  p.reapsOnSigchld = true;
  for (const s of [2, 10, 12, 15]) p.dispositions.set(s, 'catch');
  for (;;) {
    const r = yield { op: 'pause' };
    // SIGUSR2 asks for a reload, which Pod Lab does not model: the running configuration stays.
    if (!r || !('interrupted' in r) || r.interrupted === 12) continue;
    const w = worker?.pid ?? 8;
    emit('WARNING', 'Exiting Master process...');
    // SIGUSR1 (the image's STOPSIGNAL) is a soft stop: proxies close and the worker exits 0.
    if (r.interrupted === 10) {
      for (const px of proxies.filter((x) => x.kind !== 'backend')) emit('WARNING', `Proxy ${px.name} stopped (cumulated conns: FE: 0, BE: 0).`, w);
      emit('WARNING', `Current worker (${w}) exited with code 0 (Exit)`);
      emit('WARNING', 'All workers exited. Exiting... (0)');
      return 0;
    }
    emit('ALERT', `Current worker (${w}) exited with code 143 (Terminated)`);
    emit('WARNING', 'All workers exited. Exiting... (143)');
    return 143;
  }
};

const haproxyWorker: Program = function* (p) {
  for (const s of [2, 15]) p.dispositions.set(s, 'catch');
  yield { op: 'pause' };
  return 0;
};

/** docker-entrypoint.sh: `-x` arguments get `haproxy` in front; haproxy gets `-W -db` (master-worker, foreground). */
export const haproxyEntrypoint: Program = function* (p) {
  let args = p.argv.slice(1);
  if (!args.length || args[0].startsWith('-')) args = ['haproxy', ...args];
  if (args[0] === 'haproxy') args = ['haproxy', '-W', '-db', ...args.slice(1)];
  const found = p.host.resolveProgram(args[0], p.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/bin:/bin');
  if (!found) {
    p.fds.stderr.write(`/usr/local/bin/docker-entrypoint.sh: 16: exec: ${args[0]}: not found\n`);
    return 127;
  }
  p.execve(args, found.path);
  return yield* found.program(p);
};
