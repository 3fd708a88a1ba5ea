/**
 * The node's process scheduler. It starts programs, resumes them when what they wait for happens
 * in virtual time, delivers signals with Linux semantics, and reaps children.
 *
 * Signal rules that learners meet in practice:
 * - A signal with a default action is ignored by the init process of a PID namespace (PID 1 of a
 *   container) unless sent from an ancestor namespace with SIGKILL: that is why a shell or `sleep`
 *   as PID 1 ignores the kubelet's SIGTERM and is killed after the grace period (exit 137).
 * - A caught signal interrupts `sleep`-like waits of the catching process; a shell waiting for a
 *   foreground child runs its trap only after the child finishes (ash behaviour).
 */
import type { VirtualClock } from '../clock/clock';
import { Process, type ExitStatus, type PidNamespace, type Program, type ProcessHost, type Syscall, type SyscallResult } from './process';
import type { Pipe, Writable } from './pipe';
import type { Tty } from './tty';

export interface SpawnOptions {
  argv: string[];
  env: Map<string, string>;
  cwd: string;
  host: ProcessHost;
  ns: PidNamespace;
  program: Program;
  parent?: Process;
  fds: { stdin?: Pipe; stdout: Writable; stderr: Writable };
  user?: string;
  /** Controlling terminal; children inherit their parent's when unset. */
  tty?: Tty;
}

/** Guard against a program that never yields inside one resume (a bug, not a user loop). */
const MAX_SYNC_STEPS = 1_000_000;

export class Kernel {
  /** The process whose code is running right now: what /proc/self names. */
  current?: Process;

  constructor(private readonly clock: VirtualClock) {}

  spawn(o: SpawnOptions): Process {
    const pid = o.ns.allocate();
    const p = new Process(pid, o.ns, o.argv, o.env, o.cwd, o.host, o.fds, this.clock.now());
    p.execve(o.argv);
    if (o.user) p.user = o.user;
    p.tty = o.tty ?? o.parent?.tty;
    o.ns.procs.set(pid, p);
    if (o.parent) {
      p.parent = o.parent;
      p.ppid = o.parent.ns === o.ns ? o.parent.pid : 0;
      o.parent.children.add(p);
    }
    // The child holds its output streams like inherited file descriptors.
    o.fds.stdout.addWriter?.();
    if (o.fds.stderr !== o.fds.stdout) o.fds.stderr.addWriter?.();
    p.gen = o.program(p);
    // Start at the current instant but after the caller finishes its own step.
    this.clock.after(0, () => this.resume(p, undefined));
    return p;
  }

  /** Send a signal. `fromOutside` is true for the container runtime (an ancestor namespace). */
  kill(p: Process, sig: number, fromOutside = false): void {
    if (!p.alive) return;
    if (sig === 0) return;
    if (sig === 9) {
      if (p.isNamespaceInit && !fromOutside) return;
      this.terminate(p, { code: 128 + 9, signal: 9 });
      return;
    }
    const disp = p.dispositions.get(sig) ?? 'default';
    if (disp === 'ignore') return;
    if (disp === 'default') {
      // SIGCHLD and SIGCONT default to ignore/continue; everything else we model terminates.
      if (sig === 17 || sig === 18) return;
      if (p.isNamespaceInit) return;
      this.terminate(p, { code: 128 + sig, signal: sig });
      return;
    }
    p.pendingSignals.push(sig);
    const b = p.blocked;
    if (b && (b.op === 'sleep' || b.op === 'pause' || b.op === 'waitAny' || b.op === 'read')) {
      this.clock.cancel(p.timer);
      p.blocked = undefined;
      this.clock.after(0, () => this.resume(p, { interrupted: sig }));
    }
  }

  /** End a process now (signal default action or SIGKILL); its generator never runs again. */
  terminate(p: Process, status: ExitStatus): void {
    if (!p.alive) return;
    this.clock.cancel(p.timer);
    p.blocked = undefined;
    try {
      p.gen?.return(status.code);
    } catch {
      /* a program's finally block failing must not take the node down */
    }
    this.exit(p, status);
  }

  private exit(p: Process, status: ExitStatus): void {
    p.state = 'zombie';
    p.exitStatus = status;
    p.fds.stdout.close?.();
    if (p.fds.stderr !== p.fds.stdout) p.fds.stderr.close?.();
    this.orphan(p);
    for (const fn of p.onExit) fn(status);
    const parent = p.parent;
    if (!parent || !parent.alive) {
      this.reap(p);
      return;
    }
    const b = parent.blocked;
    if (b && ((b.op === 'wait' && b.pid === p.pid) || b.op === 'waitAny')) {
      parent.blocked = undefined;
      this.reap(p);
      this.clock.after(0, () => this.resume(parent, { exited: p.pid, status }));
      return;
    }
    // An init with a SIGCHLD handler collects adopted orphans at once; one that never waits
    // leaves a zombie in the process table. Its own children stay zombies until it waits for
    // them, which keeps their status for the shell's `wait PID`.
    if (parent.reapsOnSigchld || (p.adopted && parent.reapsChildren)) this.reap(p);
  }

  /**
   * Children of an exiting process are re-parented to the init of their PID namespace. If init
   * reaps (a shell, /pause), exited orphans go away; if it never waits (`sleep` as PID 1), they
   * stay zombies with PPID 1. With no live init the namespace is going away and nothing lingers.
   */
  private orphan(p: Process): void {
    const init = p.ns.procs.get(1);
    for (const c of p.children) {
      if (init && init !== p && init.alive && c.ns === init.ns) {
        c.parent = init;
        c.ppid = 1;
        c.adopted = true;
        init.children.add(c);
        if (c.state === 'zombie' && init.reapsChildren) this.reap(c);
      } else {
        c.parent = undefined;
        c.ppid = 0;
        if (c.state === 'zombie') this.reap(c);
      }
    }
    p.children.clear();
  }

  /** exec with redirections: the process's descriptors become `io`'s (references move with them). */
  redirect(p: Process, io: { stdin?: Pipe; stdout: Writable; stderr: Writable }): void {
    const old = p.fds;
    io.stdout.addWriter?.();
    if (io.stderr !== io.stdout) io.stderr.addWriter?.();
    old.stdout.close?.();
    if (old.stderr !== old.stdout) old.stderr.close?.();
    p.fds.stdin = io.stdin;
    p.fds.stdout = io.stdout;
    p.fds.stderr = io.stderr;
  }

  reap(p: Process): void {
    if (p.state === 'reaped') return;
    p.state = 'reaped';
    p.ns.procs.delete(p.pid);
    p.parent?.children.delete(p);
  }

  private resume(p: Process, value: SyscallResult): void {
    if (!p.alive || !p.gen) return;
    p.state = 'runnable';
    let v = value;
    for (let i = 0; i < MAX_SYNC_STEPS; i++) {
      let r: IteratorResult<Syscall, number>;
      const prev = this.current;
      this.current = p;
      try {
        r = p.gen.next(v);
      } catch (e) {
        this.current = prev;
        // A crash inside a simulated program is a bug in the simulator; surface it as a segfault-like exit.
        p.fds.stderr.write(`simulator error in ${p.argv[0]}: ${(e as Error).message}\n`);
        this.exit(p, { code: 139, signal: 11 });
        return;
      }
      this.current = prev;
      if (!p.alive) return;
      if (r.done) {
        this.exit(p, { code: r.value & 255 });
        return;
      }
      const next = this.syscall(p, r.value);
      if (next === BLOCK) return;
      v = next;
    }
    this.terminate(p, { code: 137, signal: 9 });
  }

  /** Perform a syscall; returns the value to resume with right away, or BLOCK. */
  private syscall(p: Process, s: Syscall): SyscallResult | typeof BLOCK {
    switch (s.op) {
      case 'sleep':
      case 'cpu': {
        if (s.op === 'cpu') p.cpuMs += s.ms;
        p.state = 'blocked';
        p.blocked = s;
        p.timer = this.clock.after(s.ms, () => {
          p.blocked = undefined;
          this.resume(p, undefined);
        });
        return BLOCK;
      }
      case 'pause':
        p.state = 'blocked';
        p.blocked = s;
        return BLOCK;
      case 'wait': {
        const child = [...p.children].find((c) => c.pid === s.pid);
        if (!child) return { exited: s.pid, status: { code: 127 } };
        if (child.state === 'zombie') {
          this.reap(child);
          return { exited: child.pid, status: child.exitStatus! };
        }
        p.state = 'blocked';
        p.blocked = s;
        return BLOCK;
      }
      case 'waitAny': {
        const z = [...p.children].find((c) => c.state === 'zombie');
        if (z) {
          this.reap(z);
          return { exited: z.pid, status: z.exitStatus! };
        }
        if (p.children.size === 0) return { exited: 0, status: { code: 0 } };
        p.state = 'blocked';
        p.blocked = s;
        return BLOCK;
      }
      case 'read':
        return this.tryRead(p, s);
    }
  }

  /** Read now if data (or EOF) is there; otherwise block until the pipe has something for us. */
  private tryRead(p: Process, s: Syscall & { op: 'read' }): SyscallResult | typeof BLOCK {
    const data = s.line ? s.pipe.takeLine() : s.pipe.hasData() ? s.pipe.take() : undefined;
    if (data !== undefined) return { data };
    if (s.pipe.closed || (s.pipe as { consumeEof?: () => boolean }).consumeEof?.()) return { data: null };
    p.state = 'blocked';
    p.blocked = s;
    s.pipe.onReadable(() => {
      if (p.blocked !== s) return;
      p.blocked = undefined;
      this.clock.after(0, () => {
        if (!p.alive) return;
        const r = this.tryRead(p, s);
        if (r !== BLOCK) this.resume(p, r);
      });
    });
    return BLOCK;
  }
}

const BLOCK = Symbol('block');
