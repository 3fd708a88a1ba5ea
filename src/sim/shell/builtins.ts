/**
 * The commands busybox ash runs inside the shell process itself. Messages follow ash's wording.
 */
import type { Shell, IO } from './interpreter';
import type { Syscall, SyscallResult } from '../runtime/process';
import { BreakUnwind, ExitUnwind, ReturnUnwind, ShellError } from './context';
import { SIGNAL_NAMES, parseSignal } from '../runtime/signals';
import { normalize } from '../runtime/fs';
import { formatPrintf } from './printf';
import { evalTest } from './test';

type Gen<T> = Generator<Syscall, T, SyscallResult>;
export type Builtin = (sh: Shell, argv: string[], io: IO) => Gen<number>;

function* ok(): Gen<number> {
  return 0;
}

export const BUILTINS: Record<string, Builtin> = {
  ':': ok,
  true: ok,
  *false() {
    return 1;
  },

  *echo(_sh, argv, io) {
    let args = argv.slice(1);
    let newline = true;
    let escapes = false;
    while (args.length && /^-[neE]+$/.test(args[0])) {
      for (const f of args[0].slice(1)) {
        if (f === 'n') newline = false;
        if (f === 'e') escapes = true;
        if (f === 'E') escapes = false;
      }
      args = args.slice(1);
    }
    let s = args.join(' ');
    if (escapes) {
      const cut = s.indexOf('\\c');
      if (cut >= 0) {
        s = s.slice(0, cut);
        newline = false;
      }
      s = unescapeC(s);
    }
    io.stdout.write(newline ? s + '\n' : s);
    return 0;
  },

  *printf(sh, argv, io) {
    if (argv.length < 2) {
      io.stderr.write('printf: usage: printf FORMAT [ARGUMENT]...\n');
      return 1;
    }
    const r = formatPrintf(argv[1], argv.slice(2));
    io.stdout.write(r.out);
    for (const e of r.errors) sh.err(io, `printf: ${e}`);
    return r.errors.length ? 1 : 0;
  },

  *test(sh, argv, io) {
    return yield* runTest(sh, argv.slice(1), io);
  },
  *'['(sh, argv, io) {
    if (argv[argv.length - 1] !== ']') {
      sh.err(io, '[: missing ]');
      return 2;
    }
    return yield* runTest(sh, argv.slice(1, -1), io);
  },

  *cd(sh, argv, io) {
    const target = argv[1] ?? sh.getVar('HOME') ?? '/';
    const path = normalize(target === '-' ? sh.getVar('OLDPWD') ?? '/' : target, sh.proc.cwd);
    const st = sh.proc.host.fs.stat(path);
    if (!st || st.type !== 'dir') {
      sh.err(io, `cd: can't cd to ${target}: ${st ? 'Not a directory' : 'No such file or directory'}`);
      return 2;
    }
    sh.setVar('OLDPWD', sh.proc.cwd);
    sh.proc.cwd = path;
    sh.setVar('PWD', path);
    return 0;
  },
  *pwd(sh, _argv, io) {
    io.stdout.write(sh.proc.cwd + '\n');
    return 0;
  },

  *export(sh, argv, io) {
    if (argv.length === 1 || argv[1] === '-p') {
      for (const n of [...sh.exported].sort()) {
        const v = sh.vars.get(n);
        io.stdout.write(v === undefined ? `export ${n}\n` : `export ${n}=${shellQuote(v)}\n`);
      }
      return 0;
    }
    for (const a of argv.slice(1)) {
      const i = a.indexOf('=');
      if (i >= 0) sh.exportVar(a.slice(0, i), a.slice(i + 1));
      else sh.exportVar(a);
    }
    return 0;
  },
  *readonly(sh, argv) {
    for (const a of argv.slice(1)) {
      const i = a.indexOf('=');
      if (i >= 0) sh.setVar(a.slice(0, i), a.slice(i + 1));
    }
    return 0;
  },
  *local(sh, argv) {
    // ash: a local variable starts with the value it had outside (bash's starts unset: workstation/bash.ts).
    const frame = sh.localFrames[sh.localFrames.length - 1];
    for (const a of argv.slice(1)) {
      const i = a.indexOf('=');
      const name = i >= 0 ? a.slice(0, i) : a;
      if (frame && !frame.has(name)) frame.set(name, sh.getVar(name));
      if (i >= 0) sh.setVar(name, a.slice(i + 1));
    }
    return 0;
  },
  *unset(sh, argv) {
    for (const a of argv.slice(1)) {
      if (a === '-f' || a === '-v') continue;
      sh.unsetVar(a);
      sh.funcs.delete(a);
    }
    return 0;
  },

  *set(sh, argv, io) {
    const args = argv.slice(1);
    if (!args.length) {
      for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout.write(`${k}=${shellQuote(v)}\n`);
      return 0;
    }
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (!/^[-+][a-zA-Z]+$/.test(a) && !(a === '-o' || a === '+o')) break;
      const on = a[0] === '-';
      if (a.slice(1) === 'o') {
        const opt = args[++i];
        if (opt === 'errexit') sh.opts.errexit = on;
        else if (opt === 'xtrace') sh.opts.xtrace = on;
        else if (opt === 'nounset') sh.opts.nounset = on;
        else if (opt !== 'pipefail') {
          sh.err(io, `set: illegal option -o ${opt}`);
          return 2;
        }
        continue;
      }
      for (const f of a.slice(1)) {
        if (f === 'e') sh.opts.errexit = on;
        else if (f === 'x') sh.opts.xtrace = on;
        else if (f === 'u') sh.opts.nounset = on;
        else if (f !== 'f' && f !== 'v' && f !== 'm') {
          sh.err(io, `set: illegal option -${f}`);
          return 2;
        }
      }
    }
    if (i < args.length || args.includes('--')) sh.positional = args.slice(i);
    return 0;
  },
  *shift(sh, argv, io) {
    const n = argv[1] ? Number(argv[1]) : 1;
    if (!Number.isInteger(n) || n < 0 || n > sh.positional.length) {
      sh.err(io, `shift: can't shift that many`);
      return 2;
    }
    sh.positional = sh.positional.slice(n);
    return 0;
  },

  *exit(sh, argv, io) {
    const code = argv[1] === undefined ? sh.status : parseExitNumber(sh, argv[1], 'exit', io);
    throw new ExitUnwind(code & 255);
  },
  *return(sh, argv, io) {
    throw new ReturnUnwind(argv[1] === undefined ? sh.status : parseExitNumber(sh, argv[1], 'return', io) & 255);
  },
  *break(_sh, argv) {
    throw new BreakUnwind(Number(argv[1] ?? 1), false);
  },
  *continue(_sh, argv) {
    throw new BreakUnwind(Number(argv[1] ?? 1), true);
  },

  *eval(sh, argv, io) {
    return yield* sh.runScriptNested(argv.slice(1).join(' '), io);
  },
  *'.'(sh, argv, io) {
    const file = argv[1];
    if (!file) {
      sh.err(io, '.: .: argument expected');
      return 2;
    }
    let src: string;
    try {
      src = sh.proc.host.fs.readFile(normalize(file, sh.proc.cwd));
    } catch {
      sh.err(io, `.: can't open '${file}'`);
      return 2;
    }
    return yield* sh.runScriptNested(src, io);
  },

  *exec(sh, argv, io) {
    if (argv.length < 2) return 0;
    const code = yield* sh.runExternal(argv.slice(1), new Map(), io, true);
    throw new ExitUnwind(code);
  },

  *read(sh, argv, io) {
    const names = argv.slice(1).filter((a) => !a.startsWith('-'));
    const raw = argv.includes('-r');
    if (!io.stdin) return 1;
    const r = yield { op: 'read', pipe: io.stdin, line: true };
    if (!r || !('data' in r) || r.data === null) {
      for (const n of names) sh.setVar(n, '');
      return 1;
    }
    let line = r.data;
    if (!raw) line = line.replace(/\\(.)/g, '$1');
    const ifs = sh.getVar('IFS') ?? ' \t\n';
    const vars = names.length ? names : ['REPLY'];
    const fields = line.split(new RegExp(`[${ifs.replace(/[\\\]^-]/g, '\\$&')}]+`)).filter((f, i) => f !== '' || i > 0);
    vars.forEach((n, i) => sh.setVar(n, i === vars.length - 1 ? fields.slice(i).join(' ') : fields[i] ?? ''));
    return 0;
  },

  *trap(sh, argv, io) {
    const args = argv.slice(1);
    if (!args.length) {
      for (const [sig, cmd] of sh.traps) io.stdout.write(`trap -- ${shellQuote(cmd)} ${sig === 0 ? 'EXIT' : SIGNAL_NAMES[sig]}\n`);
      return 0;
    }
    const action = args[0];
    const sigs = args.length === 1 ? [action] : args.slice(1);
    const reset = args.length === 1 || action === '-';
    for (const s of sigs) {
      const sig = s.toUpperCase() === 'EXIT' || s === '0' ? 0 : parseSignal(s);
      if (sig === undefined) {
        sh.err(io, `trap: ${s}: bad trap`);
        return 1;
      }
      if (reset) {
        sh.traps.delete(sig);
        if (sig) sh.proc.dispositions.delete(sig);
      } else {
        sh.traps.set(sig, action);
        if (sig) sh.proc.dispositions.set(sig, action === '' ? 'ignore' : 'catch');
      }
    }
    return 0;
  },

  *wait(sh, argv, io) {
    const pids = argv.slice(1).map(Number);
    let status = 0;
    if (!pids.length) {
      for (;;) {
        const r = yield { op: 'waitAny' };
        if (r && 'interrupted' in r) {
          yield* sh.handleSignals(io);
          return 128 + r.interrupted;
        }
        if (!r || !('exited' in r) || r.exited === 0) return 0;
      }
    }
    for (const pid of pids) {
      const r = yield { op: 'wait', pid };
      if (r && 'interrupted' in r) {
        yield* sh.handleSignals(io);
        return 128 + r.interrupted;
      }
      if (r && 'exited' in r) status = r.status.signal ? 128 + r.status.signal : r.status.code;
    }
    return status;
  },

  *kill(sh, argv, io) {
    let sig = 15;
    let args = argv.slice(1);
    if (args[0] === '-l') {
      // busybox print_signames: one `%2u) %s` line per signal of the x86_64 table.
      io.stdout.write(LINUX_SIGNALS.map((n, i) => `${String(i + 1).padStart(2)}) ${n}\n`).join(''));
      return 0;
    }
    if (args[0] === '-s') {
      const s = parseSignal(args[1] ?? '');
      if (s === undefined) {
        sh.err(io, `kill: bad signal name '${args[1] ?? ''}'`);
        return 1;
      }
      sig = s;
      args = args.slice(2);
    } else if (args[0]?.startsWith('-') && args[0] !== '--') {
      const s = parseSignal(args[0].slice(1));
      if (s === undefined) {
        sh.err(io, `kill: bad signal name '${args[0].slice(1)}'`);
        return 1;
      }
      sig = s;
      args = args.slice(1);
    }
    if (!args.length) {
      sh.err(io, 'kill: usage: kill [-s SIGNAL | -SIGNAL] PID...');
      return 1;
    }
    let status = 0;
    for (const a of args) {
      const pid = Number(a);
      const target = Number.isInteger(pid) ? sh.proc.ns.procs.get(pid) : undefined;
      if (!target || !target.alive) {
        sh.err(io, `can't kill pid ${a}: No such process`);
        status = 1;
        continue;
      }
      sh.hooks.kill(target, sig);
    }
    return status;
  },

  *type(sh, argv, io) {
    let status = 0;
    for (const n of argv.slice(1)) {
      if (BUILTINS[n]) io.stdout.write(`${n} is a shell builtin\n`);
      else if (sh.funcs.has(n)) io.stdout.write(`${n} is a function\n`);
      else {
        const f = sh.proc.host.resolveProgram(n, sh.getVar('PATH') ?? '/bin');
        if (f) io.stdout.write(`${n} is ${f.path}\n`);
        else {
          io.stdout.write(`${n}: not found\n`);
          status = 127;
        }
      }
    }
    return status;
  },
  *command(sh, argv, io) {
    const args = argv.slice(1);
    if (args[0] === '-v') {
      const n = args[1];
      if (!n) return 1;
      if (BUILTINS[n] || sh.funcs.has(n)) {
        io.stdout.write(n + '\n');
        return 0;
      }
      const f = sh.proc.host.resolveProgram(n, sh.getVar('PATH') ?? '/bin');
      if (!f) return 127;
      io.stdout.write(f.path + '\n');
      return 0;
    }
    if (!args.length) return 0;
    const b = BUILTINS[args[0]];
    if (b) return yield* b(sh, args, io);
    return yield* sh.runExternal(args, new Map(), io, false);
  },
  *umask(_sh, _argv, io) {
    io.stdout.write('0022\n');
    return 0;
  },
};

const LINUX_SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'];

function* runTest(sh: Shell, args: string[], io: IO): Gen<number> {
  const r = evalTest(args, sh.proc.host.fs, sh.proc.cwd);
  if (typeof r === 'string') {
    sh.err(io, `${r}`);
    return 2;
  }
  return r ? 0 : 1;
}

function parseExitNumber(sh: Shell, s: string, builtin: string, io: IO): number {
  if (!/^-?\d+$/.test(s)) {
    sh.err(io, `${builtin}: Illegal number: ${s}`);
    throw new ExitUnwind(2);
  }
  return Number(s);
}

export function unescapeC(s: string): string {
  return s.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'v': return '\v';
      case '\\': return '\\';
      case '0': return String.fromCharCode(parseInt(e.slice(1) || '0', 8));
      case 'x': return String.fromCharCode(parseInt(e.slice(1), 16));
      default: return m;
    }
  });
}

export function shellQuote(v: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]*$/.test(v) && v !== '' ? `'${v}'` : `'${v.replace(/'/g, `'"'"'`)}'`;
}

export { ShellError };
