/**
 * busybox nc: `nc HOST PORT` (stdin to the connection, the connection to stdout, until the peer
 * closes), `nc -z [-v] HOST PORT` (connect only), `nc -l -p PORT` / `nc -lp PORT` (accept one
 * connection, `-lk` keeps accepting). Two directions at once need two waits, so a child process
 * pumps stdin while nc itself reads the network (busybox does the same with poll()).
 */
import type { Process, Program } from '../../../runtime/process';
import type { TcpSocket } from '../../../net/tcp';
import { AcceptQueue } from '../../../net/tcp';
import { fail, out, type Gen } from '../util';
import { podNet, resolveIn, waitFor } from './common';

const ERRNO = { refused: 'Connection refused', unreachable: 'No route to host', timeout: 'Connection timed out' } as const;

interface Hooks {
  spawn(parent: Process, argv: string[], env: Map<string, string>, io: unknown, program: Program): Process;
  kill(t: Process, s: number): void;
}

export const nc: Program = function* (p): Gen<number> {
  let listen = false;
  let keep = false;
  let zero = false;
  let verbose = false;
  let port: number | undefined;
  const pos: string[] = [];
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^-[lkzvnp]+$/.test(a) || a === '-w') {
      if (a === '-w') {
        i++;
        continue;
      }
      listen ||= a.includes('l');
      keep ||= a.includes('k');
      zero ||= a.includes('z');
      verbose ||= a.includes('v');
      if (a.endsWith('p')) port = Number(args[++i]);
    } else pos.push(a);
  }
  const net = podNet(p);
  if (!net) {
    fail(p, 'network is unreachable');
    return 1;
  }
  if (listen) {
    port ??= Number(pos[0]);
    if (!Number.isInteger(port) || port <= 0) {
      usage(p);
      return 1;
    }
    const q = new AcceptQueue();
    if (!net.self.bind({ port, process: p, onConnect: (s) => q.push(s) })) {
      fail(p, 'bind: Address in use');
      return 1;
    }
    if (verbose) p.fds.stderr.write(`listening on [::]:${port} ...\n`);
    do {
      const s = yield* q.accept();
      if (verbose) p.fds.stderr.write(`connect to [::ffff:${net.self.ip}]:${port} from [::ffff:${s.remote.replace(/:(\d+)$/, ']:$1')} ([::ffff:${s.remote.replace(/:(\d+)$/, ']:$1')})\n`);
      yield* talk(p, s);
    } while (keep);
    return 0;
  }
  const [host, portArg] = pos;
  const dport = Number(portArg);
  if (!host || !Number.isInteger(dport)) {
    usage(p);
    return 1;
  }
  const ip = resolveIn(p, net, host);
  if (!ip) {
    fail(p, `bad address '${host}'`);
    return 1;
  }
  const r = yield* waitFor(net.network.connect(net.origin, ip, dport));
  if (!r.ok) {
    if (verbose) fail(p, `${host} (${ip}:${dport}): ${ERRNO[r.error]}`);
    else fail(p, `can't connect to remote host (${ip}): ${ERRNO[r.error]}`);
    return 1;
  }
  if (verbose) p.fds.stderr.write(`${host} (${ip}:${dport}) open\n`);
  if (zero) {
    r.socket.close();
    return 0;
  }
  yield* talk(p, r.socket);
  return 0;
};

/** Relay stdin → socket (child) and socket → stdout (here) until the peer closes its side. */
function* talk(p: Process, s: TcpSocket): Gen<void> {
  const hooks = p.host.services.shellHooks as Hooks;
  const stdin = p.fds.stdin;
  const pump: Program = function* (c): Gen<number> {
    while (stdin) {
      const r = yield { op: 'read', pipe: stdin };
      if (!r || !('data' in r)) continue;
      if (r.data === null) break;
      s.out.write(r.data);
    }
    s.close();
    void c;
    return 0;
  };
  const child = hooks.spawn(p, ['nc'], p.env, { stdin, stdout: p.fds.stdout, stderr: p.fds.stderr }, pump);
  for (;;) {
    const r = yield { op: 'read', pipe: s.in };
    if (!r || !('data' in r)) continue;
    if (r.data === null) break;
    out(p, r.data);
  }
  if (child.alive) hooks.kill(child, 9);
  s.close();
}

function usage(p: Process): void {
  p.fds.stderr.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n\n\t-e PROG\tRun PROG after connect (must be last)\n\t-l\tListen mode, for inbound connects\n\t-lk\tWith -e, provides persistent server\n\t-p PORT\tLocal port\n\t-s ADDR\tLocal address\n\t-w SEC\tTimeout for connects and final net reads\n\t-i SEC\tDelay interval for lines sent\n\t-n\tDon\'t do DNS resolution\n\t-u\tUDP mode\n\t-b\tAllow broadcasts\n\t-v\tVerbose\n\t-o FILE\tHex dump traffic\n\t-z\tZero-I/O mode (scanning)\n');
}
