/**
 * describe's Events section (DescribeEvents): "Events:  <none>", or a Type/Reason/Age/From/Message
 * table sorted by lastTimestamp with Go's unstable sort.Sort (ties keep the order that exact
 * algorithm leaves). Age is "24s (x3 over 2m24s)" for repeated events.
 */
import type { Event } from '../../api/types.ts';
import { eventInterval } from '../printers/events.ts';
import { goSort } from '../printers/gosort.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';

function lastTimestampMs(e: Event): number {
  // Go's zero time (no lastTimestamp, e.g. scheduler events) sorts before everything.
  const t = e.lastTimestamp ? Date.parse(e.lastTimestamp) : NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Writes the Events section. `events` undefined = events not shown at all (--show-events=false). */
export function describeEvents(events: Event[] | undefined, w: PrefixWriter, now: number): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSort([...events], (a, b) => lastTimestampMs(a) < lastTimestampMs(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventInterval(e, now)}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
