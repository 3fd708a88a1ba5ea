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
  constructor(
    readonly proc: Process,
    readonly kind: 'program' | 'command',
    readonly gen: ProgramGen | CmdGen,
  ) {}
  get done(): boolean {
    return this.status !== undefined;
  }
}

/** A program spawned by another (xargs, find -exec) that is one of the workstation's own commands. */
export const WORKSTATION_COMMAND = Symbol('workstation command');
export type CommandStarter = (argv: string[], fds: TaskFds, env: Map<string, string>) => CmdGen;

export class WorkstationKernel {
  readonly ns = new PidNamespace();
  private readonly tasks = new Map<number, Task>();

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

  /** The ShellHooks programs use to start children (xargs, find -exec). */
  readonly hooks = {
    spawn: (parent: Process, argv: string[], env: Map<string, string>, io: TaskFds, program: Program): Process => {
      if ((program as { [WORKSTATION_COMMAND]?: boolean })[WORKSTATION_COMMAND]) {
        return this.spawnCommand(parent, argv, env, parent.cwd, io, () => this.startCommand(argv, io, env)).proc;
      }
      return this.spawnProgram(parent, argv, env, parent.cwd, io, program).proc;
    },
    kill: (target: Process, sig: number) => {
      const t = this.tasks.get(target.pid);
      if (t && !t.done) this.finish(t, { code: 128 + sig, signal: sig }, true);
    },
    redirect: () => {},
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
          for (const t of this.live(roots)) {
            if (!this.ready(t)) continue;
            this.step(t);
            progressed = true;
          }
        }
        if (roots.every((t) => t.done)) return roots[roots.length - 1].status!;
        const live = this.live(roots);
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
