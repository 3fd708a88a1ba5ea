/** `kubectl get secrets` (printSecret: NAME TYPE DATA AGE). */
import type { Secret } from '../../api/types.ts';
import { translateTimestampSince } from './duration.ts';
import { printTable, type TableCell, type TableColumn, type TableOptions, type TableRow } from './table.ts';

export const secretColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Type', priority: 0 },
  { name: 'Data', priority: 0 },
  { name: 'Age', priority: 0 },
];

export function secretRowCells(s: Secret, now: number): TableCell[] {
  return [s.metadata?.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, translateTimestampSince(s.metadata?.creationTimestamp, now)];
}

export function secretTableRow(s: Secret, now: number): TableRow {
  return { cells: secretRowCells(s, now), labels: s.metadata?.labels, namespace: s.metadata?.namespace };
}

export function printSecrets(list: Secret[], now: number, opts: TableOptions = {}): string {
  return printTable(secretColumns, list.map((s) => secretTableRow(s, now)), opts);
}
