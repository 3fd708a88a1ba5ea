/**
 * redis-server (7.4): the startup lines Redis logs when stdout is not a terminal (no ASCII logo),
 * then RESP on the port (6379, `--port N`, or `port N` in a config file given as the first
 * argument). SIGTERM/SIGINT: the shutdown sequence with the final RDB save, exit 0.
 * No memory-overcommit warning: the kubelet sets vm.overcommit_memory=1 on its node.
 */
import type { Process, Program } from '../../../runtime/process';
import type { NetNamespace } from '../../../net/netns';
import type { TcpSocket } from '../../../net/tcp';
import { normalize } from '../../../runtime/fs';
import { strftime } from '../../../shell/commands/time';
import { RedisDb } from './db';
import { encode, parseCommand } from './resp';

export const REDIS_VERSION = '7.4.2';

function stamp(p: Process): string {
  const ms = p.host.now();
  return `${strftime('%d %b %Y %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}`;
}

export const redisServer: Program = function* (p) {
  const log = (role: string, mark: string, msg: string) => p.fds.stdout.write(`${p.pid}:${role} ${stamp(p)} ${mark} ${msg}\n`);
  const args = p.argv.slice(1);
  let port = 6379;
  let conf: string | undefined;
  if (args[0] && !args[0].startsWith('-')) {
    conf = args.shift();
    let text: string;
    try {
      text = p.host.fs.readFile(normalize(conf!, p.cwd));
    } catch {
      p.fds.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\nFatal error, can't open config file '${normalize(conf!, p.cwd)}': No such file or directory\n`);
      return 1;
    }
    const m = text.match(/^\s*port\s+(\d+)/m);
    if (m) port = Number(m[1]);
  }
  for (let i = 0; i < args.length; i++) if (args[i] === '--port') port = Number(args[++i]);
  log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('C', '*', `Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=0, pid=${p.pid}, just started`);
  if (conf) log('C', '*', 'Configuration loaded');
  else log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
  log('M', '*', 'monotonic clock: POSIX clock_gettime');
  const net = p.host.services.net as NetNamespace | undefined;
  const clients = new Set<TcpSocket>();
  const db = new RedisDb(() => p.host.now(), { port, startedAt: p.host.now(), connectedClients: () => clients.size });
  const serve = (s: TcpSocket) => {
    clients.add(s);
    let buf = '';
    const onData = () => {
      buf += s.in.take();
      for (let c = parseCommand(buf); c; c = parseCommand(buf)) {
        buf = buf.slice(c.used);
        if (!c.args.length) continue;
        s.out.write(encode(db.run(c.args)));
        if (c.args[0].toLowerCase() === 'quit') {
          s.close();
          clients.delete(s);
          return;
        }
      }
      if (s.in.closed) {
        s.close();
        clients.delete(s);
      } else s.in.onReadable(onData);
    };
    onData();
  };
  if (net && !net.bind({ port, process: p, onConnect: serve })) {
    log('M', '#', `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`);
    log('M', '#', `Failed listening on port ${port} (tcp), aborting.`);
    return 1;
  }
  log('M', '*', `Running mode=standalone, port=${port}.`);
  log('M', '*', 'Server initialized');
  log('M', '*', 'Ready to accept connections tcp');
  for (const s of [2, 15]) p.dispositions.set(s, 'catch');
  for (;;) {
    const r = yield { op: 'pause' };
    if (!r || !('interrupted' in r)) continue;
    const name = r.interrupted === 2 ? 'SIGINT' : 'SIGTERM';
    p.fds.stdout.write(`${p.pid}:signal-handler (${Math.floor(p.host.now() / 1000)}) Received ${name} scheduling shutdown...\n`);
    log('M', '*', 'User requested shutdown...');
    log('M', '*', 'Saving the final RDB snapshot before exiting.');
    try {
      p.host.fs.writeFile(normalize('dump.rdb', p.cwd), 'REDIS0012');
      log('M', '*', 'DB saved on disk');
    } catch {
      log('M', '#', `Failed opening the temp RDB file temp-${p.pid}.rdb (in server root dir ${p.cwd}) for saving: Read-only file system`);
    }
    log('M', '#', 'Redis is now ready to exit, bye bye...');
    return 0;
  }
};

/**
 * The image's docker-entrypoint.sh: arguments that start with `-` or name a .conf file get
 * `redis-server` in front; redis-server is started as the redis user (gosu), then exec'd.
 */
export const redisEntrypoint: Program = function* (p) {
  let args = p.argv.slice(1);
  if (!args.length || args[0].startsWith('-') || args[0].endsWith('.conf')) args = ['redis-server', ...args];
  const found = p.host.resolveProgram(args[0], p.env.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin');
  if (!found) {
    p.fds.stderr.write(`/usr/local/bin/docker-entrypoint.sh: exec: line 24: ${args[0]}: not found\n`);
    return 127;
  }
  if (args[0] === 'redis-server') p.user = 'redis';
  p.execve(args, found.path);
  return yield* found.program(p);
};
