/**
 * The executor of busybox ash semantics over the syntax tree. Builtins run inside the shell
 * process; everything else — external commands, pipeline stages, subshells, `$(...)` — runs in
 * child processes, as fork/exec would, so PIDs, `ps`, signals and exit statuses look real.
 *
 * It is the one implementation of every shell construct in Pod Lab: the containers' ash, dash
 * and bash run it with ash's dialect, and the learner's workstation runs it with bash's
 * (src/sim/workstation/bash.ts): a `ShellDialect` brings the builtins, bash's syntax extensions
 * (parser option), aliases, background jobs and the wording of errors; control flow, expansion
 * and pipelines stay here, redirections are applied by ./redirect.ts.
 */
import type { Command, List, Redir, Word } from './ast';
import { Parser, ShellSyntaxError } from './parser';
import { evalCond, type CondToken } from './cond';
import { ArithError, evalArith } from './arith';
import { expandOne, expandWords } from './expand';
import { BreakUnwind, ExitUnwind, InterruptUnwind, ReturnUnwind, ShellCtx, ShellError } from './context';
import { BUILTINS, type Builtin } from './builtins';
import { globMatch } from './pattern';
import { applyRedirs, closedPipe } from './redirect';
import type { Process, Program, Syscall, SyscallResult } from '../runtime/process';
import { Pipe, type Writable } from '../runtime/pipe';
import { normalize } from '../runtime/fs';

type Gen<T> = Generator<Syscall, T, SyscallResult>;

export interface IO {
  stdin?: Pipe;
  stdout: Writable;
  stderr: Writable;
}

/** Commands run without blocking before the shell is charged 1 ms of virtual CPU and preempted. */
const COMMANDS_PER_CPU_MS = 10;

/** What makes a shell ash or bash beyond the grammar (see the comment at the top). */
export interface ShellDialect {
  /** Parse with bash's extensions (here-strings, `[[ ]]`, `(( ))`, `&>`, `function`). */
  readonly bash: boolean;
  readonly builtins: Record<string, Builtin>;
  /** An alias for a command word, expanded before lookup. */
  alias?(name: string): string | undefined;
  /** No such command: say so (stderr) and return the status (127). */
  notFound(sh: Shell, name: string, io: IO): number;
  /** A redirection failed (`errno` text: No such file or directory …). */
  redirectError(sh: Shell, op: Redir['op'], target: string, errno: string, io: IO): void;
  /** A syntax error in `src` (a script, `eval`, a trap). */
  syntaxError(sh: Shell, e: ShellSyntaxError, src: string, io: IO): void;
  /** `cmd &`: start it as a job; without this hook, a child process nobody waits for. */
  background?(sh: Shell, cmd: Command, io: IO): void;
}

export const ASH_DIALECT: ShellDialect = {
  bash: false,
  builtins: BUILTINS,
  notFound(sh, name, io) {
    if (name.includes('/') && sh.proc.host.fs.stat(normalize(name, sh.proc.cwd))?.type === 'dir') {
      sh.err(io, `${name}: Permission denied`);
      return 126;
    }
    sh.err(io, `${name}: not found`);
    return 127;
  },
  redirectError(sh, op, target, errno, io) {
    sh.err(io, `${op === '<' ? `can't open '${target}'` : `can't create ${target}`}: ${errno}`);
  },
  syntaxError(sh, e, _src, io) {
    sh.err(io, e.message);
  },
};

export interface ShellHooks {
  /** Spawn a program as a child of `parent` (the runtime's fork+exec). */
  spawn(parent: Process, argv: string[], env: Map<string, string>, io: IO, program: Program): Process;
  kill(target: Process, sig: number): void;
  /** Replace a process's descriptors (exec with redirections). */
  redirect(p: Process, io: IO): void;
}

export class Shell extends ShellCtx {
  dialect: ShellDialect = ASH_DIALECT;
  private steps = 0;
  private lastNow = -1;
  private condDepth = 0;
  private topPid: number;

  constructor(
    proc: Process,
    public readonly hooks: ShellHooks,
    public readonly now: () => number,
    topPid?: number,
  ) {
    super(proc);
    this.topPid = topPid ?? proc.pid;
  }

  /** A new run of commands starts (the workstation's next line): CPU charging counts from zero. */
  resetCpuCharge(): void {
    this.steps = 0;
  }

  shellPid(): number {
    return this.topPid;
  }

  /** Write an error the way ash does: `sh: msg`. */
  err(io: IO, msg: string): void {
    io.stderr.write(`${this.errorPrefix}: ${msg}\n`);
  }

  // ---- entry points ----

  /** Parse and run a script; returns its exit status (EXIT trap included). */
  *runScript(src: string, io: IO, execLast = false): Gen<number> {
    let list: List;
    try {
      list = Parser.parse(src, { bash: this.dialect.bash });
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        if (this.dialect !== ASH_DIALECT) this.dialect.syntaxError(this, e, src, io);
        else this.err(io, e.message.startsWith('syntax error') && e.line > 1 ? `line ${e.line}: ${e.message}` : e.message);
        return 2;
      }
      throw e;
    }
    return yield* this.runTop(list, io, execLast);
  }

  /** `eval` and `.`: run source in this shell, without the EXIT trap or a new process. */
  *runScriptNested(src: string, io: IO): Gen<number> {
    let list: List;
    try {
      list = Parser.parse(src, { bash: this.dialect.bash });
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        this.dialect.syntaxError(this, e, src, io);
        return 2;
      }
      throw e;
    }
    return yield* this.runList(list, io);
  }

  *runTop(list: List, io: IO, execLast = false): Gen<number> {
    let status = 0;
    try {
      status = yield* this.runList(list, io, execLast);
    } catch (e) {
      if (e instanceof ExitUnwind) status = e.status;
      else if (e instanceof ShellError) {
        this.err(io, e.message);
        status = e.status;
      } else if (e instanceof BreakUnwind || e instanceof ReturnUnwind) status = this.status;
      else throw e;
    }
    this.status = status;
    status = yield* this.runExitTrap(io, status);
    return status;
  }

  private *runExitTrap(io: IO, status: number): Gen<number> {
    const t = this.traps.get(0);
    if (!t) return status;
    this.traps.delete(0);
    try {
      yield* this.runScript(t, io);
    } catch (e) {
      if (e instanceof ExitUnwind) return e.status;
      throw e;
    }
    return status;
  }

  // ---- lists and commands ----

  *runList(list: List, io: IO, execLast = false): Gen<number> {
    let status = this.status;
    const n = list.items.length;
    for (let i = 0; i < n; i++) {
      const { cmd, async } = list.items[i];
      if (async && this.dialect.background) {
        this.dialect.background(this, cmd, io);
        status = 0;
      } else if (async) {
        const child = this.spawnSubshell((sub) => sub.runCommand(cmd, { ...io, stdin: io.stdin ?? closedPipe() }, true), io);
        this.lastBgPid = child.pid;
        status = 0;
      } else {
        status = yield* this.runCommand(cmd, io, execLast && i === n - 1);
      }
      this.status = status;
      yield* this.handleSignals(io);
    }
    return status;
  }

  *runCommand(cmd: Command, io: IO, execLast = false): Gen<number> {
    let status: number;
    switch (cmd.t) {
      case 'simple':
        status = yield* this.runSimple(cmd, io, execLast);
        break;
      case 'pipeline':
        status = yield* this.runPipeline(cmd.cmds, io);
        if (cmd.bang) status = status === 0 ? 1 : 0;
        break;
      case 'andor': {
        this.condDepth++;
        try {
          status = yield* this.runCommand(cmd.first, io);
        } finally {
          this.condDepth--;
        }
        for (let k = 0; k < cmd.rest.length; k++) {
          const { op, cmd: c } = cmd.rest[k];
          if ((op === '&&') !== (status === 0)) continue;
          const last = k === cmd.rest.length - 1;
          if (!last) this.condDepth++;
          try {
            status = yield* this.runCommand(c, io);
          } finally {
            if (!last) this.condDepth--;
          }
        }
        return status;
      }
      case 'subshell':
        status = yield* this.withRedirs(cmd.redirs, io, function* (this: Shell, rio: IO) {
          const child = this.spawnSubshell((sub) => sub.runTop(cmd.body, rio, true), rio);
          return yield* this.waitChild(child);
        });
        break;
      case 'group':
        status = yield* this.withRedirs(cmd.redirs, io, (rio) => this.runList(cmd.body, rio));
        break;
      case 'if':
        status = yield* this.withRedirs(cmd.redirs, io, function* (this: Shell, rio: IO) {
          for (const c of cmd.clauses) {
            const ok = yield* this.runCondition(c.cond, rio);
            if (ok === 0) return yield* this.runList(c.body, rio);
          }
          return cmd.else ? yield* this.runList(cmd.else, rio) : 0;
        });
        break;
      case 'while':
        status = yield* this.withRedirs(cmd.redirs, io, function* (this: Shell, rio: IO) {
          let last = 0;
          this.loopDepth++;
          try {
            for (;;) {
              const c = yield* this.runCondition(cmd.cond, rio);
              if ((c === 0) === cmd.until) break;
              const r = yield* this.runLoopBody(cmd.body, rio);
              if (r === BREAK) break;
              last = r;
            }
          } finally {
            this.loopDepth--;
          }
          return last;
        });
        break;
      case 'for':
        status = yield* this.withRedirs(cmd.redirs, io, function* (this: Shell, rio: IO) {
          const items = cmd.items ? yield* expandWords(this, cmd.items) : [...this.positional];
          let last = 0;
          this.loopDepth++;
          try {
            for (const it of items) {
              this.setVar(cmd.name, it);
              const r = yield* this.runLoopBody(cmd.body, rio);
              if (r === BREAK) break;
              last = r;
            }
          } finally {
            this.loopDepth--;
          }
          return last;
        });
        break;
      case 'cond':
        status = yield* this.withRedirs(cmd.redirs, io, (rio) => this.runCond(cmd, rio));
        break;
      case 'arith':
        status = yield* this.withRedirs(cmd.redirs, io, function* (this: Shell, rio: IO) {
          const expr = yield* expandOne(this, cmd.expr);
          try {
            return evalArith(expr, { get: (n) => this.getVar(n), set: (n, v) => this.setVar(n, v) }) !== 0 ? 0 : 1;
          } catch (e) {
            if (!(e instanceof ArithError)) throw e;
            this.err(rio, `((: ${expr.trim()}: ${e.message}`);
            return 1;
          }
        });
        break;
      case 'case':
        status = yield* this.withRedirs(cmd.redirs, io, function* (this: Shell, rio: IO) {
          const w = yield* expandOne(this, cmd.word);
          for (const item of cmd.items) {
            for (const p of item.patterns) {
              const pat = yield* expandPattern(this, p);
              if (globMatch(pat.text, w, pat.mask)) return yield* this.runList(item.body, rio);
            }
          }
          return 0;
        });
        break;
      case 'func':
        this.funcs.set(cmd.name, cmd.body);
        status = 0;
        break;
    }
    this.status = status;
    if (status !== 0 && this.opts.errexit && this.condDepth === 0 && cmd.t !== 'pipeline') throw new ExitUnwind(status);
    if (cmd.t === 'pipeline' && status !== 0 && this.opts.errexit && this.condDepth === 0 && !cmd.bang) throw new ExitUnwind(status);
    return status;
  }

  /** `[[ … ]]`: operands expanded without splitting or globbing, then bash's conditional grammar. */
  private *runCond(cmd: Command & { t: 'cond' }, io: IO): Gen<number> {
    this.lineno = cmd.line;
    yield* this.charge();
    const tokens: CondToken[] = [];
    for (const it of cmd.items) {
      if ('op' in it) tokens.push(it);
      else tokens.push(yield* expandPattern(this, it.word));
    }
    const r = evalCond(
      tokens,
      {
        fs: this.proc.host.fs,
        cwd: this.proc.cwd,
        arith: (e) => evalArith(e, { get: (n) => this.getVar(n), set: (n, v) => this.setVar(n, v) }),
        setMatch: (m) => (m ? this.setVar('BASH_REMATCH', m[0]) : this.unsetVar('BASH_REMATCH')),
      },
      (n) => this.getVar(n) !== undefined,
    );
    if (typeof r === 'string') {
      this.err(io, r);
      return 2;
    }
    return r ? 0 : 1;
  }

  /** One iteration of a loop body: its status, or BREAK; `continue`/`break N` unwind as far as they reach. */
  private *runLoopBody(body: List, io: IO): Gen<number | typeof BREAK> {
    let status: number | typeof BREAK;
    try {
      status = yield* this.runList(body, io);
    } catch (e) {
      if (!(e instanceof BreakUnwind)) throw e;
      if (--e.levels > 0) throw e;
      status = e.isContinue ? this.status : BREAK;
    }
    yield* this.charge();
    return status;
  }

  private *runCondition(list: List, io: IO): Gen<number> {
    this.condDepth++;
    try {
      return yield* this.runList(list, io);
    } finally {
      this.condDepth--;
    }
  }

  /** Preemption point: a shell that keeps running without blocking pays virtual CPU time. */
  *charge(): Gen<void> {
    const t = this.now();
    if (t !== this.lastNow) {
      this.lastNow = t;
      this.steps = 0;
      return;
    }
    if (++this.steps >= COMMANDS_PER_CPU_MS) {
      this.steps = 0;
      yield { op: 'cpu', ms: 1 };
      this.lastNow = this.now();
    }
  }

  /** Run traps for signals that arrived (ash runs them between commands). */
  *handleSignals(io: IO): Gen<void> {
    const p = this.proc;
    while (p.pendingSignals.length) {
      const sig = p.pendingSignals.shift()!;
      const t = this.traps.get(sig);
      if (t === undefined && sig === 2 && this.interactive) throw new InterruptUnwind();
      if (t === undefined) continue;
      if (t === '') continue;
      const saved = this.status;
      yield* this.runList(Parser.parse(t, { bash: this.dialect.bash }), io);
      this.status = saved;
    }
  }

  // ---- pipelines ----

  private *runPipeline(cmds: Command[], io: IO): Gen<number> {
    if (cmds.length === 1) return yield* this.runCommand(cmds[0], io);
    const children: Process[] = [];
    let stdin = io.stdin;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      const pipe = last ? undefined : new Pipe();
      const stageIo: IO = { stdin: stdin ?? closedPipe(), stdout: pipe ?? io.stdout, stderr: io.stderr };
      const c = cmds[i];
      children.push(this.spawnSubshell((sub) => sub.runTop({ items: [{ cmd: c, async: false }] }, stageIo, true), stageIo));
      stdin = pipe;
    }
    let status = 0;
    for (const c of children) status = yield* this.waitChild(c);
    return status;
  }

  // ---- simple commands ----

  private *runSimple(cmd: Command & { t: 'simple' }, io: IO, execLast: boolean): Gen<number> {
    this.lineno = cmd.line;
    yield* this.charge();
    let argv = yield* expandWords(this, cmd.words);
    const w0 = cmd.words[0];
    const alias = this.dialect.alias && w0 && w0.parts.length === 1 && w0.parts[0].t === 'lit' && !w0.parts[0].quoted ? this.dialect.alias(w0.raw) : undefined;
    if (alias !== undefined) argv = [...alias.split(' ').filter(Boolean), ...argv.slice(1)];
    const assigns = new Map<string, string>();
    for (const a of cmd.assigns) assigns.set(a.name, yield* expandOne(this, a.value));
    if (this.opts.xtrace) io.stderr.write(`+ ${[...[...assigns].map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`);
    if (!argv.length) {
      for (const [k, v] of assigns) this.setVar(k, v);
      if (cmd.redirs.length) return yield* this.withRedirs(cmd.redirs, io, function* () {
        return 0;
      });
      return 0;
    }
    const name = argv[0];
    return yield* this.withRedirs(cmd.redirs, io, function* (this: Shell, rio: IO) {
      const fn = this.funcs.get(name);
      if (fn) {
        for (const [k, v] of assigns) this.setVar(k, v);
        return yield* this.callFunction(fn, argv.slice(1), rio);
      }
      const builtin = this.dialect.builtins[name];
      if (builtin) {
        // Assignments before special builtins persist; before regular builtins they are temporary.
        const saved = new Map<string, string | undefined>();
        for (const [k, v] of assigns) {
          saved.set(k, this.vars.get(k));
          this.setVar(k, v);
        }
        try {
          return yield* builtin(this, argv, rio);
        } finally {
          if (!SPECIAL_BUILTINS.has(name)) for (const [k, v] of saved) v === undefined ? this.unsetVar(k) : this.setVar(k, v);
        }
      }
      return yield* this.runExternal(argv, assigns, rio, execLast);
    });
  }

  *callFunction(body: Command, args: string[], io: IO): Gen<number> {
    const saved = this.positional;
    const savedLoops = this.loopDepth;
    this.positional = args;
    // `local` records a variable's outer value here; returning puts the outer values back.
    const frame = new Map<string, string | undefined>();
    this.localFrames.push(frame);
    this.loopDepth = 0;
    try {
      return yield* this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnUnwind) return e.status;
      throw e;
    } finally {
      this.positional = saved;
      this.loopDepth = savedLoops;
      this.localFrames.pop();
      for (const [k, v] of frame) v === undefined ? this.unsetVar(k) : this.setVar(k, v);
    }
  }

  /** Look a command up in PATH and run it: in a child, or in this very process when exec'ing. */
  *runExternal(argv: string[], assigns: Map<string, string>, io: IO, execInPlace: boolean): Gen<number> {
    const name = argv[0];
    // `./ipc` and `bin/tool` are relative to the working directory, not looked up in PATH.
    const lookup = name.includes('/') && !name.startsWith('/') ? normalize(name, this.proc.cwd) : name;
    const found = this.proc.host.resolveProgram(lookup, this.getVar('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    if (!found) return this.dialect.notFound(this, name, io);
    const env = this.childEnv(assigns);
    if (execInPlace && this.traps.size === 0) {
      // exec: this process becomes the program (same PID), as ash does for the last command of `sh -c`.
      const p = this.proc;
      p.execve(argv, found.path);
      p.env = env;
      if (io.stdout !== p.fds.stdout || io.stderr !== p.fds.stderr || io.stdin !== p.fds.stdin) this.hooks.redirect(p, io);
      return yield* found.program(p);
    }
    const child = this.hooks.spawn(this.proc, argv, env, io, found.program);
    return yield* this.waitChild(child);
  }

  /** Wait for a foreground child; traps for signals received meanwhile run afterwards (ash). */
  *waitChild(child: Process): Gen<number> {
    for (;;) {
      const r = yield { op: 'wait', pid: child.pid };
      if (r && 'exited' in r) return r.status.signal ? 128 + r.status.signal : r.status.code;
      if (r && 'interrupted' in r) continue;
      return 127;
    }
  }

  /** Run `fn` in a forked copy of this shell. */
  spawnSubshell(fn: (sub: Shell) => Gen<number>, io: IO): Process {
    const parentShell = this;
    const program: Program = function* (p: Process) {
      const sub = new Shell(p, parentShell.hooks, parentShell.now, parentShell.topPid);
      parentShell.copyInto(sub);
      sub.dialect = parentShell.dialect;
      return yield* fn(sub);
    };
    return this.hooks.spawn(this.proc, [...this.proc.argv], this.proc.env, io, program);
  }

  *commandSubstitution(body: List): Gen<string> {
    let out = '';
    const sink: Writable = { write: (t) => void (out += t) };
    const io: IO = { stdin: closedPipe(), stdout: sink, stderr: this.proc.fds.stderr };
    const child = this.spawnSubshell((sub) => sub.runTop(body, io, true), io);
    this.status = yield* this.waitChild(child);
    return out;
  }

  // ---- redirections ----

  /** Run `body` with `redirs` applied to `io`; a redirection that fails makes the status 1. */
  *withRedirs(redirs: Redir[], io: IO, body: (this: Shell, io: IO) => Gen<number>): Gen<number> {
    if (!redirs.length) return yield* body.call(this, io);
    const rio = yield* applyRedirs(this, redirs, io);
    if (!rio) return 1;
    return yield* body.call(this, rio);
  }
}

const BREAK = Symbol('break');

const SPECIAL_BUILTINS = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset']);

function* expandPattern(sh: Shell, w: Word): Gen<{ text: string; mask: boolean[] }> {
  // Quoted parts of a case pattern match literally.
  let text = '';
  const mask: boolean[] = [];
  for (const part of w.parts) {
    const t = yield* expandOne(sh, { parts: [part], raw: '' });
    text += t;
    const q = part.quoted;
    for (let i = 0; i < t.length; i++) mask.push(q);
  }
  return { text, mask };
}
