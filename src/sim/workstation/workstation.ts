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

export class Workstation {
  readonly env = new Map<string, string>([
    ['HOME', '/home/student'],
    ['USER', 'student'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ]);
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
  ) {}

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

  private *runCommand(cmd: Command, stdin: string | undefined, io: TerminalIO): CmdGen {
    switch (cmd.t) {
      case 'simple':
        return yield* this.runSimple(cmd, stdin, io);
      case 'andor': {
        let st = yield* this.runCommand(cmd.first, stdin, io);
        for (const r of cmd.rest) if ((r.op === '&&') === (st === 0)) st = yield* this.runCommand(r.cmd, stdin, io);
        return st;
      }
      case 'pipeline': {
        // Each stage's output feeds the next; stages run one after another (enough for filters).
        let input = stdin;
        let st = 0;
        for (let i = 0; i < cmd.cmds.length; i++) {
          const last = i === cmd.cmds.length - 1;
          let captured = '';
          const stageIo: TerminalIO = last ? io : { out: (t) => void (captured += t), err: io.err };
          st = yield* this.runCommand(cmd.cmds[i], input, stageIo);
          input = captured;
        }
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

  private *runSimple(cmd: Command & { t: 'simple' }, stdin: string | undefined, baseIo: TerminalIO): CmdGen {
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
      io = { out: (t) => void (captured += t), err: io.err };
      if (!outFile.append && outFile.path !== '/dev/null') this.files.write(outFile.path, '');
    }
    const st = yield* this.exec(argv, stdin, io);
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

  private *exec(argv: string[], stdin: string | undefined, io: TerminalIO): CmdGen {
    const [name, ...args] = argv;
    const jobResult = this.jobBuiltin(name, args, io);
    if (jobResult !== undefined) return jobResult;
    const builtin = yield* workstationBuiltin(this, name, args, stdin, io);
    if (builtin !== undefined) return builtin;
    switch (name) {
      case 'kubectl':
        return yield* kubectl(args, { cluster: this.cluster, io, files: this.files, stdin, env: this.env, terminal: this.keyboard, editor: (path) => runEditor(this, path) });
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
      case 'ls': {
        const paths = args.filter((a) => !a.startsWith('-'));
        if (!paths.length) paths.push('.');
        let st = 0;
        for (const p of paths) {
          if (!this.files.exists(p)) {
            io.err(`ls: cannot access '${p}': No such file or directory\n`);
            st = 2;
            continue;
          }
          if (this.files.isDir(p)) {
            const names = this.files.list(p).filter((n) => !n.startsWith('.') || args.includes('-a'));
            if (names.length) io.out(names.join('  ') + '\n');
          } else io.out(p + '\n');
        }
        return st;
      }
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
      case 'grep':
        return grep(args, stdin, this.files, io);
      case 'head':
      case 'tail':
        return headTail(name, args, stdin, this.files, io);
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
        for (const a of args) {
          const i = a.indexOf('=');
          if (i > 0) this.env.set(a.slice(0, i), a.slice(i + 1));
        }
        return 0;
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
      default:
        io.err(`${name}: command not found\n`);
        return 127;
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

/** GNU grep's basics: PATTERN [FILE...], -v, -i, -c, -n, -E (patterns are JavaScript regexes close to ERE). */
function grep(args: string[], stdin: string | undefined, files: HomeFiles, io: TerminalIO): number {
  let after = 0;
  let before = 0;
  let flags = '';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const ctx = a.match(/^-([ABC])(\d*)$/);
    if (ctx) {
      const n = Number(ctx[2] || args[++i]);
      if (ctx[1] !== 'B') after = n;
      if (ctx[1] !== 'A') before = n;
    } else if (/^-[a-zA-Z]+$/.test(a)) flags += a.slice(1);
    else rest.push(a);
  }
  const [pattern, ...paths] = rest;
  if (pattern === undefined) {
    io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let re: RegExp;
  try {
    re = new RegExp(flags.includes('E') ? pattern : pattern.replace(/\\\|/g, '|'), flags.includes('i') ? 'i' : '');
  } catch {
    io.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const inputs = paths.length ? paths.map((p) => ({ name: p, text: files.read(p) })) : [{ name: '(standard input)', text: stdin ?? '' }];
  let matched = 0;
  for (const inp of inputs) {
    if (inp.text === undefined) {
      io.err(`grep: ${inp.name}: No such file or directory\n`);
      continue;
    }
    const lines = inp.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const hits = lines.map((l) => re.test(l) !== flags.includes('v'));
    const count = hits.filter(Boolean).length;
    if (flags.includes('c')) io.out(`${count}\n`);
    else {
      // Lines to print: matches plus their -A/-B context; gaps between groups print `--`.
      const show = new Set<number>();
      hits.forEach((h, i) => {
        if (!h) return;
        for (let j = Math.max(0, i - before); j <= Math.min(lines.length - 1, i + after); j++) show.add(j);
      });
      let last = -1;
      for (const i of [...show].sort((a, b) => a - b)) {
        if ((after || before) && last >= 0 && i > last + 1) io.out('--\n');
        io.out(`${paths.length > 1 ? inp.name + ':' : ''}${flags.includes('n') ? `${i + 1}:` : ''}${lines[i]}\n`);
        last = i;
      }
    }
    matched += count;
  }
  return matched ? 0 : 1;
}

/** head/tail -n N (default 10) over stdin or files. */
function headTail(name: string, args: string[], stdin: string | undefined, files: HomeFiles, io: TerminalIO): number {
  let n = 10;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n') n = Number(args[++i]);
    else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
    else paths.push(a);
  }
  const text = paths.length ? files.read(paths[0]) : stdin ?? '';
  if (text === undefined) {
    io.err(`${name}: cannot open '${paths[0]}' for reading: No such file or directory\n`);
    return 1;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const picked = name === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n));
  if (picked.length) io.out(picked.join('\n') + '\n');
  return 0;
}

/** A command as bash shows it in job notices. */
function commandText(cmd: Command): string {
  if (cmd.t === 'simple') return [...cmd.assigns.map((a) => `${a.name}=${a.value.raw}`), ...cmd.words.map((w) => w.raw)].join(' ');
  if (cmd.t === 'pipeline') return cmd.cmds.map(commandText).join(' | ');
  if (cmd.t === 'andor') return [commandText(cmd.first), ...cmd.rest.map((r) => `${r.op} ${commandText(r.cmd)}`)].join(' ');
  return '...';
}
