/** `kubectl get configmaps` (printConfigMap: NAME DATA AGE; DATA counts data + binaryData keys). */
import type { ConfigMap } from '../../api/types.ts';
import { translateTimestampSince } from './duration.ts';
import { printTable, type TableCell, type TableColumn, type TableOptions, type TableRow } from './table.ts';

export const configMapColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Data', priority: 0 },
  { name: 'Age', priority: 0 },
];

export function configMapRowCells(cm: ConfigMap, now: number): TableCell[] {
  const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
  return [cm.metadata?.name ?? '', n, translateTimestampSince(cm.metadata?.creationTimestamp, now)];
}

export function configMapTableRow(cm: ConfigMap, now: number): TableRow {
  return { cells: configMapRowCells(cm, now), labels: cm.metadata?.labels, namespace: cm.metadata?.namespace };
}

export function printConfigMaps(list: ConfigMap[], now: number, opts: TableOptions = {}): string {
  return printTable(configMapColumns, list.map((c) => configMapTableRow(c, now)), opts);
}
