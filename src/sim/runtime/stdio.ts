/**
 * A container's standard streams as containerd keeps them for the CRI's ContainerConfig `stdin`,
 * `stdin_once` and `tty` (containerd's ContainerIO), and `kubectl attach` to them:
 *
 * - Without `stdin`, PID 1's stdin is closed: a shell reads end-of-file at once and exits.
 * - With `stdin`, it is a pipe the runtime holds open, so the process blocks reading until an
 *   attached client sends something. With `stdinOnce`, the first attach that ends its input
 *   (without a tty) closes it for good — the process then reads EOF — until the container restarts.
 * - With `tty`, PID 1 gets a terminal: stdin is the terminal (blocking even without `stdin`,
 *   nothing is ever typed then), stdout and stderr are the same device, and everything shown on
 *   it — prompts, typed input echoed by the line discipline, output — is the container's log.
 *
 * Output reaches the log and every attached client from the moment it attached (containerd keeps
 * no history for attach: a prompt printed before is not replayed).
 */
import { Pipe, type Writable } from './pipe';
import { Tty, TtyInput } from './tty';

export interface StdioConfig {
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

interface Client {
  stdout: Writable;
  stderr?: Writable;
  /** The client's terminal cursor is at the start of a line (a redraw's `\r` is then a no-op). */
  atLineStart: boolean;
  attachment: Attachment;
}

/** One `kubectl attach` (or `run -i`) connection to the container's streams. */
export interface Attachment {
  /** Whether typed input reaches the process (the client asked for stdin and the container has it). */
  readonly hasStdin: boolean;
  /** The container's terminal, when it has one (Ctrl+C and Ctrl+D act on it). */
  readonly tty?: Tty;
  /** The pipe the process reads; a session waits while the process blocks on it. */
  readonly stdin: Pipe;
  /** Typed text to the process (a tty echoes it into the log). */
  write(text: string): void;
  /** Ctrl+D on the container's terminal: one end-of-file read. */
  sendEof(): void;
  /** The client's input ended (Ctrl+D without a tty, a pipe's end): see containerd's Attach. */
  endInput(): void;
  /** The client's terminal size was sent (SIGWINCH): line editors redraw their prompt. */
  resize(): void;
  /** The connection closed (kubectl exited or was interrupted). */
  detach(): void;
  /** The attach is over: detached, or the container's output streams closed. */
  readonly ended: boolean;
}

export class ContainerStdio {
  /** PID 1's descriptors. */
  readonly stdin: Pipe;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly tty?: Tty;
  private readonly clients = new Set<Client>();
  private readonly ttyLog?: TerminalLog;

  constructor(
    private readonly config: StdioConfig,
    logStdout: Writable,
    logStderr: Writable,
  ) {
    if (config.tty) {
      this.ttyLog = new TerminalLog(logStdout);
      this.tty = new Tty(this.fanOut(this.ttyLog, 'stdout'));
      this.stdin = this.tty.input;
      this.stdout = this.stderr = this.tty.output;
      return;
    }
    this.stdout = this.fanOut(logStdout, 'stdout');
    this.stderr = this.fanOut(logStderr, 'stderr');
    if (config.stdin) {
      this.stdin = new TtyInput();
      // Fed by a person typing through attach: `sh` runs each command as its line arrives.
      (this.stdin as { live?: boolean }).live = true;
    } else {
      this.stdin = new Pipe();
      this.stdin.close();
    }
  }

  /**
   * Connect a client. `wantsStdin` is kubectl's -i; `tty` is whether the client streams as a
   * terminal (then there is no separate stderr: the terminal merges them).
   */
  attach(o: { wantsStdin: boolean; tty: boolean; stdout: Writable; stderr?: Writable }): Attachment {
    const self = this;
    const hasStdin = o.wantsStdin && !!this.config.stdin;
    let ended = false;
    const client: Client = { stdout: o.stdout, stderr: o.tty ? undefined : o.stderr, atLineStart: true, attachment: undefined as never };
    const closeStdinOnce = () => {
      // containerd: "when (StdinOnce && !Tty) we have to close container stdin".
      if (hasStdin && this.config.stdinOnce && !o.tty) this.stdin.close();
    };
    const attachment: Attachment = {
      hasStdin,
      tty: this.tty,
      stdin: this.stdin,
      write(text) {
        if (!hasStdin || ended || self.stdin.closed) return;
        self.stdin.write(text);
        // The terminal's line discipline echoes what is typed: it lands in the log and on the
        // attached clients — except a typist's own terminal, which shows the line as it was typed.
        if (self.tty) self.echo(text, o.tty ? client : undefined);
      },
      sendEof() {
        if (hasStdin && !ended && self.tty) self.tty.input.sendEof();
      },
      endInput() {
        if (ended) return;
        if (hasStdin && self.config.stdinOnce && !o.tty) closeStdinOnce();
        else finish();
      },
      resize() {
        if (!ended) self.tty?.resize();
      },
      detach() {
        if (ended) return;
        closeStdinOnce();
        finish();
      },
      get ended() {
        return ended;
      },
    };
    const finish = () => {
      ended = true;
      this.clients.delete(client);
    };
    client.attachment = attachment;
    this.clients.add(client);
    return attachment;
  }

  /** The container's main process exited: its streams close and every attach ends. */
  closed(): void {
    for (const c of [...this.clients]) c.attachment.detach();
  }

  private echo(text: string, from: Client | undefined): void {
    this.ttyLog!.write(text);
    for (const c of this.clients) if (c !== from) this.deliver(c, 'stdout', text);
  }

  /** PID 1's stdout or stderr: the log, plus every client attached right now. */
  private fanOut(log: Writable, stream: 'stdout' | 'stderr'): Writable {
    return {
      write: (text) => {
        log.write(text);
        for (const c of this.clients) this.deliver(c, stream, text);
      },
      addWriter: () => log.addWriter?.(),
      close: () => log.close?.(),
    };
  }

  private deliver(c: Client, stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    // A redraw starts with \r; at the start of a line it moves nothing, so it is left out.
    const shown = c.atLineStart ? text.replace(/^\r+/, '') : text;
    if (!shown) return;
    (stream === 'stderr' && c.stderr ? c.stderr : c.stdout).write(shown);
    c.atLineStart = shown.endsWith('\n');
  }
}

/**
 * The log of a terminal: what its screen shows line by line. A carriage return moves back to the
 * line's start and later characters overwrite (a line editor redrawing its prompt leaves one
 * prompt, as `kubectl logs` shows it on a terminal). Complete lines go to the log sink.
 */
class TerminalLog implements Writable {
  private line = '';
  private col = 0;
  private writers = 0;

  constructor(private readonly sink: Writable) {}

  addWriter(): void {
    this.writers++;
    this.sink.addWriter?.();
  }

  write(text: string): void {
    if (!text.includes('\r') && this.col === this.line.length) {
      // The common case (no redraw): append, emitting whole lines.
      const parts = (this.line + text).split('\n');
      this.line = parts.pop()!;
      this.col = this.line.length;
      for (const l of parts) this.sink.write(l + '\n');
      return;
    }
    for (const ch of text) {
      if (ch === '\n') {
        this.sink.write(this.line + '\n');
        this.line = '';
        this.col = 0;
      } else if (ch === '\r') this.col = 0;
      else {
        this.line = this.line.slice(0, this.col) + ch + this.line.slice(this.col + 1);
        this.col++;
      }
    }
  }

  close(): void {
    if (--this.writers <= 0 && this.line) {
      this.sink.write(this.line);
      this.line = '';
      this.col = 0;
    }
    this.sink.close?.();
  }
}
