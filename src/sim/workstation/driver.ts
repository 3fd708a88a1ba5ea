/**
 * Running workstation commands headlessly: virtual time advances exactly as far as a command
 * waits (`sleep 30` costs 30 virtual seconds and a few milliseconds of real time). A command that
 * would wait forever (`kubectl get pods -w` without `timeout`) is stopped after a bound, with a
 * note, so scripts always finish.
 */
import type { Cluster } from '../cluster';
import type { CmdGen } from '../kubectl/context';

export const UNBOUNDED_WAIT_LIMIT_MS = 3600_000;

export function driveHeadless(gen: CmdGen, cluster: Cluster, onUnbounded?: () => void): number {
  let r = gen.next();
  while (!r.done) {
    const w = r.value;
    if (w.op === 'sleep') cluster.advance(w.ms);
    else {
      const bounded = w.deadline !== undefined && Number.isFinite(w.deadline);
      const deadline = bounded ? w.deadline! : cluster.now() + UNBOUNDED_WAIT_LIMIT_MS;
      const ok = cluster.runUntil(w.done, deadline);
      if (!ok && !bounded) {
        onUnbounded?.();
        gen.return(130);
        return 130;
      }
    }
    r = gen.next();
  }
  return r.value;
}
