/**
 * Byte streams between processes and their sinks. A Writable is where a file descriptor writes
 * (a container log, a pipe, a file); a Pipe is both ends of `a | b`, with readers blocking in
 * virtual time until data or EOF arrives.
 */
export interface Writable {
  write(text: string): void;
  /** A process holding this stream as a descriptor exits (releases its reference). */
  close?(): void;
  /** A process takes a reference (it was spawned, or exec'd, with this stream as a descriptor). */
  addWriter?(): void;
}

/**
 * Pipes count their writers like file descriptors do: each process holding the write end adds a
 * reference when it starts and drops it when it exits; readers see EOF only when the last one is
 * gone (a pipe nobody ever held closes on its first close()).
 */
export class Pipe implements Writable {
  private buf = '';
  private writers = 0;
  closed = false;
  private waiters: Array<() => void> = [];

  write(text: string): void {
    if (this.closed) return;
    this.buf += text;
    this.wake();
  }

  addWriter(): void {
    this.writers++;
  }

  close(): void {
    if (--this.writers <= 0) {
      this.closed = true;
      this.wake();
    }
  }

  /** Everything buffered so far; '' with closed=true means EOF. */
  take(): string {
    const s = this.buf;
    this.buf = '';
    return s;
  }

  /** Take one line (without its newline); undefined when no full line is buffered yet. */
  takeLine(): string | undefined {
    const i = this.buf.indexOf('\n');
    if (i < 0) {
      if (this.closed && this.buf) {
        const s = this.buf;
        this.buf = '';
        return s;
      }
      return undefined;
    }
    const s = this.buf.slice(0, i);
    this.buf = this.buf.slice(i + 1);
    return s;
  }

  hasData(): boolean {
    return this.buf.length > 0;
  }

  onReadable(fn: () => void): void {
    this.waiters.push(fn);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }
}

/**
 * Splits a stream into lines, handing each finished line to `emit` (container logs are line based).
 * An unterminated last line is flushed when the last process holding the stream exits.
 */
export class LineSink implements Writable {
  private partial = '';
  private writers = 0;
  constructor(private readonly emit: (line: string) => void) {}

  addWriter(): void {
    this.writers++;
  }

  write(text: string): void {
    const s = this.partial + text;
    const lines = s.split('\n');
    this.partial = lines.pop() ?? '';
    for (const l of lines) this.emit(l);
  }

  /** Flush an unterminated last line once no process writes here any more. */
  close(): void {
    if (--this.writers > 0) return;
    if (this.partial) {
      const p = this.partial;
      this.partial = '';
      this.emit(p);
    }
  }
}

export const devNull: Writable = { write() {} };
