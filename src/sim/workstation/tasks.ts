/**
 * The workstation's process table: a small scheduler that runs, side by side, the busybox-derived
 * programs (generators of system calls, as in a container) and the workstation's own commands
 * (kubectl, builtins: generators of waits). Pipeline stages run concurrently over real Pipes, so
 * `yes | head -3` ends (the writer sees its reader gone, as with SIGPIPE) and
 * `kubectl logs -f web | grep error` prints each match when it arrives.
 *
 * Nothing here touches the cluster's event queue: when every task is blocked, `run` yields one
 * Wait (the earliest wake-up time and a predicate) to whoever drives the workstation, which
 * advances virtual time exactly as for any other command.
 */
import type { CmdGen, Wait } from '../kubectl/context';
import { PidNamespace, Process, type ExitStatus, type Program, type ProgramGen, type ProcessHost, type Syscall, type SyscallResult } from '../runtime/process';
import { Pipe, type Writable } from '../runtime/pipe';

export interface TaskFds {
  stdin?: Pipe;
  stdout: Writable;
  stderr: Writable;
}

type Blocked =
  | { t: 'sleep'; until: number }
  | { t: 'read'; pipe: Pipe; line: boolean; taken?: string }
  | { t: 'wait'; pid?: number }
  | { t: 'until'; done: () => boolean; deadline?: number }
  | { t: 'never' };

export class Task {
  blocked?: Blocked;
  /** Value handed to a program's generator when it resumes (what its system call returned). */
  resumeWith: SyscallResult = undefined;
  status?: number;
  /** It wrote to a pipe nobody reads any more: it dies before its next step (SIGPIPE). */
  broken = false;
  readonly children: Task[] = [];
  /** The login shell's thread for one command line: ending it leaves the process alive. */
  persistent = false;
  constructor(
    readonly proc: Process,
    readonly kind: 'program' | 'command',
    readonly gen: ProgramGen | CmdGen,
  ) {}
  get done(): boolean {
    return this.status !== undefined;
  }
}

export type CommandStarter = (argv: string[], fds: TaskFds, env: Map<string, string>, proc: Process) => CmdGen;

export class WorkstationKernel {
  readonly ns = new PidNamespace();
  private readonly tasks = new Map<number, Task>();
  /** The process whose code runs right now (its working directory is the one files resolve against). */
  current?: Process;
  /** Background jobs (`cmd &`): they run alongside whatever runs next and outlive its end. */
  readonly background = new Set<Task>();

  constructor(
    private readonly now: () => number,
    readonly host: ProcessHost,
    private readonly startCommand: CommandStarter,
  ) {
    // The login shell and its session's daemons hold the low numbers.
    this.ns.nextPid = 3120;
  }

  private newProcess(parent: Process | undefined, argv: string[], env: Map<string, string>, cwd: string, fds: TaskFds): Process {
    const pid = this.ns.allocate();
    const p = new Process(pid, this.ns, argv, env, cwd, this.host, fds, this.now());
    p.execve(argv);
    p.user = 'student';
    this.ns.procs.set(pid, p);
    if (parent) {
      p.parent = parent;
      p.ppid = parent.pid;
      parent.children.add(p);
    }
    fds.stdout.addWriter?.();
    if (fds.stderr !== fds.stdout) fds.stderr.addWriter?.();
    return p;
  }

  /** A process with no program yet (the login shell), for `runAs`. */
  newIdleProcess(argv: string[], env: Map<string, string>, cwd: string, fds: TaskFds): Process {
    return this.newProcess(undefined, argv, env, cwd, fds);
  }

  /** Run `gen` as a thread of an existing process until it returns; the process stays alive. */
  *runAs(proc: Process, gen: ProgramGen): Generator<Wait, number, void> {
    const t = new Task(proc, 'program', gen);
    t.persistent = true;
    this.tasks.set(proc.pid, t);
    try {
      return yield* this.run([t]);
    } finally {
      if (this.tasks.get(proc.pid) === t) this.tasks.delete(proc.pid);
    }
  }

  /** Start a background job: a task of its own, stepped by every `run` until it ends. */
  startBackground(t: Task): void {
    this.background.add(t);
    this.poll();
  }

  /** Let background jobs do what they can at this instant, without waiting. */
  poll(): void {
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const t of this.live([...this.background])) {
        if (!this.ready(t)) continue;
        this.step(t);
        progressed = true;
      }
    }
  }

  /** What the background jobs wait for (undefined: no job is running). */
  backgroundWait(): Wait | undefined {
    const live = this.live([...this.background]);
    if (!live.length) return undefined;
    const deadlines = live.map((t) => (t.blocked?.t === 'sleep' ? t.blocked.until : t.blocked?.t === 'until' ? t.blocked.deadline : undefined)).filter((d): d is number => d !== undefined);
    return { op: 'until', done: () => live.some((t) => this.ready(t)), deadline: deadlines.length ? Math.min(...deadlines) : undefined };
  }

  spawnProgram(parent: Process | undefined, argv: string[], env: Map<string, string>, cwd: string, fds: TaskFds, program: Program): Task {
    const p = this.newProcess(parent, argv, env, cwd, fds);
    const t = new Task(p, 'program', program(p));
    this.register(t, parent);
    return t;
  }

  spawnCommand(parent: Process | undefined, argv: string[], env: Map<string, string>, cwd: string, fds: TaskFds, gen: (p: Process) => CmdGen): Task {
    const p = this.newProcess(parent, argv, env, cwd, fds);
    const t = new Task(p, 'command', gen(p));
    this.register(t, parent);
    return t;
  }

  private register(t: Task, parent: Process | undefined): void {
    this.tasks.set(t.proc.pid, t);
    if (parent) this.tasks.get(parent.pid)?.children.push(t);
  }

  /**
   * The program of a workstation command (kubectl, cat …) in process `p`: its argv, environment
   * and descriptors. Writing to a pipe nobody reads any more ends it (SIGPIPE).
   */
  runCommandIn(p: Process): ProgramGen {
    const out = p.fds.stdout;
    const fds: TaskFds = {
      stdin: p.fds.stdin,
      stdout: {
        write: (t: string) => {
          const task = this.tasks.get(p.pid);
          if (out instanceof Pipe && this.readerGone(out)) {
            if (task) task.broken = true;
          } else out.write(t);
        },
        // Programs the command starts (timeout 5 yes | head) write to the pipe itself.
        pipe: out instanceof Pipe ? out : undefined,
      } as Writable & { pipe?: Pipe },
      stderr: p.fds.stderr,
    };
    return this.startCommand(p.argv, fds, p.env, p) as unknown as ProgramGen;
  }

  /** The ShellHooks shells and programs use to start children (pipeline stages, xargs, find -exec). */
  readonly hooks = {
    spawn: (parent: Process, argv: string[], env: Map<string, string>, io: TaskFds, program: Program): Process => this.spawnProgram(parent, argv, env, parent.cwd, io, program).proc,
    kill: (target: Process, sig: number) => {
      const t = this.tasks.get(target.pid);
      if (t && !t.done) this.finish(t, { code: 128 + sig, signal: sig }, true);
    },
    redirect: (p: Process, io: TaskFds) => {
      // exec with redirections: the descriptors move, with their writer references.
      const old = p.fds;
      io.stdout.addWriter?.();
      if (io.stderr !== io.stdout) io.stderr.addWriter?.();
      old.stdout.close?.();
      if (old.stderr !== old.stdout) old.stderr.close?.();
      p.fds.stdin = io.stdin;
      p.fds.stdout = io.stdout;
      p.fds.stderr = io.stderr;
    },
  };

  /** True when nothing alive reads the pipe any more. */
  readerGone(pipe: Pipe): boolean {
    for (const q of this.ns.procs.values()) if (q.alive && q.fds.stdin === pipe) return false;
    return true;
  }

  /** Run tasks (and whatever they spawn) until all of them end; returns the last one's status. */
  *run(roots: Task[]): Generator<Wait, number, void> {
    try {
      for (;;) {
        let progressed = true;
        while (progressed) {
          progressed = false;
          for (const t of this.live(roots.concat([...this.background]))) {
            if (!this.ready(t)) continue;
            this.step(t);
            progressed = true;
          }
        }
        if (roots.every((t) => t.done)) return roots[roots.length - 1].status!;
        const live = this.live(roots.concat([...this.background]));
        const deadlines = live.map((t) => (t.blocked?.t === 'sleep' ? t.blocked.until : t.blocked?.t === 'until' ? t.blocked.deadline : undefined)).filter((d): d is number => d !== undefined);
        const deadline = deadlines.length ? Math.min(...deadlines) : undefined;
        yield { op: 'until', done: () => live.some((t) => this.ready(t)), deadline };
      }
    } finally {
      // Interrupted (Ctrl+C, timeout) or done: nothing of this job may keep running.
      for (const t of this.live(roots)) this.finish(t, { code: 130, signal: 2 }, true);
    }
  }

  private live(roots: Task[]): Task[] {
    const out: Task[] = [];
    const walk = (t: Task) => {
      if (!t.done) out.push(t);
      t.children.forEach(walk);
    };
    roots.forEach(walk);
    return out;
  }

  private ready(t: Task): boolean {
    if (t.broken) return true;
    const b = t.blocked;
    if (!b) return true;
    switch (b.t) {
      case 'sleep':
        return this.now() >= b.until;
      case 'read':
        if (!b.line) return b.pipe.hasData() || b.pipe.closed;
        // A line read is ready only with a whole line (or EOF): take it now, hand it over on resume.
        b.taken ??= b.pipe.takeLine();
        return b.taken !== undefined || b.pipe.closed;
      case 'wait':
        return t.children.some((c) => c.done && (b.pid === undefined || c.proc.pid === b.pid) && c.proc.state === 'zombie');
      case 'until':
        return b.done() || (b.deadline !== undefined && this.now() >= b.deadline);
      case 'never':
        return false;
    }
  }

  private step(t: Task): void {
    if (t.broken) {
      this.finish(t, { code: 141, signal: 13 }, true);
      return;
    }
    let r: IteratorResult<Syscall | Wait, number>;
    const prev = this.current;
    this.current = t.proc;
    try {
      if (t.kind === 'program') {
        const input = this.complete(t);
        r = (t.gen as ProgramGen).next(input);
      } else {
        t.blocked = undefined;
        r = (t.gen as CmdGen).next();
      }
    } catch (e) {
      t.proc.fds.stderr.write(`${t.proc.comm}: ${e instanceof Error ? e.message : String(e)}\n`);
      this.finish(t, { code: 1 }, false);
      return;
    } finally {
      this.current = prev;
    }
    if (r.done) {
      this.finish(t, { code: r.value }, false);
      return;
    }
    t.blocked = this.block(r.value);
  }

  /** What the blocking call a program made returns now that it is ready. */
  private complete(t: Task): SyscallResult {
    const b = t.blocked;
    t.blocked = undefined;
    if (!b) {
      const v = t.resumeWith;
      t.resumeWith = undefined;
      return v;
    }
    if (b.t === 'read') {
      const data = b.line ? b.taken : b.pipe.hasData() ? b.pipe.take() : undefined;
      return { data: data ?? null };
    }
    if (b.t === 'wait') {
      const c = t.children.find((x) => x.done && (b.pid === undefined || x.proc.pid === b.pid) && x.proc.state === 'zombie')!;
      c.proc.state = 'reaped';
      this.ns.procs.delete(c.proc.pid);
      this.tasks.delete(c.proc.pid);
      // A reaped child is forgotten (a loop that runs a command each second must not pile them up).
      t.children.splice(t.children.indexOf(c), 1);
      t.proc.children.delete(c.proc);
      return { exited: c.proc.pid, status: c.proc.exitStatus! };
    }
    return undefined;
  }

  private block(w: Syscall | Wait): Blocked {
    switch (w.op) {
      case 'sleep':
        return { t: 'sleep', until: this.now() + w.ms };
      case 'cpu':
        // A busy program's CPU time passes as virtual time (`yes` charges 1 ms per chunk).
        return { t: 'sleep', until: this.now() + w.ms };
      case 'read':
        return { t: 'read', pipe: w.pipe, line: !!w.line };
      case 'wait':
        return { t: 'wait', pid: w.pid };
      case 'waitAny':
        return { t: 'wait' };
      case 'until':
        return { t: 'until', done: w.done, deadline: w.deadline };
      case 'pause':
        return { t: 'never' };
    }
  }

  private finish(t: Task, status: ExitStatus, abort: boolean): void {
    if (t.done) return;
    t.status = status.signal ? 128 + status.signal : status.code;
    if (abort) {
      try {
        t.gen.return(t.status);
      } catch {
        /* a generator's cleanup failing must not take the workstation down */
      }
      for (const c of t.children) if (!c.done) this.finish(c, status, true);
    }
    this.background.delete(t);
    if (t.persistent) {
      // The login shell finished a line (or was interrupted): its children are gone, it is not.
      for (const c of t.children) if (!c.done) this.finish(c, status, true);
      for (const c of t.children) {
        if (c.proc.state === 'zombie') c.proc.state = 'reaped';
        this.ns.procs.delete(c.proc.pid);
        this.tasks.delete(c.proc.pid);
        t.proc.children.delete(c.proc);
      }
      return;
    }
    const p = t.proc;
    p.state = 'zombie';
    p.exitStatus = status;
    p.fds.stdout.close?.();
    if (p.fds.stderr !== p.fds.stdout) p.fds.stderr.close?.();
    // Nobody waits for a top-level task: it is reaped at once (the shell collected it).
    if (!p.parent) {
      p.state = 'reaped';
      this.ns.procs.delete(p.pid);
      this.tasks.delete(p.pid);
    }
  }
}
