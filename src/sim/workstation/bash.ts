/**
 * The workstation's bash is the containers' shell interpreter (src/sim/shell/interpreter.ts) with
 * bash's dialect: bash's syntax (here-strings, `[[ ]]`, `(( ))`, `&>`, `function`), its builtins
 * where they differ from ash's or touch the workstation (cd, test, printf, read, local, break,
 * export, type, history, source, jobs, kill …), aliases, background jobs in a job table, and
 * bash's wording for errors. Every shell construct — loops, conditionals, functions, expansions,
 * redirections, pipelines — has its one implementation in src/sim/shell.
 *
 * Two flavours: the interactive login shell (aliases, Ubuntu's command-not-found handler,
 * `bash: syntax error near unexpected token` …) and `bash -c` scripts (no aliases,
 * `bash: -c: line 1: …` for syntax errors, `bash: line 1: foo: command not found`).
 */
import type { TerminalIO } from '../kubectl/context';
import type { Command, List } from '../shell/ast';
import { BUILTINS, type Builtin } from '../shell/builtins';
import { BreakUnwind, ReturnUnwind } from '../shell/context';
import { Shell, type IO, type ShellDialect } from '../shell/interpreter';
import { ShellSyntaxError } from '../shell/parser';
import { evalTest } from '../shell/test';
import { formatPrintf } from '../shell/printf';
import { ArithError, evalArith } from '../shell/arith';
import { parseSignal } from '../runtime/signals';
import { normalize } from '../runtime/fs';
import type { Process, Program, ProgramGen } from '../runtime/process';
import type { HomeFiles } from './files';
import type { CommandHistory } from './history';
import type { WorkstationKernel } from './tasks';
import type { JobTable } from './jobs';
import { commandNotFound, commandQuery, exportBuiltin, typeBuiltin, unsetBuiltin, type CommandsHost } from './commands';
import { completeBuiltin, readSourced } from './builtins';

/** What bash needs of the workstation. */
export interface BashHost {
  readonly kernel: WorkstationKernel;
  readonly files: HomeFiles;
  readonly aliases: Map<string, string>;
  readonly hashed: Map<string, string>;
  readonly history: CommandHistory;
  readonly completions: Map<string, string>;
  readonly jobs: JobTable;
  now(): number;
}

const tio = (io: IO): TerminalIO => ({ out: (t) => io.stdout.write(t), err: (t) => io.stderr.write(t) });

/** commands.ts works on a variable table: this shell's (a subshell's `export` stays in the subshell). */
function commandsHost(host: BashHost, sh: Shell): CommandsHost {
  return { env: sh.vars, exported: sh.exported, aliases: host.aliases, hashed: host.hashed, files: host.files };
}

/** bash's message for a syntax error; `script` is `$0` of a `bash -c` string. */
export function bashSyntaxMessage(e: ShellSyntaxError, src: string, script?: string): string {
  const m = e.message.match(/^syntax error: unexpected "(.*)"/);
  // bash -c names the string's line; the end of file is on the line after the last one.
  const eof = /unexpected end of file/.test(e.message);
  const where = script ? `${script}: -c: line ${e.line + (eof ? 1 : 0)}: ` : 'bash: ';
  if (m) {
    const text = src.split('\n')[e.line - 1] ?? '';
    return `${where}syntax error near unexpected token \`${m[1]}'\n` + (script ? `${where}\`${text}'\n` : '');
  }
  if (/unterminated quoted string/.test(e.message)) return `${where}unexpected EOF while looking for matching \`${quoteOpened(src)}'\n`;
  return `${where}${e.message.replace(/ \(expecting.*\)$/, '')}\n`;
}

function quoteOpened(src: string): string {
  let q = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (q) {
      if (c === q) q = '';
      else if (c === '\\' && q === '"') i++;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') q = c;
  }
  return q || '"';
}

export function bashDialect(host: BashHost, login: boolean): ShellDialect {
  return {
    bash: true,
    builtins: bashBuiltins(host),
    alias: login ? (name) => host.aliases.get(name) : undefined,
    notFound(sh, name, io) {
      if (name.includes('/')) {
        // A path is run or not; no lookup, no command-not-found handler.
        const st = sh.proc.host.fs.statFollow(normalize(name, sh.proc.cwd));
        io.stderr.write(`${sh.errorPrefix}: ${name}: ${st?.type === 'dir' ? 'Is a directory' : st ? 'Permission denied' : 'No such file or directory'}\n`);
        return st ? 126 : 127;
      }
      if (login) return commandNotFound(name, tio(io));
      io.stderr.write(`${sh.errorPrefix}: line ${sh.lineno}: ${name}: command not found\n`);
      return 127;
    },
    redirectError(sh, _op, target, errno, io) {
      io.stderr.write(`${sh.errorPrefix}: ${target}: ${errno}\n`);
    },
    syntaxError(sh, e, src, io) {
      io.stderr.write(bashSyntaxMessage(e, src, login ? undefined : sh.errorPrefix));
    },
    background(sh, cmd, io) {
      // The job is a copy of this shell in a process of its own that outlives the command line.
      const fds = { stdin: undefined, stdout: io.stdout, stderr: io.stderr };
      const task = host.kernel.spawnProgram(undefined, ['bash'], sh.childEnv(), sh.proc.cwd, fds, (p) => {
        const sub = new Shell(p, sh.hooks, sh.now, p.pid);
        sh.copyInto(sub);
        sub.dialect = sh.dialect;
        return sub.runTop({ items: [{ cmd, async: false }] }, { stdin: undefined, stdout: p.fds.stdout, stderr: p.fds.stderr }, true);
      });
      sh.lastBgPid = task.proc.pid;
      host.jobs.add(task, commandText(cmd), tio(io));
    },
  };
}

/** A new bash on process `p` (the login shell, `bash -c`), its variables from the environment. */
export function newBash(host: BashHost, p: Process, login: boolean, dialect = bashDialect(host, login)): Shell {
  const sh = new Shell(p, host.kernel.hooks, () => host.now());
  sh.dialect = dialect;
  sh.errorPrefix = 'bash';
  sh.arg0 = 'bash';
  return sh;
}

/**
 * `bash -c 'STRING' [NAME [ARGS…]]` and `bash FILE [ARGS…]` (also as sh and dash), in a process of
 * their own: a fresh shell that sees only exported variables.
 */
export function bashProgram(host: BashHost): Program {
  const dialect = bashDialect(host, false);
  return function* (p): ProgramGen {
    const invoked = p.argv[0];
    const name = invoked.slice(invoked.lastIndexOf('/') + 1);
    const args = p.argv.slice(1);
    const sh = newBash(host, p, false, dialect);
    for (const [k, v] of p.env) sh.exportVar(k, v);
    sh.vars.set('IFS', ' \t\n');
    const io: IO = { stdin: p.fds.stdin, stdout: p.fds.stdout, stderr: p.fds.stderr };
    if (args[0] === '-c') {
      if (args[1] === undefined) {
        p.fds.stderr.write(`${invoked}: -c: option requires an argument\n`);
        return 2;
      }
      sh.arg0 = args[2] ?? invoked;
      sh.errorPrefix = sh.arg0;
      sh.positional = args.slice(3);
      return yield* sh.runScript(args[1], io);
    }
    if (args[0] !== undefined && !args[0].startsWith('-')) {
      let src: string;
      try {
        src = p.host.fs.readFile(normalize(args[0], p.cwd));
      } catch {
        p.fds.stderr.write(`${name}: ${args[0]}: No such file or directory\n`);
        return 127;
      }
      sh.arg0 = sh.errorPrefix = args[0];
      sh.positional = args.slice(1);
      return yield* sh.runScript(src, io);
    }
    p.fds.stderr.write(`${name}: Pod Lab's workstation runs one shell; run commands directly (or ${name} -c 'COMMANDS')\n`);
    return 2;
  };
}

function bashBuiltins(host: BashHost): Record<string, Builtin> {
  const table: Record<string, Builtin> = {};
  // ash's builtins whose behaviour bash shares.
  for (const n of [':', 'true', 'false', 'echo', 'eval', 'shift', 'set', 'trap', 'readonly', 'umask', 'exit', 'exec']) table[n] = BUILTINS[n];
  let sourcing = 0;
  Object.assign(table, {
    *return(sh, argv, io) {
      if (!sh.localFrames.length && !sourcing) return fail(io, "bash: return: can only `return' from a function or sourced script");
      return yield* BUILTINS.return(sh, argv, io);
    },
    *cd(sh, argv, io) {
      if (argv.length > 2) return fail(io, 'bash: cd: too many arguments');
      let target: string | undefined = argv[1] ?? sh.getVar('HOME');
      if (target === undefined) return fail(io, 'bash: cd: HOME not set');
      const back = target === '-';
      if (back) {
        target = sh.getVar('OLDPWD');
        if (target === undefined) return fail(io, 'bash: cd: OLDPWD not set');
      }
      const path = normalize(target, sh.proc.cwd);
      const st = sh.proc.host.fs.statFollow(path);
      if (!st || st.type !== 'dir') return fail(io, `bash: cd: ${target}: ${st ? 'Not a directory' : 'No such file or directory'}`);
      sh.setVar('OLDPWD', sh.proc.cwd);
      sh.proc.cwd = path;
      sh.setVar('PWD', path);
      if (back) io.stdout.write(path + '\n');
      return 0;
    },
    *pwd(sh, _argv, io) {
      io.stdout.write(sh.proc.cwd + '\n');
      return 0;
    },
    *test(_sh, argv, io) {
      return bashTest(argv.slice(1), 'test', host.files, io);
    },
    *'['(_sh, argv, io) {
      if (argv[argv.length - 1] !== ']') return fail(io, "bash: [: missing `]'", 2);
      return bashTest(argv.slice(1, -1), '[', host.files, io);
    },
    *printf(sh, argv, io) {
      let args = argv.slice(1);
      let target: string | undefined;
      if (args[0] === '-v') {
        target = args[1];
        args = args.slice(2);
      }
      if (!args.length) return fail(io, 'printf: usage: printf [-v var] format [arguments]', 2);
      const r = formatPrintf(args[0], args.slice(1));
      if (target) sh.setVar(target, r.out);
      else io.stdout.write(r.out);
      for (const e of r.errors) io.stderr.write(`bash: printf: ${e}\n`);
      return r.errors.length ? 1 : 0;
    },
    *read(sh, argv, io) {
      // Options bash's read takes that ash's does not know: -p PROMPT, -s, -t N, -n N, -d C.
      const pass: string[] = ['read'];
      for (let i = 1; i < argv.length; i++) {
        const a = argv[i];
        if (a === '-p') io.stderr.write(argv[++i] ?? '');
        else if (a === '-t' || a === '-n' || a === '-N' || a === '-d' || a === '-u') i++;
        else if (/^-[rs]+$/.test(a)) {
          if (a.includes('r')) pass.push('-r');
        } else pass.push(a);
      }
      return yield* BUILTINS.read(sh, pass, io);
    },
    *let(sh, argv, io) {
      if (argv.length < 2) return fail(io, 'bash: let: expression expected');
      let v = 0;
      for (const e of argv.slice(1)) {
        try {
          v = evalArith(e, { get: (n) => sh.getVar(n), set: (n, x) => sh.setVar(n, x) });
        } catch (err) {
          if (!(err instanceof ArithError)) throw err;
          return fail(io, `bash: let: ${e}: ${err.message}`);
        }
      }
      return v === 0 ? 1 : 0;
    },
    *local(sh, argv, io) {
      const frame = sh.localFrames[sh.localFrames.length - 1];
      if (!frame) return fail(io, 'bash: local: can only be used in a function');
      for (const a of argv.slice(1).filter((x) => !/^-[a-zA-Z]+$/.test(x))) {
        const i = a.indexOf('=');
        const name = i >= 0 ? a.slice(0, i) : a;
        if (!frame.has(name)) frame.set(name, sh.getVar(name));
        // bash: a local variable starts out unset unless given a value.
        if (i >= 0) sh.setVar(name, a.slice(i + 1));
        else sh.vars.delete(name);
      }
      return 0;
    },
    *break(sh, argv, io) {
      return loopControl(sh, argv, io, false);
    },
    *continue(sh, argv, io) {
      return loopControl(sh, argv, io, true);
    },
    *export(sh, argv, io) {
      return exportBuiltin(commandsHost(host, sh), argv.slice(1), tio(io));
    },
    *unset(sh, argv, io) {
      const args = argv.slice(1);
      if (args[0] === '-f') {
        for (const n of args.slice(1)) sh.funcs.delete(n);
        return 0;
      }
      const names = args.filter((a) => a !== '-v');
      const st = unsetBuiltin(commandsHost(host, sh), names, tio(io));
      for (const n of names) if (!sh.vars.has(n)) sh.funcs.delete(n);
      return st;
    },
    *type(sh, argv, io) {
      const args = argv.slice(1);
      const fns = args.filter((n) => sh.funcs.has(n) && !host.aliases.has(n));
      for (const n of fns) io.stdout.write(args.includes('-t') ? 'function\n' : `${n} is a function\n`);
      const rest = args.filter((n) => !fns.includes(n));
      return rest.some((a) => !a.startsWith('-')) ? typeBuiltin(commandsHost(host, sh), rest, tio(io)) : 0;
    },
    *command(sh, argv, io) {
      const args = argv.slice(1);
      if (args[0] === '-v' || args[0] === '-V') {
        let st = 0;
        for (const n of args.slice(1)) {
          if (sh.funcs.has(n) && !host.aliases.has(n)) io.stdout.write(args[0] === '-v' ? `${n}\n` : `${n} is a function\n`);
          else st |= commandQuery(commandsHost(host, sh), args[0] === '-V', [n], tio(io));
        }
        return st;
      }
      if (!args.length) return 0;
      // `command NAME`: no functions, no aliases.
      const b = sh.dialect.builtins[args[0]];
      if (b) return yield* b(sh, args, io);
      return yield* sh.runExternal(args, new Map(), io, false);
    },
    *alias(_sh, argv, io) {
      const args = argv.slice(1).filter((a) => a !== '-p');
      if (!args.length) for (const [k, v] of [...host.aliases].sort()) io.stdout.write(`alias ${k}='${v}'\n`);
      let st = 0;
      for (const a of args) {
        const i = a.indexOf('=');
        if (i > 0) host.aliases.set(a.slice(0, i), a.slice(i + 1));
        else if (host.aliases.has(a)) io.stdout.write(`alias ${a}='${host.aliases.get(a)}'\n`);
        else st = fail(io, `bash: alias: ${a}: not found`);
      }
      return st;
    },
    *unalias(_sh, argv, io) {
      let st = 0;
      for (const a of argv.slice(1)) {
        if (a === '-a') host.aliases.clear();
        else if (!host.aliases.delete(a)) st = fail(io, `bash: unalias: ${a}: not found`);
      }
      return st;
    },
    *history(_sh, argv, io) {
      return host.history.builtin(argv.slice(1), tio(io));
    },
    *complete(_sh, argv, io) {
      return completeBuiltin(host, argv.slice(1), tio(io));
    },
    *source(sh, argv, io) {
      const text = readSourced(host, argv[0], argv.slice(1), tio(io));
      if (typeof text === 'number') return text;
      const saved = sh.positional;
      if (argv.length > 2) sh.positional = argv.slice(2);
      sourcing++;
      try {
        return yield* sh.runScriptNested(text, io);
      } catch (e) {
        if (e instanceof ReturnUnwind) return e.status;
        throw e;
      } finally {
        sourcing--;
        if (argv.length > 2) sh.positional = saved;
      }
    },
    *jobs(_sh, _argv, io) {
      return host.jobs.list(tio(io));
    },
    *wait() {
      if (!host.jobs.allDone()) yield { op: 'until', done: () => host.jobs.allDone() } as never;
      host.jobs.collect();
      return 0;
    },
    *kill(sh, argv, io) {
      let sig = 15;
      let args = argv.slice(1);
      if (args[0] === '-l') return yield* BUILTINS.kill(sh, argv, io);
      if (args[0] === '-s' || (args[0]?.startsWith('-') && args[0] !== '--')) {
        const spec = args[0] === '-s' ? args[1] ?? '' : args[0].slice(1);
        const s = parseSignal(spec);
        if (s === undefined) return fail(io, `bash: kill: ${spec}: invalid signal specification`);
        sig = s;
        args = args.slice(args[0] === '-s' ? 2 : 1);
      }
      if (!args.length) return fail(io, 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 2);
      let st = 0;
      for (const a of args) {
        if (a.startsWith('%')) {
          if (!host.jobs.kill(a, sig, tio(io))) st = fail(io, `bash: kill: ${a}: no such job`);
          continue;
        }
        const target = /^\d+$/.test(a) ? host.kernel.ns.procs.get(Number(a)) : undefined;
        if (!/^-?\d+$/.test(a)) st = fail(io, `bash: kill: ${a}: arguments must be process or job IDs`);
        else if (!target || !target.alive) st = fail(io, `bash: kill: (${a}) - No such process`);
        else host.kernel.hooks.kill(target, sig);
      }
      return st;
    },
  } satisfies Record<string, Builtin>);
  table['.'] = table.source;
  return table;
}

function fail(io: IO, msg: string, status = 1): number {
  io.stderr.write(msg + '\n');
  return status;
}

function loopControl(sh: Shell, argv: string[], io: IO, isContinue: boolean): number {
  const name = isContinue ? 'continue' : 'break';
  if (sh.loopDepth === 0) {
    io.stderr.write(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
    return 0;
  }
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n)) return fail(io, `bash: ${name}: ${argv[1]}: numeric argument required`, 128);
  if (n < 1) return fail(io, `bash: ${name}: ${argv[1]}: loop count out of range`);
  throw new BreakUnwind(Math.min(n, sh.loopDepth), isContinue);
}

/**
 * test / [ with bash's messages. bash decides by the number of arguments first (POSIX), which is
 * where its wording comes from; longer expressions go to the shared evaluator.
 */
function bashTest(args: string[], name: string, files: HomeFiles, io: IO): number {
  const say = (m: string) => fail(io, `bash: ${name}: ${m}`, 2);
  const unary = /^-[a-zA-Z]$/;
  if (args.length === 2 && args[0] !== '!' && !unary.test(args[0])) return say(`${args[0]}: unary operator expected`);
  if (args.length === 3 && args[0] !== '!' && args[0] !== '(' && !BINARY.has(args[1]) && args[1] !== '-a' && args[1] !== '-o') return say(`${args[1]}: binary operator expected`);
  const r = evalTest(args, files.fs, files.cwd);
  if (typeof r === 'string') {
    const num = r.match(/invalid number '(.*)'/);
    if (num) return say(`${num[1]}: integer expression expected`);
    if (/missing \)/.test(r)) return say("`)' expected");
    const extra = r.match(/test: (.*): unknown operand/);
    return say(extra ? 'too many arguments' : r.replace(/^test: /, ''));
  }
  return r ? 0 : 1;
}

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** A command as bash shows it in job notices (`[1]+  Done   sleep 2`). */
export function commandText(cmd: Command): string {
  const list = (l: List) => l.items.map((it) => commandText(it.cmd) + (it.async ? ' &' : '')).join('; ');
  switch (cmd.t) {
    case 'simple':
      return [...cmd.assigns.map((a) => `${a.name}=${a.value.raw}`), ...cmd.words.map((w) => w.raw), ...cmd.redirs.map((r) => `${r.fd === 1 || r.fd === 0 ? '' : r.fd}${r.op} ${r.target.raw}`)].join(' ');
    case 'pipeline':
      return (cmd.bang ? '! ' : '') + cmd.cmds.map(commandText).join(' | ');
    case 'andor':
      return [commandText(cmd.first), ...cmd.rest.map((r) => `${r.op} ${commandText(r.cmd)}`)].join(' ');
    case 'subshell':
      return `( ${list(cmd.body)} )`;
    case 'group':
      return `{ ${list(cmd.body)}; }`;
    case 'while':
      return `${cmd.until ? 'until' : 'while'} ${list(cmd.cond)}; do ${list(cmd.body)}; done`;
    case 'for':
      return `for ${cmd.name}${cmd.items ? ` in ${cmd.items.map((w) => w.raw).join(' ')}` : ''}; do ${list(cmd.body)}; done`;
    case 'if':
      return `if ${cmd.clauses.map((c, i) => `${i ? 'elif ' : ''}${list(c.cond)}; then ${list(c.body)}; `).join('')}${cmd.else ? `else ${list(cmd.else)}; ` : ''}fi`;
    default:
      return cmd.t;
  }
}
