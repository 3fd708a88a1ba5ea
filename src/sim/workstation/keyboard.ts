/**
 * The workstation terminal's keyboard while a command runs. Lines the learner types (the browser
 * terminal edits them locally, like a tty's cooked mode) queue here; a command that reads the
 * terminal — an interactive `kubectl exec -it` session — claims the keyboard and takes them.
 * Whoever drives the workstation asks `reading()` to know whether to offer a line editor, and
 * `wantsLine()` (headless) to know when a person would type the next line: when the session's
 * program sits at its prompt with nothing left to read.
 */
import type { TerminalInput } from '../kubectl/context';

interface Claimant {
  interrupt(): boolean;
  idle(): boolean;
}

export class Keyboard implements TerminalInput {
  private queue: Array<string | null> = [];
  private claimant: Claimant | undefined;

  take(): string | null | undefined {
    return this.queue.length ? this.queue.shift() : undefined;
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  claim(session: Claimant): () => void {
    this.claimant = session;
    this.queue = [];
    return () => {
      if (this.claimant === session) this.claimant = undefined;
      this.queue = [];
    };
  }

  /** Enter: one line typed into the running command. Ignored when nothing reads the terminal. */
  type(line: string): void {
    if (this.claimant) this.queue.push(line);
  }

  /** Ctrl+D. */
  endOfFile(): void {
    if (this.claimant) this.queue.push(null);
  }

  /** Ctrl+C: true when a session took it (it goes to the foreground process inside). */
  interrupt(): boolean {
    if (!this.claimant?.interrupt()) return false;
    this.queue = [];
    return true;
  }

  /** A command is reading the terminal: typed lines go to it. */
  reading(): boolean {
    return !!this.claimant;
  }

  /** The reader waits for a line now and nothing typed is queued. */
  wantsLine(): boolean {
    return !!this.claimant && !this.queue.length && this.claimant.idle();
  }
}
