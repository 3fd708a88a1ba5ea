/**
 * Processes in virtual time. A program is a generator: it runs synchronously until it makes a
 * blocking system call (sleep, wait for a child, read a pipe, pause until a signal, or a CPU
 * charge), which it yields; the kernel resumes it when the clock reaches that point. Generators
 * keep every run deterministic and let a busy loop be preempted: the shell yields a CPU charge
 * every few commands, so `while true; do :; done` advances virtual time instead of hanging.
 */
import type { ContainerFs } from './containerfs';
import type { Pipe, Writable } from './pipe';
import type { Tty } from './tty';

export type Syscall =
  | { op: 'sleep'; ms: number }
  | { op: 'cpu'; ms: number }
  | { op: 'wait'; pid: number }
  | { op: 'waitAny' }
  | { op: 'pause' }
  | { op: 'read'; pipe: Pipe; line?: boolean };

/** What a blocking call returns: a wait result, data read, or the signal that interrupted it. */
export type SyscallResult =
  | undefined
  | { interrupted: number }
  | { exited: number; status: ExitStatus }
  | { data: string | null };

export interface ExitStatus {
  code: number;
  signal?: number;
}

export type ProgramGen = Generator<Syscall, number, SyscallResult>;
export type Program = (p: Process) => ProgramGen;

/** A PID namespace: one per container, or one per pod with shareProcessNamespace. */
export class PidNamespace {
  nextPid = 1;
  readonly procs = new Map<number, Process>();
  allocate(): number {
    return this.nextPid++;
  }
}

/** What a process sees of the container it runs in. */
export interface ProcessHost {
  containerId: string;
  containerName: string;
  hostname: string;
  fs: ContainerFs;
  /** Virtual time, for programs that print dates. */
  now(): number;
  /** Image-provided programs by path (`/bin/sh`, `/usr/sbin/nginx`) and the default PATH. */
  resolveProgram(name: string, path: string): { path: string; program: Program } | undefined;
  /** Extra services a program may use (network, IPC...). The runtime fills this in. */
  services: Record<string, unknown>;
}

/** Programs we ship that install a SIGCHLD handler or wait for any child: shells, init shims, nginx's master. */
const REAPING_PROGRAMS = /^(sh|ash|bash|dash|pause|tini|dumb-init|nginx: master process.*)$/;

export type SignalDisposition = 'default' | 'ignore' | 'catch';

export class Process {
  ppid = 0;
  state: 'runnable' | 'blocked' | 'zombie' | 'reaped' = 'runnable';
  exitStatus?: ExitStatus;
  blocked?: Syscall;
  timer?: number;
  readonly children = new Set<Process>();
  parent?: Process;
  readonly dispositions = new Map<number, SignalDisposition>();
  readonly pendingSignals: number[] = [];
  cpuMs = 0;
  gen?: ProgramGen;
  /** The user name `ps` shows. */
  user = 'root';
  /**
   * Whether the program collects exited children it is not waiting for (a SIGCHLD handler):
   * shells, /pause and nginx do, `sleep` does not. Decides whether orphans adopted by a PID 1
   * linger as zombies. Unset means "decide from the program's name", so that exec-ing another
   * program in place (which resets signal handlers) changes the answer.
   */
  reapsChildrenOverride?: boolean;
  /** Re-parented to its namespace's init after its parent exited. */
  adopted = false;
  /**
   * The program collects exited children from a SIGCHLD handler (nginx's master, /pause, tini),
   * so they never linger as zombies; shells instead keep them until `wait` asks for their status.
   */
  reapsOnSigchld = false;
  onExit: Array<(s: ExitStatus) => void> = [];
  /** The controlling terminal (kubectl exec -t), inherited by children; `ps` shows its name. */
  tty?: Tty;

  constructor(
    public readonly pid: number,
    public readonly ns: PidNamespace,
    public argv: string[],
    public env: Map<string, string>,
    public cwd: string,
    public readonly host: ProcessHost,
    public readonly fds: { stdin?: Pipe; stdout: Writable; stderr: Writable },
    public readonly startTime: number,
  ) {}

  /** True for the first process of a PID namespace, which the kernel shields from default-action signals. */
  get isNamespaceInit(): boolean {
    return this.pid === 1;
  }

  /**
   * The kernel's comm: the executable's name (15 characters at most), set by exec. Programs that
   * rewrite their argv for ps (nginx's "master process") do not change it — pidof matches this.
   */
  comm = '';

  /** exec: the process now runs another program (same PID). */
  execve(argv: string[], path?: string): void {
    this.argv = argv;
    const exe = path ?? argv[0] ?? '';
    this.comm = exe.slice(exe.lastIndexOf('/') + 1).slice(0, 15);
  }

  get alive(): boolean {
    return this.state === 'runnable' || this.state === 'blocked';
  }

  get reapsChildren(): boolean {
    if (this.reapsChildrenOverride !== undefined) return this.reapsChildrenOverride;
    const a = this.argv[0] ?? '';
    return REAPING_PROGRAMS.test(a.slice(a.lastIndexOf('/') + 1));
  }

  /** The name `ps` and `pidof` show: argv joined. */
  get commandLine(): string {
    return this.argv.join(' ');
  }
}
