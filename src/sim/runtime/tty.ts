/**
 * A pseudo-terminal, as the container runtime allocates one for `kubectl exec -t` (or a container
 * with `tty: true`): one stream in (lines the learner types, already edited by the terminal — the
 * line discipline's cooked mode), one stream out (stdout and stderr are the same device), a name
 * for `tty` and `ps`, and the terminal's special keys: Ctrl+C sends SIGINT to the foreground
 * processes, Ctrl+D makes the next read return end-of-file once.
 */
import { Pipe, type Writable } from './pipe';
import type { Process } from './process';

/** The terminal's input side: a pipe that never closes, but whose reader can be handed one EOF. */
export class TtyInput extends Pipe {
  private eofPending = false;

  /** Ctrl+D on an empty line: the next read returns end-of-file (0 bytes), later reads block again. */
  sendEof(): void {
    this.eofPending = true;
    this.write(''); // wakes a blocked reader
  }

  /** Called by the kernel's read: true once per Ctrl+D, when no typed data is waiting before it. */
  consumeEof(): boolean {
    if (!this.eofPending || this.hasData()) return false;
    this.eofPending = false;
    return true;
  }
}

export class Tty {
  readonly input = new TtyInput();
  /** Processes started in the background (`cmd &`): Ctrl+C does not reach them. */
  readonly background = new WeakSet<Process>();

  constructor(
    /** Where the device's output goes (the terminal on the workstation). */
    readonly output: Writable,
    readonly name = 'pts/0',
  ) {}

  private readonly resizeListeners = new Set<() => void>();

  /**
   * SIGWINCH as a line editor handles it while waiting in its read: busybox's lineedit and bash's
   * readline redraw the prompt at once (`kubectl attach -it` sends the terminal size on connect,
   * which is why the prompt appears). Returns the function that removes the handler.
   */
  onResize(fn: () => void): () => void {
    this.resizeListeners.add(fn);
    return () => this.resizeListeners.delete(fn);
  }

  /** The terminal's size was set (TIOCSWINSZ). */
  resize(): void {
    for (const fn of [...this.resizeListeners]) fn();
  }

  /** Whether a process's descriptor `fd` is this terminal (isatty). */
  isTerminal(p: Process, fd: 0 | 1 | 2): boolean {
    if (fd === 0) return p.fds.stdin === this.input;
    return (fd === 1 ? p.fds.stdout : p.fds.stderr) === this.output;
  }

  /** The processes Ctrl+C reaches: those with this controlling terminal, not in the background. */
  foreground(procs: Iterable<Process>): Process[] {
    return [...procs].filter((p) => p.tty === this && p.alive && !this.background.has(p));
  }
}
