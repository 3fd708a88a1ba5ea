/**
 * procps-ng `ps` (Debian-family images that ship procps, e.g. python:3.12): the default format,
 * BSD-style `ps aux`, and UNIX-style `ps -ef`, with procps-ng 4's column widths. Processes come
 * from the same /proc facts busybox ps reads (runtime/procfs.ts).
 */
import type { Program } from '../../runtime/process';
import { listProcesses, type ProcessInfo } from '../../runtime/procfs';
import { out, type Gen } from './util';
import { strftime } from './time';

const r = (s: string | number, w: number) => String(s).padStart(w);
const l = (s: string, w: number) => s.padEnd(w);

/** [[hh:]mm:ss] cumulative CPU, as procps prints TIME. */
function cpuTime(ms: number, long: boolean): string {
  const s = Math.floor(ms / 1000);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(long ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return long ? `${hh}:${mm}:${ss}` : `${Math.floor(s / 60)}:${ss}`;
}

/** BSD STAT: state, `s` for a session leader (PID 1 of a container), `R` for ps itself. */
function stat(q: ProcessInfo): string {
  const tty = q.process?.tty;
  // On a terminal: the exec'd shell leads its session (`s`), foreground processes get `+`.
  const leader = q.pid === 1 || (!!tty && q.ppid === 0);
  return q.state + (leader ? 's' : '') + (tty && !tty.background.has(q.process!) ? '+' : '');
}

/** TTY column: the controlling terminal's name, `?` for none. */
function tt(q: ProcessInfo): string {
  return q.process?.tty?.name ?? '?';
}

function command(q: ProcessInfo): string {
  return q.state === 'Z' ? `[${q.comm}] <defunct>` : q.commandLine;
}

export const psProcps: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1).join(' ');
  const procs = listProcesses(p);
  const lines: string[] = [];
  if (/^-?[a-z]*a[a-z]*u|aux/.test(args) || args === 'aux' || args === '-aux') {
    lines.push('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    for (const q of procs) {
      const start = strftime('%H:%M', q.startTime);
      lines.push(`${l(q.user.slice(0, 8), 8)} ${r(q.pid, 7)} ${r('0.0', 4)} ${r('0.0', 4)} ${r(q.vszKb, 6)} ${r(q.rssKb, 5)} ${l(tt(q), 8)} ${l(stat(q), 4)} ${r(start, 5)} ${r(cpuTime(q.cpuMs, false), 6)} ${command(q)}`);
    }
  } else if (/(^|\s)-e|(^|\s)-ef|(^|\s)-A/.test(args)) {
    const full = /f/.test(args);
    lines.push(full ? 'UID          PID    PPID  C STIME TTY          TIME CMD' : '    PID TTY          TIME CMD');
    for (const q of procs) {
      if (full) lines.push(`${l(q.user.slice(0, 8), 8)} ${r(q.pid, 7)} ${r(q.ppid, 7)} ${r(0, 2)} ${strftime('%H:%M', q.startTime)} ${l(tt(q), 8)} ${r(cpuTime(q.cpuMs, true), 8)} ${command(q)}`);
      else lines.push(`${r(q.pid, 7)} ${l(tt(q), 8)} ${r(cpuTime(q.cpuMs, true), 8)} ${q.comm}`);
    }
  } else if (/^-?a?x$/.test(args)) {
    // BSD `x` / `ax`: every process, with STAT, without the user columns.
    lines.push('    PID TTY      STAT   TIME COMMAND');
    for (const q of procs) lines.push(`${r(q.pid, 7)} ${l(tt(q), 8)} ${l(stat(q), 4)} ${r(cpuTime(q.cpuMs, false), 6)} ${command(q)}`);
  } else if (!args) {
    // Without options: processes of the same user on the same (no) terminal.
    lines.push('    PID TTY          TIME CMD');
    for (const q of procs.filter((x) => x.uid === procs.find((y) => y.process === p)?.uid && x.process?.tty === p.tty)) lines.push(`${r(q.pid, 7)} ${l(tt(q), 8)} ${r(cpuTime(q.cpuMs, true), 8)} ${q.comm}`);
  } else {
    p.fds.stderr.write(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
    return 1;
  }
  out(p, lines.map((x) => x + '\n').join(''));
  return 0;
};
