/**
 * The streams of an interactive `kubectl exec -i` / `attach -i`: what kubectl's remotecommand
 * does between the learner's terminal and a process in a container. Typed lines go to the
 * process's stdin (a pseudo-terminal with -t, a plain pipe without), its output comes back as it
 * is written. With a tty, Ctrl+C is the terminal's interrupt character: SIGINT reaches the
 * container's foreground processes, not kubectl; without one, Ctrl+C ends kubectl. Ctrl+D ends
 * the input: one end-of-file read on a tty, the closed stdin stream without.
 */
import type { CmdGen, KubectlCtx, TerminalInput } from '../context';
import type { Process } from '../../runtime/process';
import type { Pipe } from '../../runtime/pipe';
import { Tty, TtyInput } from '../../runtime/tty';
import type { Kernel } from '../../runtime/kernel';

const SIGINT = 2;

/** Whether kubectl's stdin is the terminal (not a pipe or here-document) so `-t` can get a tty. */
export function terminalIn(ctx: KubectlCtx): TerminalInput | undefined {
  return ctx.stdin === undefined ? ctx.terminal : undefined;
}

/** The stdin kubectl hands the container for `-i`: the terminal's device, or a pipe kept open. */
export function liveStdin(tty: Tty | undefined): Pipe {
  if (tty) return tty.input;
  const pipe = new TtyInput();
  // Marks a stdin fed by a person typing: `sh` then runs each command as its line arrives.
  (pipe as { live?: boolean }).live = true;
  return pipe;
}

/** Pump the terminal into `stdin` until the process exits; returns when it has. */
export function* streamSession(term: TerminalInput, proc: Process, kernel: Kernel, stdin: Pipe, tty: Tty | undefined): CmdGen {
  let stdinClosed = false;
  const release = term.claim({
    interrupt: () => {
      if (!tty) return false;
      for (const p of tty.foreground(proc.ns.procs.values())) kernel.kill(p, SIGINT);
      return true;
    },
    idle: () => !stdin.hasData() && [...proc.ns.procs.values()].some((p) => p.alive && p.blocked?.op === 'read' && p.blocked.pipe === stdin),
  });
  try {
    while (proc.alive) {
      yield { op: 'until', done: () => !proc.alive || term.pending() };
      for (let line = term.take(); line !== undefined; line = term.take()) {
        if (stdinClosed) continue;
        if (line !== null) stdin.write(line + '\n');
        else if (tty) tty.input.sendEof();
        else {
          stdin.close();
          stdinClosed = true;
        }
      }
    }
  } finally {
    release();
    // Interrupted (Ctrl+C without a tty, timeout): the streams close and the process is killed.
    if (proc.alive) kernel.kill(proc, 9, true);
  }
  return 0;
}
