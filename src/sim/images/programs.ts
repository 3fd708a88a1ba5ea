/**
 * Programs that ship with specific images: the pause process, nginx and its entrypoint.
 * nginx here covers the lifecycle a kubelet sees (start-up logs, listening on :80, serving the
 * welcome page, graceful shutdown on SIGQUIT/SIGTERM, bind failure); its configuration language
 * arrives with the runtime issue.
 */
import type { Process, Program } from '../runtime/process';
import type { NetNamespace } from '../net/netns';
import { HTTP_STATUS_TEXT } from '../net/netns';
import { strftime } from '../shell/commands/time';
import { ch6IpcProgram } from './programs/ch6-ipc';
import { bashProgram } from './programs/bash';

export const pauseProgram: Program = function* (p) {
  for (const s of [2, 15]) p.dispositions.set(s, 'catch');
  yield { op: 'pause' };
  return 0;
};

/** /docker-entrypoint.sh: logs its configuration steps, then execs its arguments. */
export const nginxEntrypoint: Program = function* (p) {
  const args = p.argv.slice(1);
  const programs = p.host.services.programs as Record<string, Program>;
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    const lines = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ];
    p.fds.stdout.write(lines.join('\n') + '\n');
    // The entry scripts run ~27 short-lived helpers (find, sort, sed, envsubst...); they use up
    // PIDs, which is why nginx's first worker is PID 29 in a real container.
    if (p.ns.nextPid < 29) p.ns.nextPid = 29;
  }
  const found = p.host.resolveProgram(args[0] ?? '', p.env.get('PATH') ?? '/usr/sbin:/usr/bin:/bin');
  if (!found) {
    p.fds.stderr.write(`/docker-entrypoint.sh: exec: line 47: ${args[0]}: not found\n`);
    return 127;
  }
  void programs;
  p.argv = args;
  return yield* found.program(p);
};

function nginxLog(p: Process, pid: number, msg: string): void {
  p.fds.stderr.write(`${strftime('%Y/%m/%d %H:%M:%S', p.host.now())} [notice] ${pid}#${pid}: ${msg}\n`);
}

export const nginxProgram: Program = function* (p) {
  const net = p.host.services.net as NetNamespace | undefined;
  const master = p.pid;
  const emerg = (msg: string) => p.fds.stderr.write(`${strftime('%Y/%m/%d %H:%M:%S', p.host.now())} [emerg] ${master}#${master}: ${msg}\n`);
  let html: string;
  const serve = (path: string): { status: number; body: string } => {
    const file = path === '/' ? '/index.html' : path;
    try {
      html = p.host.fs.readFile(`/usr/share/nginx/html${file}`);
      return { status: 200, body: html };
    } catch {
      const body = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n`;
      return { status: 404, body };
    }
  };
  if (net) {
    const ok = net.bind({
      port: 80,
      process: p,
      handleHttp: (req) => {
        const r = serve(req.path);
        const ua = req.headers['user-agent'] ?? '-';
        p.fds.stdout.write(`${req.remoteAddr} - - [${strftime('%d/%b/%Y:%H:%M:%S +0000', p.host.now())}] "${req.method} ${req.path} HTTP/1.1" ${r.status} ${r.body.length} "-" "${ua}" "-"\n`);
        return { status: r.status, headers: { Server: 'nginx/1.27.3', 'Content-Type': 'text/html' }, body: r.body };
      },
    });
    if (!ok) {
      for (let i = 0; i < 5; i++) {
        emerg('bind() to 0.0.0.0:80 failed (98: Address already in use)');
        emerg('bind() to [::]:80 failed (98: Address already in use)');
      }
      p.fds.stderr.write(`${strftime('%Y/%m/%d %H:%M:%S', p.host.now())} [emerg] ${master}#${master}: still could not bind()\n`);
      p.fds.stderr.write('nginx: [emerg] still could not bind()\n');
      return 1;
    }
  }
  for (const m of ['using the "epoll" event method', 'nginx/1.27.3', 'built by gcc 12.2.0 (Debian 12.2.0-14) ', 'OS: Linux 6.8.0-1015-gcp', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'start worker processes']) nginxLog(p, master, m);
  const hooks = p.host.services.shellHooks as { spawn(parent: Process, argv: string[], env: Map<string, string>, io: unknown, program: Program): Process; kill(t: Process, s: number): void };
  const workers: Process[] = [];
  const startWorker = () => {
    const w = hooks.spawn(p, ['nginx: worker process'], p.env, { stdout: p.fds.stdout, stderr: p.fds.stderr }, nginxWorker);
    w.user = 'nginx';
    workers.push(w);
    nginxLog(p, master, `start worker process ${w.pid}`);
  };
  p.argv = ['nginx: master process nginx -g daemon off;'];
  startWorker();
  startWorker();
  for (const s of [1, 2, 3, 15, 10, 12]) p.dispositions.set(s, 'catch');
  for (;;) {
    const r = yield { op: 'pause' };
    if (!r || !('interrupted' in r)) continue;
    p.pendingSignals.length = 0;
    const sig = r.interrupted;
    const name = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 15: 'SIGTERM', 10: 'SIGUSR1', 12: 'SIGUSR2' }[sig] ?? `${sig}`;
    nginxLog(p, master, `signal ${sig} (${name}) received${sig === 1 ? ', reconfiguring' : sig === 3 ? ', shutting down' : sig === 10 ? ', reopening logs' : ', exiting'}`);
    if (sig === 1) {
      // Reload: new workers with the new configuration, old ones finish gracefully.
      nginxLog(p, master, 'reconfiguring');
      const old = workers.splice(0);
      startWorker();
      startWorker();
      for (const w of old) hooks.kill(w, 3);
      continue;
    }
    if (sig === 10 || sig === 12) continue;
    for (const w of workers) {
      if (sig === 3) nginxLog(p, w.pid, 'gracefully shutting down');
      nginxLog(p, w.pid, 'exiting');
      nginxLog(p, w.pid, 'exit');
      hooks.kill(w, 9);
      nginxLog(p, master, `signal 17 (SIGCHLD) received from ${w.pid}`);
      nginxLog(p, master, `worker process ${w.pid} exited with code 0`);
    }
    nginxLog(p, master, 'exit');
    return 0;
  }
};

const nginxWorker: Program = function* (p) {
  for (const s of [3, 15]) p.dispositions.set(s, 'catch');
  yield { op: 'pause' };
  return 0;
};

export const IMAGE_PROGRAMS: Record<string, Program> = {
  pause: pauseProgram,
  'nginx-entrypoint': nginxEntrypoint,
  nginx: nginxProgram,
  'ch6-ipc': ch6IpcProgram,
  bash: bashProgram,
};

export { HTTP_STATUS_TEXT };
