/**
 * The learner's workstation: bash whose commands are kubectl, file tools and `sleep` (which is
 * how virtual time advances from the terminal). Command lines run in the containers' shell
 * interpreter with bash's dialect (bash.ts) on a login shell process in the workstation's process
 * table (tasks.ts): loops, conditionals, functions, pipelines, redirections and here-documents
 * have one implementation, in src/sim/shell. The commands it finds in PATH run here (`exec`).
 *
 * Each command line is a generator that yields when it waits in virtual time; whoever drives the
 * workstation (podlab sh, the browser terminal) advances the clock and may interrupt it.
 */
import type { Cluster } from '../cluster';
import type { CmdGen, TerminalIO, Wait } from '../kubectl/context';
import { kubectl } from '../kubectl/kubectl';
import { Parser, ShellSyntaxError } from '../shell/parser';
import type { List } from '../shell/ast';
import type { Shell, IO } from '../shell/interpreter';
import { BreakUnwind, ExitUnwind, ReturnUnwind, ShellError } from '../shell/context';
import type { Process, ProgramGen } from '../runtime/process';
import { HomeFiles } from './files';
import { Keyboard } from './keyboard';
import { CommandHistory } from './history';
import { EditorRequests } from './editors';
import { runEditor, substituteProcesses, workstationBuiltin } from './builtins';
import { formatPrintf } from '../shell/printf';
import { workstationCurl } from '../shell/commands/net/workstation-curl';
import { WorkstationKernel } from './tasks';
import { WORKSTATION_PROGRAMS, workstationHost } from './programs';
import { drain, runProgram, type Input, type PipeIO } from './pipeline';
import type { Pipe } from '../runtime/pipe';
import { ls } from './ls';
import { childEnv, findInPath, parseEnvArgs } from './commands';
import { bashProgram, bashSyntaxMessage, newBash } from './bash';
import { JobTable } from './jobs';

export class Workstation {
  readonly env = new Map<string, string>([
    ['HOME', '/home/student'],
    ['USER', 'student'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['LOGNAME', 'student'],
    ['SHELL', '/bin/bash'],
    ['LANG', 'C.UTF-8'],
    ['TERM', 'xterm-256color'],
    ['SHLVL', '1'],
    ['PWD', '/home/student'],
    ['IFS', ' \t\n'],
  ]);
  /** Variables children see (`export`); PWD follows the working directory. */
  readonly exported = new Set(['SHELL', 'PWD', 'LOGNAME', 'HOME', 'LANG', 'TERM', 'USER', 'SHLVL', 'PATH']);
  /** Commands found in PATH so far (bash's hash table: `type` says "hashed"). */
  readonly hashed = new Map<string, string>();
  /** The processes of running commands (text tools, pipeline stages). */
  readonly kernel: WorkstationKernel;
  /** The interactive login shell's process and its state (variables are `env`, functions, options …). */
  readonly login: Process;
  readonly shell: Shell;
  readonly jobs: JobTable;
  /** `<(…)` files of the line being run, removed when it ends. */
  readonly substituted: string[] = [];
  readonly aliases = new Map<string, string>([['k', 'kubectl']]);
  /** What the learner types while a command runs (interactive kubectl exec sessions read it). */
  readonly keyboard = new Keyboard();
  readonly history = new CommandHistory();
  /** Files opened in the app's editor panel (`vi FILE`, `kubectl edit`); none headless. */
  readonly editors = new EditorRequests();
  /** `complete` specifications (kubectl's own completion is built in). */
  readonly completions = new Map<string, string>();
  /** A screen that `watch` redraws (the app); podlab sh prints the frames one after another. */
  hasScreen = false;
  private readonly bash = bashProgram(this);
  /** The line's last command ended the login shell (`exit`). */
  private exited = false;

  constructor(
    readonly cluster: Cluster,
    readonly files: HomeFiles,
    readonly io: TerminalIO,
  ) {
    files.attachClock(() => cluster.now());
    const host = workstationHost(files.fs, () => cluster.now(), () => this.kernel);
    this.kernel = new WorkstationKernel(() => cluster.now(), host, (argv, fds, env, proc) => {
      // Output straight to the terminal is `io` itself (ls lays out columns only there).
      const onTerminal = proc.fds.stdout === this.login.fds.stdout && proc.fds.stderr === this.login.fds.stderr;
      const io: PipeIO = onTerminal ? this.io : { out: (t) => fds.stdout.write(t), err: (t) => fds.stderr.write(t), pipe: (fds.stdout as { pipe?: Pipe }).pipe };
      return this.exec(argv, fds.stdin, io, env, true);
    });
    this.jobs = new JobTable(this.kernel);
    // The terminal is the login shell's stdin (undefined: kubectl exec -it may claim it).
    this.login = this.kernel.newIdleProcess(['-bash'], childEnv(this), files.cwd, { stdin: undefined, stdout: { write: (t) => io.out(t) }, stderr: { write: (t) => io.err(t) } });
    files.followProcesses(() => this.kernel.current ?? this.login);
    this.shell = newBash(this, this.login, true);
    // One table: what `export`, `unset` and `VAR=x` change is what children get and `env` prints.
    this.shell.vars = this.env;
    this.shell.exported = this.exported;
    this.shell.interactive = true;
  }

  /**
   * While the prompt waits (no command running), background jobs still run: what they wait for,
   * and a step for those that can go on. The engine host advances time to each of their instants.
   */
  backgroundWait(): Wait | undefined {
    return this.kernel.backgroundWait();
  }

  pollBackground(): void {
    this.kernel.poll();
  }

  /** `$?`: the login shell's last status (an interrupted command leaves 130). */
  get status(): number {
    return this.shell.status;
  }

  set status(st: number) {
    this.shell.status = st;
  }

  get prompt(): string {
    const cwd = this.files.cwd === '/home/student' ? '~' : this.files.cwd.replace(/^\/home\/student/, '~');
    return `student@workstation:${cwd}$ `;
  }

  now(): number {
    return this.cluster.now();
  }

  /**
   * Run a command line in a subshell of the login shell with its output going to `io` (watch's
   * command, `<(…)`): it sees the shell's variables, functions and aliases and changes none of them.
   */
  *runWith(line: string, io: TerminalIO): CmdGen {
    const fds = { stdin: undefined, stdout: { write: (t: string) => io.out(t) }, stderr: { write: (t: string) => io.err(t) } };
    const task = this.kernel.spawnProgram(undefined, ['bash'], this.shell.childEnv(), this.files.cwd, fds, (p) => {
      const sub = newBash(this, p, true, this.shell.dialect);
      this.shell.copyInto(sub);
      return sub.runScript(line, { stdout: p.fds.stdout, stderr: p.fds.stderr }, true);
    });
    return yield* this.kernel.run([task]);
  }

  /** Run one command line (it may span lines: here-documents, loops typed over several lines). */
  *run(line: string): CmdGen {
    // bash's history expansion (`!!`, `!N`), then the line is remembered, then `<(…)` runs.
    const hist = this.history.expand(line, this.io);
    if (!hist) return (this.status = 1);
    if (hist.expanded) this.io.out(hist.line + '\n');
    line = hist.line;
    this.history.add(line);
    try {
      return yield* this.runLine(line);
    } finally {
      // bash closes a process substitution's pipe when the command ends: nothing stays behind.
      for (const p of this.substituted.splice(0)) this.files.remove(p);
    }
  }

  private *runLine(line: string): CmdGen {
    if (line.includes('<(')) line = yield* substituteProcesses(this, line);
    let list: List;
    try {
      list = Parser.parse(line, { bash: true });
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.io.err(bashSyntaxMessage(e, line));
      this.status = 2;
      return 2;
    }
    // Background jobs catch up with the time that passed at the prompt.
    this.kernel.poll();
    this.shell.resetCpuCharge();
    for (const item of list.items) {
      let ended = false;
      this.exited = false;
      try {
        this.status = yield* this.kernel.runAs(this.login, this.loginThread({ items: [item] }));
        ended = true;
      } finally {
        // Interrupted (Ctrl+C, podlab sh's bound): SIGINT ended the foreground command.
        if (!ended) this.status = 130;
      }
      // `exit` (or `set -e` and a failure) ended the shell: nothing more of the line runs.
      if (this.exited) break;
      // Controllers react within milliseconds of a change: let everything due at this instant run
      // before the next command (a person cannot type faster than that).
      yield { op: 'sleep', ms: 0 };
    }
    // bash reports jobs that ended before it shows the next prompt.
    this.kernel.poll();
    this.jobs.notify(this.io);
    return this.status;
  }

  /** The login shell runs a list: what unwinds to the top of an interactive bash ends here. */
  private *loginThread(list: List): ProgramGen {
    const sh = this.shell;
    const io: IO = { stdin: undefined, stdout: this.login.fds.stdout, stderr: this.login.fds.stderr };
    try {
      return yield* sh.runList(list, io);
    } catch (e) {
      if (e instanceof ExitUnwind) {
        // bash would close the terminal; Pod Lab's stays, as a new shell in the same window would
        // (without the options that ended the old one).
        this.io.err('exit\n');
        this.exited = true;
        sh.opts.errexit = false;
        return (sh.status = e.status);
      }
      if (e instanceof ShellError) {
        sh.err(io, e.message);
        return (sh.status = e.status);
      }
      if (e instanceof BreakUnwind || e instanceof ReturnUnwind) return sh.status;
      throw e;
    }
  }

  /**
   * Run a command: bash's builtins, then commands found in PATH (`spawned`: started by a program
   * such as xargs, which finds only PATH's files). `env` is what a child process receives.
   */
  *exec(argv: string[], input: Input, io: TerminalIO, env = childEnv(this), _spawned = true): CmdGen {
    let [name, ...args] = argv;
    const invoked = name;
    const path = findInPath(this, name, env);
    if (!path) return 127;
    if (!name.includes('/')) this.hashed.set(name, path);
    name = path.slice(path.lastIndexOf('/') + 1);
    const program = WORKSTATION_PROGRAMS[name];
    if (program) return yield* runProgram(this.kernel, program, [name, ...args], env, this.files.cwd, input, io);
    if (name === 'bash' || name === 'sh' || name === 'dash') return yield* runProgram(this.kernel, this.bash, [invoked, ...args], env, this.files.cwd, input, io);
    if (name === 'timeout' || name === 'env') return yield* (name === 'timeout' ? this.timeout(args, input, io, env) : this.env_(args, input, io, env));
    // The workstation's own commands take their input whole (read to EOF) — the ones that read it:
    // `kubectl get` in `… | while read -r p; do kubectl get $p; done` leaves the loop its lines.
    const stdin = readsStdin(name, args) ? yield* drain(input) : input === undefined ? undefined : '';
    const builtin = yield* workstationBuiltin(this, name, args, stdin, io);
    if (builtin !== undefined) return builtin;
    switch (name) {
      case 'kubectl':
        return yield* kubectl(args, { cluster: this.cluster, io, files: this.files, stdin, env, terminal: this.keyboard, editor: (path) => runEditor(this, path, env) });
      case 'curl':
        return yield* workstationCurl(args, this.cluster, io, this.files);
      case 'sleep': {
        const m = args[0]?.match(/^(\d+(?:\.\d+)?)([smhd]?)$/);
        if (!m) {
          io.err(args.length ? `sleep: invalid time interval '${args[0]}'\nTry 'sleep --help' for more information.\n` : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
          return 1;
        }
        const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
        yield { op: 'sleep', ms: Math.round(Number(m[1]) * mult) };
        return 0;
      }
      case 'echo': {
        const noNl = args[0] === '-n';
        io.out((noNl ? args.slice(1) : args).join(' ') + (noNl ? '' : '\n'));
        return 0;
      }
      case 'cat': {
        if (!args.length) {
          io.out(stdin ?? '');
          return 0;
        }
        let st = 0;
        for (const f of args) {
          const d = this.files.read(f);
          if (d === undefined) {
            io.err(`cat: ${f}: ${this.files.isDir(f) ? 'Is a directory' : 'No such file or directory'}\n`);
            st = 1;
          } else io.out(d);
        }
        return st;
      }
      case 'ls':
        return ls(args, this.files, io, io === this.io);
      case 'pwd':
        io.out(this.files.cwd + '\n');
        return 0;
      case 'printf': {
        if (!args.length) {
          io.err('printf: usage: printf [-v var] format [arguments]\n');
          return 2;
        }
        const r = formatPrintf(args[0], args.slice(1));
        io.out(r.out);
        for (const e of r.errors) io.err(`bash: printf: ${e}\n`);
        return r.errors.length ? 1 : 0;
      }
      case 'mkdir':
        for (const d of args.filter((a) => !a.startsWith('-'))) this.files.mkdir(d);
        return 0;
      case 'rm':
        for (const f of args.filter((a) => !a.startsWith('-'))) {
          if (!this.files.exists(f) && !args.includes('-f')) {
            io.err(`rm: cannot remove '${f}': No such file or directory\n`);
            return 1;
          }
          this.files.remove(f);
        }
        return 0;
      case 'true':
        return 0;
      case 'false':
        return 1;
      case 'clear':
        io.out('\x1b[H\x1b[2J');
        return 0;
      case 'test':
      case '[':
        // /usr/bin/test run by a program (xargs, find -exec): the shell's own test.
        return yield* this.shell.dialect.builtins[name](this.shell, [name, ...args], { stdout: { write: (t) => io.out(t) }, stderr: { write: (t) => io.err(t) } }) as unknown as CmdGen;
    }
    return 127;
  }

  /** GNU env: print the environment, or run a command with a changed one. */
  private *env_(args: string[], input: Input, io: TerminalIO, env: Map<string, string>): CmdGen {
    const parsed = parseEnvArgs(env, args, io);
    if (typeof parsed === 'number') return parsed;
    if (!parsed.argv.length) {
      for (const [k, v] of parsed.env) io.out(`${k}=${v}\n`);
      io.out('_=/usr/bin/env\n');
      return 0;
    }
    if (!findInPath(this, parsed.argv[0], parsed.env)) {
      io.err(`env: ‘${parsed.argv[0]}’: No such file or directory\n`);
      return 127;
    }
    return yield* this.exec(parsed.argv, input, io, parsed.env, true);
  }

  /** coreutils timeout: run the command, end it after N seconds of virtual time (exit 124). */
  private *timeout(args: string[], stdin: Input, io: TerminalIO, env: Map<string, string>): CmdGen {
    const m = args[0]?.match(/^(\d+(?:\.\d+)?)([smhd]?)$/);
    if (!m || args.length < 2) {
      io.err(args.length ? `timeout: invalid time interval '${args[0]}'\nTry 'timeout --help' for more information.\n` : "timeout: missing operand\nTry 'timeout --help' for more information.\n");
      return 125;
    }
    const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
    const deadline = this.cluster.now() + Math.round(Number(m[1]) * mult);
    // timeout runs a program: `timeout 5 cd` finds no cd, as the real one does.
    const inner = this.exec(args.slice(1), stdin, io, env);
    let r = inner.next();
    while (!r.done) {
      if (this.cluster.now() >= deadline) {
        inner.return(124);
        return 124;
      }
      const w: Wait = r.value;
      if (w.op === 'sleep') {
        const until = Math.min(this.cluster.now() + w.ms, deadline);
        yield { op: 'sleep', ms: until - this.cluster.now() };
      } else {
        yield { op: 'until', done: w.done, deadline: Math.min(w.deadline ?? Infinity, deadline) };
      }
      if (this.cluster.now() >= deadline && !(w.op === 'until' && w.done())) {
        inner.return(124);
        return 124;
      }
      r = inner.next();
    }
    return r.value;
  }
}

/** Whether a workstation command reads its standard input (the others leave a pipe's data alone). */
function readsStdin(name: string, args: string[]): boolean {
  const operands = args.filter((a) => !a.startsWith('-') || a === '-');
  switch (name) {
    case 'kubectl':
      // `-f -` (apply, create, replace, delete …) and `-i`/`--stdin` (exec, attach, run).
      return args.some((a, i) => (a === '-' && /^(-f|--filename)$/.test(args[i - 1] ?? '')) || /^(-f|--filename=)-$/.test(a) || /^-[a-zA-Z]*i[a-zA-Z]*$/.test(a) || /^--stdin(=true)?$/.test(a));
    case 'cat':
    case 'wc':
    case 'sort':
    case 'base64':
    case 'tee':
      return name === 'tee' || !operands.length || operands.includes('-');
    default:
      return false;
  }
}
