/**
 * The learner's workstation: a bash-like shell whose commands are kubectl, file tools and
 * `sleep` (which is how virtual time advances from the terminal). Command lines are parsed with
 * the same POSIX parser the containers use, so quoting, `&&`/`||`/`;`, redirections and
 * here-documents (`cat <<EOF > pod.yaml`) behave as in bash.
 *
 * Each command is a generator that yields when it waits in virtual time; whoever drives the
 * workstation (podlab sh, the browser terminal) advances the clock and may interrupt it.
 */
import type { Cluster } from '../cluster';
import type { CmdGen, TerminalIO, Wait } from '../kubectl/context';
import { kubectl } from '../kubectl/kubectl';
import { Parser, ShellSyntaxError } from '../shell/parser';
import type { Command, List, Redir, Word } from '../shell/ast';
import { HomeFiles } from './files';
import { Keyboard } from './keyboard';
import { CommandHistory } from './history';
import { EditorRequests } from './editors';
import { runEditor, substituteProcesses, workstationBuiltin } from './builtins';
import { formatPrintf } from '../shell/printf';
import { workstationCurl } from '../shell/commands/net/workstation-curl';
import { Pipe } from '../runtime/pipe';
import { WorkstationKernel } from './tasks';
import { WORKSTATION_PROGRAMS, workstationHost } from './programs';
import { drain, runPipeline, runProgram, type Input } from './pipeline';
import { ls } from './ls';
import { BASH_BUILTINS, childEnv, commandNotFound, commandQuery, exportBuiltin, findInPath, parseEnvArgs, typeBuiltin, unsetBuiltin } from './commands';

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
  ]);
  /** Variables children see (`export`); PWD follows the working directory. */
  readonly exported = new Set(['SHELL', 'PWD', 'LOGNAME', 'HOME', 'LANG', 'TERM', 'USER', 'SHLVL', 'PATH']);
  /** Commands found in PATH so far (bash's hash table: `type` says "hashed"). */
  readonly hashed = new Map<string, string>();
  /** The processes of running commands (text tools, pipeline stages). */
  readonly kernel: WorkstationKernel;
  /** Set while a `bash -c` string runs: errors are prefixed with the shell's name, not the handler's. */
  private script?: string;
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
  status = 0;
  /** Background jobs (`cmd &`): suspended generators, resumed when what they wait for happens. */
  private jobs: Array<{ id: number; pid: number; text: string; gen: CmdGen; wait?: Wait & { until?: number } }> = [];
  private nextJobPid = 2817;

  constructor(
    readonly cluster: Cluster,
    readonly files: HomeFiles,
    readonly io: TerminalIO,
  ) {
    files.attachClock(() => cluster.now());
    const host = workstationHost(files.fs, () => cluster.now(), () => this.kernel);
    this.kernel = new WorkstationKernel(() => cluster.now(), host, (argv, fds, env) =>
      this.exec(argv, fds.stdin, { out: (t) => fds.stdout.write(t), err: (t) => fds.stderr.write(t) }, env, true),
    );
  }

  get prompt(): string {
    const cwd = this.files.cwd === '/home/student' ? '~' : this.files.cwd.replace(/^\/home\/student/, '~');
    return `student@workstation:${cwd}$ `;
  }

  now(): number {
    return this.cluster.now();
  }

  /** Run a command line with its output going to `io` (watch, source, kubectl's editor). */
  *runWith(line: string, io: TerminalIO): CmdGen {
    let list: List;
    try {
      list = Parser.parse(line);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err(`bash: ${e.message.replace(/^syntax error: unexpected "(.*)"$/, "syntax error near unexpected token `$1'")}\n`);
      return 2;
    }
    let st = 0;
    for (const item of list.items) st = yield* this.runCommand(item.cmd, undefined, io);
    return st;
  }

  /** Run one command line (it may span lines: here-documents). */
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
      list = Parser.parse(line);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        this.io.err(`bash: ${e.message.replace(/^syntax error: unexpected "(.*)"$/, "syntax error near unexpected token `$1'")}\n`);
        this.status = 2;
        return 2;
      }
      throw e;
    }
    this.pollJobs();
    for (const item of list.items) {
      if (item.async) {
        this.startJob(item.cmd);
        this.status = 0;
        continue;
      }
      this.status = yield* this.runCommand(item.cmd, undefined, this.io);
      // Controllers react within milliseconds of a change: let everything due at this instant run
      // before the next command (a person cannot type faster than that).
      yield { op: 'sleep', ms: 0 };
    }
    return this.status;
  }

  *runCommand(cmd: Command, stdin: Input, io: TerminalIO): CmdGen {
    switch (cmd.t) {
      case 'simple':
        return yield* this.runSimple(cmd, stdin, io);
      case 'andor': {
        let st = yield* this.runCommand(cmd.first, stdin, io);
        for (const r of cmd.rest) if ((r.op === '&&') === (st === 0)) st = yield* this.runCommand(r.cmd, stdin, io);
        return st;
      }
      case 'pipeline': {
        // Stages run at once, joined by pipes (pipeline.ts).
        const st = cmd.cmds.length === 1 ? yield* this.runCommand(cmd.cmds[0], stdin, io) : yield* runPipeline(this, cmd.cmds, stdin, io);
        return cmd.bang ? (st ? 0 : 1) : st;
      }
      case 'group':
      case 'subshell': {
        let st = 0;
        for (const it of cmd.body.items) st = yield* this.runCommand(it.cmd, stdin, io);
        return st;
      }
      default:
        io.err('bash: compound commands on the workstation are not supported in Pod Lab yet\n');
        return 2;
    }
  }

  /** Parameter expansion and `$(...)` (run as a workstation command, output captured). */
  private *expand(w: Word): Generator<Wait, string, void> {
    let out = '';
    for (const p of w.parts) {
      if (p.t === 'lit') out += p.v;
      else if (p.t === 'param') out += this.param(p.name);
      else if (p.t === 'cmdsub') {
        let captured = '';
        const io: TerminalIO = { out: (t) => void (captured += t), err: this.io.err };
        for (const it of p.body.items) yield* this.runCommand(it.cmd, undefined, io);
        out += captured.replace(/\n+$/, '');
      }
    }
    return out;
  }

  private *runSimple(cmd: Command & { t: 'simple' }, stdin: Input, baseIo: TerminalIO): CmdGen {
    let argv: string[] = [];
    for (const w of cmd.words) {
      const v = (yield* this.expand(w)).replace(/^~(?=\/|$)/, '/home/student');
      // Unquoted substitutions split into words, as bash does.
      const quoted = w.parts.every((p) => p.t !== 'cmdsub' || p.quoted);
      argv.push(...(quoted ? [v] : v.split(/\s+/).filter(Boolean)));
    }
    if (!argv.length) {
      for (const a of cmd.assigns) this.env.set(a.name, yield* this.expand(a.value));
      return 0;
    }
    // `VAR=x command`: the assignments are in that command's environment only.
    const prefix = new Map<string, string>();
    for (const a of cmd.assigns) prefix.set(a.name, yield* this.expand(a.value));
    const alias = this.aliases.get(argv[0]);
    if (alias) argv = [...alias.split(' '), ...argv.slice(1)];
    // Redirections: here-documents and `<` feed stdin; `>`/`>>` capture stdout into a file.
    let io = baseIo;
    let outFile: { path: string; append: boolean } | undefined;
    let captured = '';
    for (const r of cmd.redirs) {
      const target = r.heredoc ? '' : yield* this.expand(r.target);
      const res = this.redirect(r, target);
      if (typeof res === 'number') return res;
      if (res.stdin !== undefined) stdin = res.stdin;
      if (res.outFile) outFile = res.outFile;
      if (res.errToOut) io = { out: io.out, err: io.out };
      if (res.errNull) io = { out: io.out, err: () => {} };
    }
    if (outFile) {
      // /dev/null keeps nothing (`yes > /dev/null` must not pile up its output).
      io = { out: outFile.path === '/dev/null' ? () => {} : (t) => void (captured += t), err: io.err };
      if (!outFile.append && outFile.path !== '/dev/null') this.files.write(outFile.path, '');
    }
    const st = yield* this.exec(argv, stdin, io, childEnv(this, prefix));
    if (outFile && outFile.path !== '/dev/null') this.files.write(outFile.path, (outFile.append ? this.files.read(outFile.path) ?? '' : '') + captured);
    return st;
  }

  private redirect(r: Redir, target: string): { stdin?: string; outFile?: { path: string; append: boolean }; errToOut?: boolean; errNull?: boolean } | number {
    switch (r.op) {
      case '<<':
      case '<<-':
        return { stdin: r.heredoc ? this.expandHeredoc(r.heredoc) : '' };
      case '<': {
        const data = this.files.read(target);
        if (data === undefined) {
          this.io.err(`bash: ${target}: No such file or directory\n`);
          return 1;
        }
        return { stdin: data };
      }
      case '>':
      case '>|':
      case '>>':
        if (r.fd === 2) return target === '/dev/null' ? { errNull: true } : {};
        if (target === '/dev/null') return { outFile: { path: '/dev/null', append: true } };
        return { outFile: { path: target, append: r.op === '>>' } };
      case '>&':
        if (r.fd === 2 && target === '1') return { errToOut: true };
        return {};
      default:
        return {};
    }
  }

  private expandHeredoc(w: Word): string {
    return w.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'param' ? this.param(p.name) : '')).join('');
  }

  /** A parameter's value as bash gives it ($? $$ $# and variables). */
  private param(name: string): string {
    if (name === '?') return String(this.status);
    if (name === '$') return '4242';
    if (name === '#') return '0';
    return this.env.get(name) ?? '';
  }

  /**
   * Run a command: bash's builtins, then commands found in PATH (`spawned`: started by a program
   * such as xargs, which finds only PATH's files). `env` is what a child process receives.
   */
  *exec(argv: string[], input: Input, io: TerminalIO, env = childEnv(this), spawned = false): CmdGen {
    let [name, ...args] = argv;
    const invoked = name;
    if (!BASH_BUILTINS.has(name) || spawned || name.includes('/')) {
      const path = findInPath(this, name, env);
      if (!path) {
        if (spawned) return 127;
        if (name.includes('/')) {
          io.err(`bash: ${name}: ${this.files.isDir(name) ? 'Is a directory' : this.files.exists(name) ? 'Permission denied' : 'No such file or directory'}\n`);
          return this.files.exists(name) ? 126 : 127;
        }
        return commandNotFound(name, io, this.script);
      }
      if (!name.includes('/')) this.hashed.set(name, path);
      name = path.slice(path.lastIndexOf('/') + 1);
    }
    const program = WORKSTATION_PROGRAMS[name];
    if (program) return yield* runProgram(this.kernel, program, [name, ...args], env, this.files.cwd, input, io);
    // The workstation's own commands take their input whole (read to EOF).
    const stdin = yield* drain(input);
    const jobResult = this.jobBuiltin(name, args, io);
    if (jobResult !== undefined) return jobResult;
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
      case 'timeout':
        return yield* this.timeout(args, stdin, io);
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
      case 'cd': {
        const target = args[0] ?? '/home/student';
        if (!this.files.isDir(target)) {
          io.err(`bash: cd: ${target}: No such file or directory\n`);
          return 1;
        }
        this.files.cwd = target.startsWith('/') ? target : `${this.files.cwd}/${target}`.replace(/\/+/g, '/');
        return 0;
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
      case 'export':
        return exportBuiltin(this, args, io);
      case 'unset':
        return unsetBuiltin(this, args, io);
      case 'type':
        if (!args.length) return 0;
        return typeBuiltin(this, args, io);
      case 'command':
        if (args[0] === '-v' || args[0] === '-V') return commandQuery(this, args[0] === '-V', args.slice(1), io);
        return args.length ? yield* this.exec(args, stdin, io, env) : 0;
      case 'env': {
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
        return yield* this.exec(parsed.argv, stdin, io, parsed.env, true);
      }
      case 'bash':
      case 'sh':
      case 'dash':
        return yield* this.shellCommand(invoked, args, stdin, io);
      case 'alias':
        if (!args.length) for (const [k, v] of this.aliases) io.out(`alias ${k}='${v}'\n`);
        for (const a of args) {
          const i = a.indexOf('=');
          if (i > 0) this.aliases.set(a.slice(0, i), a.slice(i + 1));
          else if (this.aliases.has(a)) io.out(`alias ${a}='${this.aliases.get(a)}'\n`);
          else {
            io.err(`bash: alias: ${a}: not found\n`);
            return 1;
          }
        }
        return 0;
      case 'unalias':
        for (const a of args) this.aliases.delete(a);
        return 0;
    }
    return commandNotFound(name, io, this.script);
  }

  /** `bash -c 'STRING'` runs STRING here; an interactive `bash` would need its own terminal session. */
  private *shellCommand(shell: string, args: string[], stdin: string | undefined, io: TerminalIO): CmdGen {
    const name = shell.slice(shell.lastIndexOf('/') + 1);
    if (args[0] !== '-c') {
      io.err(`${name}: Pod Lab's workstation runs one shell; run commands directly (or ${name} -c 'COMMANDS')\n`);
      return 2;
    }
    if (args[1] === undefined) {
      io.err(`${shell}: -c: option requires an argument\n`);
      return 2;
    }
    const saved = this.script;
    this.script = shell;
    try {
      return yield* this.runWith(args[1], io);
    } finally {
      this.script = saved;
    }
  }

  private startJob(cmd: Command): void {
    const id = (this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) : 0) + 1;
    const pid = this.nextJobPid++;
    this.io.out(`[${id}] ${pid}\n`);
    const job = { id, pid, text: commandText(cmd), gen: this.runCommand(cmd, undefined, this.io) };
    this.jobs.push(job);
    this.stepJob(job);
  }

  /** Run a job until it waits for something that has not happened yet, or ends. */
  private stepJob(job: Workstation['jobs'][number]): void {
    for (;;) {
      if (job.wait) {
        const w = job.wait;
        const ready = w.op === 'sleep' ? this.cluster.now() >= (w.until ?? 0) : w.done() || (w.deadline !== undefined && this.cluster.now() >= w.deadline);
        if (!ready) return;
      }
      const r = job.gen.next();
      if (r.done) {
        this.jobs = this.jobs.filter((j) => j !== job);
        this.io.out(`[${job.id}]+  ${(r.value === 0 ? 'Done' : `Exit ${r.value}`).padEnd(24)}${job.text}\n`);
        return;
      }
      job.wait = r.value.op === 'sleep' ? { ...r.value, until: this.cluster.now() + r.value.ms } : r.value;
    }
  }

  private pollJobs(): void {
    for (const j of [...this.jobs]) this.stepJob(j);
  }

  /** bash's `jobs` and `kill %N` for background jobs. */
  private jobBuiltin(name: string, args: string[], io: TerminalIO): number | undefined {
    if (name === 'jobs') {
      this.jobs.forEach((j, i) => io.out(`[${j.id}]${i === this.jobs.length - 1 ? '+' : '-'}  ${'Running'.padEnd(24)}${j.text} &\n`));
      return 0;
    }
    if (name === 'kill' && args.some((a) => a.startsWith('%'))) {
      for (const a of args.filter((x) => x.startsWith('%'))) {
        const job = this.jobs.find((j) => `%${j.id}` === a || (a === '%%' && j === this.jobs[this.jobs.length - 1]));
        if (!job) {
          io.err(`bash: kill: ${a}: no such job\n`);
          return 1;
        }
        job.gen.return(143);
        this.jobs = this.jobs.filter((j) => j !== job);
        io.out(`[${job.id}]+  ${'Terminated'.padEnd(24)}${job.text}\n`);
      }
      return 0;
    }
    return undefined;
  }

  /** coreutils timeout: run the command, end it after N seconds of virtual time (exit 124). */
  private *timeout(args: string[], stdin: string | undefined, io: TerminalIO): CmdGen {
    const m = args[0]?.match(/^(\d+(?:\.\d+)?)([smhd]?)$/);
    if (!m || args.length < 2) {
      io.err(args.length ? `timeout: invalid time interval '${args[0]}'\nTry 'timeout --help' for more information.\n` : "timeout: missing operand\nTry 'timeout --help' for more information.\n");
      return 125;
    }
    const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
    const deadline = this.cluster.now() + Math.round(Number(m[1]) * mult);
    const inner = this.exec(args.slice(1), stdin, io);
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

/** A command as bash shows it in job notices. */
function commandText(cmd: Command): string {
  if (cmd.t === 'simple') return [...cmd.assigns.map((a) => `${a.name}=${a.value.raw}`), ...cmd.words.map((w) => w.raw)].join(' ');
  if (cmd.t === 'pipeline') return cmd.cmds.map(commandText).join(' | ');
  if (cmd.t === 'andor') return [commandText(cmd.first), ...cmd.rest.map((r) => `${r.op} ${commandText(r.cmd)}`)].join(' ');
  return '...';
}
