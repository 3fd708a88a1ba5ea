/**
 * ps and pidof over the process's PID namespace. busybox (DESKTOP build) ps accepts and ignores
 * -aAdefl, so `ps aux` (operands are ignored) and `ps -ef` print the default `pid,user,time,args`
 * columns; `-o` picks columns. Column widths and TIME format follow procps/ps.c.
 */
import type { Process, Program } from '../../runtime/process';
import { fail, getopt, out, type Gen } from './util';
import { processInfo } from '../../runtime/procfs';

interface Col {
  width: number;
  header: string;
  /** Left-aligned fields are padded after, numbers are formatted right-aligned inside `width`. */
  value: (q: Process, self: Process) => string;
}

/** busybox format_time: `MM:SS` up to an hour, then `HHhMM`, `DDdHH`, `NNNNd`. */
function fmtTime(secs: number): string {
  let t = Math.floor(secs);
  let ff = t % 60;
  t = Math.floor(t / 60);
  if (t < 60) return `${String(t).padStart(2)}:${String(ff).padStart(2, '0')}`;
  ff = t % 60;
  t = Math.floor(t / 60);
  if (t < 24) return `${String(t).padStart(2)}h${String(ff).padStart(2, '0')}`;
  ff = t % 24;
  t = Math.floor(t / 24);
  if (t < 100) return `${String(t).padStart(2)}d${String(ff).padStart(2, '0')}`;
  return `${String(t).padStart(4)}d`;
}

/** The kernel's comm (set at exec; see Process.execve). */
export function comm(q: Process): string {
  return q.comm;
}

const num = (w: number, n: number) => String(n).padStart(w);

const COLS: Record<string, Col> = {
  user: { width: 8, header: 'USER', value: (q, self) => processInfo(q, self).user.slice(0, 8) },
  group: { width: 8, header: 'GROUP', value: (q, self) => processInfo(q, self).user.slice(0, 8) },
  comm: { width: 16, header: 'COMMAND', value: (q) => comm(q) },
  // A zombie has no command line left; ps shows its comm in brackets, as for kernel threads.
  args: { width: 30000, header: 'COMMAND', value: (q) => (q.state === 'zombie' || !q.argv.length ? `[${comm(q)}]` : q.argv.join(' ')) },
  pid: { width: 5, header: 'PID', value: (q) => num(5, q.pid) },
  ppid: { width: 5, header: 'PPID', value: (q) => num(5, q.ppid) },
  pgid: { width: 5, header: 'PGID', value: (q) => num(5, q.pid) },
  etime: { width: 7, header: 'ELAPSED', value: (q, self) => fmtTime((self.host.now() - q.startTime) / 1000) },
  nice: { width: 5, header: 'NI', value: () => num(5, 0) },
  rgroup: { width: 8, header: 'RGROUP', value: (q, self) => processInfo(q, self).user.slice(0, 8) },
  ruser: { width: 8, header: 'RUSER', value: (q, self) => processInfo(q, self).user.slice(0, 8) },
  time: { width: 5, header: 'TIME', value: (q) => fmtTime(q.cpuMs / 1000) },
  tty: { width: 6, header: 'TT', value: () => '?' },
  vsz: { width: 4, header: 'VSZ', value: (q) => (q.state === 'zombie' ? '0' : '1632') },
  sid: { width: 5, header: 'SID', value: (q) => num(5, q.pid) },
  stat: { width: 4, header: 'STAT', value: (q, self) => (q.state === 'zombie' ? 'Z' : q === self ? 'R' : 'S') },
  rss: { width: 4, header: 'RSS', value: (q) => (q.state === 'zombie' ? '0' : '968') },
};

export const ps: Program = function* (p): Gen<number> {
  const o = getopt(p, 'Zo:aAdeflT');
  if (!o) return 1;
  const cols: Array<Col & { name: string }> = [];
  for (const spec of o.all('o').length ? o.all('o') : ['pid,user,time,args']) {
    const parts = spec.split(',');
    for (let i = 0; i < parts.length; i++) {
      const [name, header] = i === parts.length - 1 ? splitHeader(parts.slice(i).join(',')) : [parts[i], undefined];
      const c = Object.keys(COLS).find((k) => k.slice(0, 6) === name.slice(0, 6));
      if (!c) {
        fail(p, `bad -o argument '${name}', supported arguments: ${Object.keys(COLS).map((k) => k.slice(0, 6)).join(',')}`);
        return 1;
      }
      const col = { ...COLS[c], name: c };
      if (header !== undefined) {
        col.header = header;
        if (header) col.width = header.length;
      }
      cols.push(col);
      if (i === parts.length - 1 || header !== undefined) break;
    }
  }
  const lines: string[] = [];
  if (cols.some((c) => c.header)) lines.push(cols.map((c, i) => (i === cols.length - 1 ? c.header : c.header.padEnd(c.width))).join(' '));
  const procs = [...p.ns.procs.values()].filter((q) => q.alive || q.state === 'zombie').sort((a, b) => a.pid - b.pid);
  for (const q of procs) {
    lines.push(cols.map((c, i) => {
      const v = c.value(q, p) || '-';
      return i === cols.length - 1 ? v : v.padEnd(c.width);
    }).join(' '));
  }
  out(p, lines.map((l) => l + '\n').join(''));
  return 0;
};

/** `-o args=CMD`: only the last column of a list may carry `=HEADER`. */
function splitHeader(s: string): [string, string | undefined] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
}

export const pidof: Program = function* (p): Gen<number> {
  const o = getopt(p, 'so:');
  if (!o) return 1;
  const omit = new Set(o.all('o').flatMap((s) => s.split(',')).map((s) => (s === '%PPID' ? p.ppid : Number(s))));
  const found: number[] = [];
  for (const name of o.args) {
    for (const q of [...p.ns.procs.values()].sort((a, b) => a.pid - b.pid)) {
      if (!q.alive || omit.has(q.pid) || found.includes(q.pid)) continue;
      const a0 = q.argv[0] ?? '';
      if (comm(q) === name || a0 === name || a0.slice(a0.lastIndexOf('/') + 1) === name) {
        found.push(q.pid);
        if (o.has('s')) break;
      }
    }
  }
  if (found.length) out(p, found.join(' ') + '\n');
  return found.length ? 0 : 1;
};
