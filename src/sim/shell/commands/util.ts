/** Helpers shared by the busybox-style commands. */
import type { Process, Syscall, SyscallResult } from '../../runtime/process';
import { ERRNO_TEXT, FsError, normalize } from '../../runtime/fs';
import { Pipe } from '../../runtime/pipe';
import { USAGE } from './usage';

export type Gen<T> = Generator<Syscall, T, SyscallResult>;

export function out(p: Process, s: string): void {
  p.fds.stdout.write(s);
}

/** busybox applets print `applet: message` on stderr. */
export function fail(p: Process, msg: string): void {
  p.fds.stderr.write(`${appletName(p)}: ${msg}\n`);
}

/**
 * Whether the process runs in a GNU userland (Debian-family images: coreutils, GNU tar) rather than
 * busybox: the error wording differs (`cat: x: No such file…` vs busybox's `can't open 'x'`).
 * Busybox images are the ones that ship `ash`.
 */
export function isGnuUserland(p: Process): boolean {
  return !p.host.resolveProgram('ash', '/bin:/usr/bin');
}

export function appletName(p: Process): string {
  const a = p.argv[0] ?? '';
  return a.slice(a.lastIndexOf('/') + 1);
}

export function errText(e: unknown): string {
  return e instanceof FsError ? ERRNO_TEXT[e.code] : String(e);
}

export function abs(p: Process, path: string): string {
  return normalize(path, p.cwd);
}

/** Read all of stdin (for filters like cat with no file arguments). */
export function* readAll(p: Process): Gen<string> {
  const pipe = p.fds.stdin;
  if (!pipe) return '';
  let data = '';
  for (;;) {
    const r = yield { op: 'read', pipe };
    if (!r || !('data' in r)) continue;
    if (r.data === null) return data;
    data += r.data;
  }
}

/** busybox's usage banner for a bad invocation. */
export function usage(p: Process, text: string): number {
  p.fds.stderr.write(`BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\n${text}\n`);
  return 1;
}

/** Parsed command line: options by letter (repeatable ones keep every value) and operands. */
export interface Opts {
  flags: Map<string, string[]>;
  args: string[];
  has(c: string): boolean;
  /** Last value given for an option taking an argument. */
  get(c: string): string | undefined;
  all(c: string): string[];
}

/**
 * glibc getopt as busybox applets use it: `spec` is the optstring ("n:c:qv"); options and operands
 * may interleave (GNU permutation) unless `spec` starts with '+'; `--` ends options; a lone `-` is
 * an operand. On a bad option prints glibc's message and busybox's usage, returning undefined.
 * `long` maps GNU long options the applet knows to their short letter.
 */
/**
 * Options the real tool has but the simulator does not model: refuse them clearly rather than
 * print a silently wrong result. Returns true when one was given (the caller exits 1).
 */
export function refuseUnmodelled(p: Process, o: Opts, letters: string): boolean {
  const given = [...letters].find((c) => o.has(c));
  if (!given) return false;
  p.fds.stderr.write(`${appletName(p)}: option -${given} is not supported in Pod Lab\n`);
  return true;
}

export function getopt(p: Process, spec: string, long: Record<string, string> = {}): Opts | undefined {
  const posix = spec.startsWith('+');
  const s = posix ? spec.slice(1) : spec;
  const takes = (c: string) => s[s.indexOf(c) + 1] === ':';
  const optional = (c: string) => takes(c) && s[s.indexOf(c) + 2] === ':';
  const flags = new Map<string, string[]>();
  const args: string[] = [];
  const add = (c: string, v: string) => flags.set(c, [...(flags.get(c) ?? []), v]);
  const argv = p.argv.slice(1);
  const name = appletName(p);
  const bad = (msg: string) => {
    p.fds.stderr.write(`${name}: ${msg}\n`);
    showUsage(p);
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [ln, val] = a.slice(2).split(/=(.*)/s, 2);
      const hits = Object.keys(long).filter((k) => k === ln || k.startsWith(ln));
      const key = hits.includes(ln) ? ln : hits.length === 1 ? hits[0] : undefined;
      if (!key) return bad(`unrecognized option '${a}'`);
      const c = long[key];
      if (takes(c)) {
        const v = val ?? argv[++i];
        if (v === undefined) return bad(`option '--${key}' requires an argument`);
        add(c, v);
      } else add(c, '');
      continue;
    }
    if (a.length < 2 || a[0] !== '-') {
      if (posix) {
        args.push(...argv.slice(i));
        break;
      }
      args.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === ':' || !s.includes(c)) return bad(`invalid option -- '${c}'`);
      if (optional(c)) {
        // `c::` (sed -i[SFX]): the argument is only what is attached to the letter.
        add(c, a.slice(j + 1));
        break;
      }
      if (takes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined) return bad(`option requires an argument -- '${c}'`);
        add(c, v);
        break;
      }
      add(c, '');
    }
  }
  return {
    flags,
    args,
    has: (c) => flags.has(c),
    get: (c) => flags.get(c)?.at(-1),
    all: (c) => flags.get(c) ?? [],
  };
}

/** busybox's bb_show_usage: banner and the applet's usage text on stderr; the caller exits 1. */
export function showUsage(p: Process): number {
  const name = appletName(p);
  const text = USAGE[name];
  return usage(p, text === undefined ? `Usage: ${name}` : `Usage: ${name} ${text}`);
}

/**
 * Reads a pipe line by line as data arrives (so filters stream), keeping each line's '\n'; the
 * last line may lack one. `next()` returns null at EOF.
 */
export class LineReader {
  private buf = '';
  private eof = false;
  constructor(private readonly pipe: Pipe | undefined) {}

  *next(): Generator<Syscall, string | null, SyscallResult> {
    for (;;) {
      const i = this.buf.indexOf('\n');
      if (i >= 0) {
        const line = this.buf.slice(0, i + 1);
        this.buf = this.buf.slice(i + 1);
        return line;
      }
      if (this.eof || !this.pipe) {
        const rest = this.buf;
        this.buf = '';
        return rest ? rest : null;
      }
      const r = yield { op: 'read', pipe: this.pipe };
      if (!r || !('data' in r)) continue;
      if (r.data === null) this.eof = true;
      else this.buf += r.data;
    }
  }
}

/** Lines of a file's text, or of stdin as they arrive, through one interface. */
export function linesOf(p: Process, text: string | undefined): AsyncLines {
  if (text !== undefined) {
    const lines = splitLines(text);
    let i = 0;
    // eslint-disable-next-line require-yield
    return { *next() { return i < lines.length ? lines[i++] : null; } };
  }
  return new LineReader(p.fds.stdin);
}

export interface AsyncLines {
  next(): Generator<Syscall, string | null, SyscallResult>;
}

/** Split text into lines keeping each terminator, so output reproduces input exactly. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const j = text.indexOf('\n', i);
    if (j < 0) {
      out.push(text.slice(i));
      break;
    }
    out.push(text.slice(i, j + 1));
    i = j + 1;
  }
  return out;
}

/**
 * Input for a filter: each operand's content (`-` or none means stdin), or an error already
 * reported as busybox's `applet: NAME: No such file or directory`. Stdin is read to EOF.
 */
export function* inputs(p: Process, files: string[]): Generator<Syscall, Array<{ name: string; text?: string }>, SyscallResult> {
  const list = files.length ? files : ['-'];
  const res: Array<{ name: string; text?: string }> = [];
  for (const f of list) {
    if (f === '-') {
      res.push({ name: 'standard input', text: yield* readAll(p) });
      continue;
    }
    try {
      res.push({ name: f, text: p.host.fs.readFile(abs(p, f)) });
    } catch (e) {
      fail(p, `${f}: ${errText(e)}`);
      res.push({ name: f });
    }
  }
  return res;
}

/** Read one file, or report it busybox-style (`applet: can't open 'F': ...`). */
export function readOrFail(p: Process, f: string): string | undefined {
  try {
    return p.host.fs.readFile(abs(p, f));
  } catch (e) {
    fail(p, `can't open '${f}': ${errText(e)}`);
    return undefined;
  }
}

/**
 * True when nothing can read what we write to stdout any more: stdout is a pipe and no live
 * process in our PID namespace holds it as stdin. Stands in for EPIPE/SIGPIPE, which the pipe
 * model lacks, so `yes | head -1` ends.
 */
export function stdoutBroken(p: Process): boolean {
  const o = p.fds.stdout;
  if (!(o instanceof Pipe)) return false;
  for (const q of p.ns.procs.values()) if (q.alive && q.fds.stdin === o) return false;
  return true;
}

/** Bytes the UTF-8 encoding of `s` takes (what `wc -c`, `ls -l` and `du` count). */
export function utf8Len(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
