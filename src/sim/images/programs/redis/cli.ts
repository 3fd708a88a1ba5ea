/**
 * redis-cli: `redis-cli [-h host] [-p port] [--raw|--no-raw] CMD ARGS...` sends one command;
 * with no command it reads commands from stdin, one per line. Output is redis-cli's raw format
 * (what it prints when stdout is not a terminal, as in `kubectl exec` without -t): bare values,
 * nothing for nil, errors as their text and a blank line. `--no-raw` gives the terminal format:
 * "quoted" strings, (integer) N, (nil), (error) ..., numbered arrays, (empty array).
 */
import type { Process, Program } from '../../../runtime/process';
import type { TcpSocket } from '../../../net/tcp';
import { podNet, resolveIn, waitFor } from '../../../shell/commands/net/common';
import { readAll, type Gen } from '../../../shell/commands/util';
import { encodeCommand, parseReply, splitInline, type Reply } from './resp';

const ERRNO = { refused: 'Connection refused', unreachable: 'No route to host', timeout: 'Connection timed out' } as const;

export function formatRaw(r: Reply): string {
  switch (r.t) {
    case 'status': case 'error': return r.s + (r.t === 'error' ? '\n' : '');
    case 'int': return String(r.n);
    case 'bulk': return r.s ?? '';
    case 'array': return r.items.map(formatRaw).join('\n');
  }
}

function quoteRepr(s: string): string {
  return '"' + s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') + '"';
}

export function formatTty(r: Reply, prefix = ''): string {
  switch (r.t) {
    case 'status': return r.s + '\n';
    case 'error': return `(error) ${r.s}\n`;
    case 'int': return `(integer) ${r.n}\n`;
    case 'bulk': return r.s === null ? '(nil)\n' : quoteRepr(r.s) + '\n';
    case 'array': {
      if (!r.items.length) return '(empty array)\n';
      const w = String(r.items.length).length;
      const inner = prefix + ' '.repeat(w + 2);
      return r.items.map((it, i) => `${i === 0 ? '' : prefix}${String(i + 1).padStart(w)}) ${formatTty(it, inner)}`).join('');
    }
  }
}

function* readReply(s: TcpSocket, state: { buf: string }): Gen<Reply | undefined> {
  for (;;) {
    const r = parseReply(state.buf);
    if (r) {
      state.buf = state.buf.slice(r.end);
      return r.r;
    }
    const got = yield { op: 'read', pipe: s.in };
    if (!got || !('data' in got)) continue;
    if (got.data === null) return undefined;
    state.buf += got.data;
  }
}

export const redisCli: Program = function* (p: Process): Gen<number> {
  let host = '127.0.0.1';
  let port = 6379;
  let raw = true;
  const args = p.argv.slice(1);
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '-h') host = args[++i] ?? host;
    else if (a === '-p') port = Number(args[++i]);
    else if (a === '--raw') raw = true;
    else if (a === '--no-raw') raw = false;
    else if (a === '-n') i++;
    else if (a === '--version' || a === '-v') {
      p.fds.stdout.write('redis-cli 7.4.2\n');
      return 0;
    } else {
      p.fds.stderr.write(`Unrecognized option or bad number of args for: '${a}'\n`);
      return 1;
    }
  }
  const commands: string[][] = i < args.length ? [args.slice(i)] : (yield* readAll(p)).split('\n').map(splitInline).filter((c) => c.length);
  const fail = (why: string) => {
    p.fds.stderr.write(`Could not connect to Redis at ${host}:${port}: ${why}\n`);
    return 1;
  };
  const net = podNet(p);
  if (!net) return fail('Network is unreachable');
  const ip = resolveIn(p, net, host);
  if (!ip) return fail('Name or service not known');
  const c = yield* waitFor(net.network.connect(net.origin, ip, port));
  if (!c.ok) return fail(ERRNO[c.error]);
  const state = { buf: '' };
  for (const cmd of commands) {
    c.socket.out.write(encodeCommand(cmd));
    const r = yield* readReply(c.socket, state);
    if (!r) {
      p.fds.stderr.write('Error: Server closed the connection\n');
      return 1;
    }
    // INFO is always printed as-is (its \r\n lines), whatever the output mode.
    const isInfo = cmd[0].toLowerCase() === 'info' && r.t === 'bulk';
    p.fds.stdout.write(isInfo ? (r as { s: string }).s + '\n' : raw ? formatRaw(r) + '\n' : formatTty(r));
    if (cmd[0].toLowerCase() === 'quit') break;
  }
  c.socket.close();
  return 0;
};
