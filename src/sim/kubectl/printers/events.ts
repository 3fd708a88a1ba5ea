/**
 * Event listings.
 *
 * `kubectl get events` is printed from the API server's printEvent table: LAST SEEN is only the
 * last-seen age (no "(xN over M)"), OBJECT is "<lower-cased kind>/<name>" (e.g. `pod/nginx`),
 * and -o wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME. kubectl does not sort it: rows come
 * in the server's list order (etcd key order = event name order).
 *
 * `kubectl events` (the newer command) is printed client-side: LAST SEEN is "22m (x11 over 72m)"
 * for repeated events, OBJECT keeps the kind's case (`Pod/nginx`), and the list is sorted by
 * time with Go's (unstable) sort.Sort.
 */
import type { Event } from '../../api/types.ts';
import { translateTimestampSince } from './duration.ts';
import { goSort } from './gosort.ts';
import { printTable, type TableCell, type TableColumn, type TableOptions, type TableRow } from './table.ts';
import { newTableTabWriter } from './tabwriter.ts';

export const eventColumns: TableColumn[] = [
  { name: 'Last Seen', priority: 0 },
  { name: 'Type', priority: 0 },
  { name: 'Reason', priority: 0 },
  { name: 'Object', priority: 0 },
  { name: 'Subobject', priority: 1 },
  { name: 'Source', priority: 1 },
  { name: 'Message', priority: 0 },
  { name: 'First Seen', priority: 1 },
  { name: 'Count', priority: 1 },
  { name: 'Name', priority: 1, format: 'name' },
];

/** Fields of events.k8s.io-style events as core/v1 serves them (kubernetes-types lacks none, but keep it explicit). */
type CoreEvent = Event;

/** printers.go formatEventSource: "component, host" (host omitted when empty). */
export function formatEventSource(e: CoreEvent): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** All printEvent cells (wide ones included), in eventColumns order. */
export function eventRowCells(e: CoreEvent, now: number): TableCell[] {
  let firstSeen = translateTimestampSince(e.firstTimestamp, now);
  if (!e.firstTimestamp) firstSeen = translateTimestampSince(e.eventTime, now);
  let lastSeen = translateTimestampSince(e.lastTimestamp, now);
  if (!e.lastTimestamp) lastSeen = firstSeen;
  let count = e.count ?? 0;
  if (e.series) {
    lastSeen = translateTimestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events written through events.k8s.io have no count.
    count = 1;
  }
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const target = e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
  return [
    lastSeen,
    e.type ?? '',
    e.reason ?? '',
    target,
    e.involvedObject?.fieldPath ?? '',
    formatEventSource(e),
    (e.message ?? '').trim(),
    firstSeen,
    count,
    e.metadata?.name ?? '',
  ];
}

export function eventTableRow(e: CoreEvent, now: number): TableRow {
  return { cells: eventRowCells(e, now), labels: e.metadata?.labels, namespace: e.metadata?.namespace };
}

/** `kubectl get events` (rows in the given, i.e. server, order). */
export function printEvents(events: CoreEvent[], now: number, opts: TableOptions = {}): string {
  return printTable(eventColumns, events.map((e) => eventTableRow(e, now)), opts);
}

/**
 * The "age" kubectl shows for an event in `kubectl events` and in describe:
 * "<last> (x<count> over <first>)" for repeated events, else the first-seen age.
 */
export function eventInterval(e: CoreEvent, now: number): string {
  let firstSince = translateTimestampSince(e.eventTime, now);
  if (!e.eventTime) firstSince = translateTimestampSince(e.firstTimestamp, now);
  if (e.series) {
    return `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${firstSince})`;
  }
  if ((e.count ?? 0) > 1) {
    return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${firstSince})`;
  }
  return firstSince;
}

function ms(ts: string | null | undefined): number {
  if (!ts) return Number.NEGATIVE_INFINITY; // Go's zero time sorts before every real time.
  const t = Date.parse(ts);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** The time `kubectl events` sorts by (pkg/cmd/events eventTime). */
export function eventSortTime(e: CoreEvent): number {
  if (e.series) return ms(e.series.lastObservedTime);
  if (e.lastTimestamp) return ms(e.lastTimestamp);
  return ms(e.eventTime);
}

/** `kubectl events [-A]`: client-side table, sorted by time with Go's sort.Sort. */
export function printEventsCommand(events: CoreEvent[], now: number, opts: { allNamespaces?: boolean } = {}): string {
  if (events.length === 0) return '';
  const sorted = goSort([...events], (a, b) => eventSortTime(a) < eventSortTime(b));
  let text = (opts.allNamespaces ? 'NAMESPACE\t' : '') + 'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n';
  for (const e of sorted) {
    if (opts.allNamespaces) text += `${e.metadata?.namespace ?? ''}\t`;
    text += `${eventInterval(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}\t${(e.message ?? '').trim()}\n`;
  }
  const w = newTableTabWriter();
  w.write(text);
  w.flush();
  return w.takeOutput();
}
