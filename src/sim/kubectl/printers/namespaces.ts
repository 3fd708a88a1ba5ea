/** `kubectl get namespaces` (printNamespace: NAME STATUS AGE; STATUS is status.phase). */
import type { Namespace } from '../../api/types.ts';
import { translateTimestampSince } from './duration.ts';
import { printTable, type TableCell, type TableColumn, type TableOptions, type TableRow } from './table.ts';

export const namespaceColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Status', priority: 0 },
  { name: 'Age', priority: 0 },
];

export function namespaceRowCells(ns: Namespace, now: number): TableCell[] {
  return [ns.metadata?.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata?.creationTimestamp, now)];
}

export function namespaceTableRow(ns: Namespace, now: number): TableRow {
  return { cells: namespaceRowCells(ns, now), labels: ns.metadata?.labels };
}

export function printNamespaces(list: Namespace[], now: number, opts: TableOptions = {}): string {
  return printTable(namespaceColumns, list.map((n) => namespaceTableRow(n, now)), opts);
}
