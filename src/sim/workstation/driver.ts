/**
 * Running workstation commands headlessly: virtual time advances exactly as far as a command
 * waits (`sleep 30` costs 30 virtual seconds and a few milliseconds of real time). A command that
 * would wait forever (`kubectl get pods -w` without `timeout`), or keeps running past that bound
 * (an endless loop), is stopped, with a note, so scripts always finish.
 *
 * An interactive session (`kubectl exec -it POD -- sh`) reads the terminal: the driver then types
 * the script's next line, as a person would, whenever the program inside waits at its prompt —
 * and Ctrl+D when the script has no more lines.
 */
import type { Cluster } from '../cluster';
import type { CmdGen } from '../kubectl/context';
import type { Keyboard } from './keyboard';

export const UNBOUNDED_WAIT_LIMIT_MS = 3600_000;
/** Resumptions after which a command that keeps running (a busy loop) is stopped. */
export const BUSY_STEP_LIMIT = 200_000;

/** Why a command was stopped: it waited (or ran) past the virtual-time bound, or never paused. */
export type StopReason = 'unbounded' | 'busy';

/** Where typed lines come from: the script's next line, echoed as the terminal would show it. */
export interface Typist {
  keyboard: Keyboard;
  /** The next line of the script, or undefined at its end. */
  nextLine(): string | undefined;
  echo(line: string): void;
}

export function driveHeadless(gen: CmdGen, cluster: Cluster, onUnbounded?: (why: StopReason) => void, typist?: Typist): number {
  const wantsLine = () => !!typist && typist.keyboard.wantsLine();
  const started = cluster.now();
  let steps = 0;
  let r = gen.next();
  while (!r.done) {
    const w = r.value;
    // A loop that never ends (`while true; do kubectl get pods; sleep 2; done`) is stopped as well.
    const why: StopReason | undefined = typist?.keyboard.reading() ? undefined : cluster.now() - started > UNBOUNDED_WAIT_LIMIT_MS ? 'unbounded' : ++steps > BUSY_STEP_LIMIT ? 'busy' : undefined;
    if (why) {
      onUnbounded?.(why);
      gen.return(130);
      return 130;
    }
    if (w.op === 'sleep') cluster.advance(w.ms);
    else {
      const bounded = w.deadline !== undefined && Number.isFinite(w.deadline);
      for (;;) {
        const deadline = bounded ? w.deadline! : cluster.now() + UNBOUNDED_WAIT_LIMIT_MS;
        cluster.runUntil(() => w.done() || wantsLine(), deadline);
        if (w.done()) break;
        if (wantsLine()) {
          const line = typist!.nextLine();
          if (line === undefined) typist!.keyboard.endOfFile();
          else {
            typist!.echo(line);
            typist!.keyboard.type(line);
          }
          continue;
        }
        if (!bounded) {
          onUnbounded?.('unbounded');
          gen.return(130);
          return 130;
        }
        break;
      }
    }
    r = gen.next();
  }
  return r.value;
}
