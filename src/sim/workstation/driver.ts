/**
 * Running workstation commands headlessly: virtual time advances exactly as far as a command
 * waits (`sleep 30` costs 30 virtual seconds and a few milliseconds of real time). A command that
 * would wait forever (`kubectl get pods -w` without `timeout`) is stopped after a bound, with a
 * note, so scripts always finish.
 *
 * An interactive session (`kubectl exec -it POD -- sh`) reads the terminal: the driver then types
 * the script's next line, as a person would, whenever the program inside waits at its prompt —
 * and Ctrl+D when the script has no more lines.
 */
import type { Cluster } from '../cluster';
import type { CmdGen } from '../kubectl/context';
import type { Keyboard } from './keyboard';

export const UNBOUNDED_WAIT_LIMIT_MS = 3600_000;

/** Where typed lines come from: the script's next line, echoed as the terminal would show it. */
export interface Typist {
  keyboard: Keyboard;
  /** The next line of the script, or undefined at its end. */
  nextLine(): string | undefined;
  echo(line: string): void;
}

export function driveHeadless(gen: CmdGen, cluster: Cluster, onUnbounded?: () => void, typist?: Typist): number {
  const wantsLine = () => !!typist && typist.keyboard.wantsLine();
  let r = gen.next();
  while (!r.done) {
    const w = r.value;
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
          onUnbounded?.();
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
