/** `kubectl get serviceaccounts` (printServiceAccount: NAME SECRETS AGE; SECRETS = len(.secrets), 0 since v1.24 stopped auto-creating token Secrets). */
import type { KubeObject } from '../../api/types.ts';
import { translateTimestampSince } from './duration.ts';
import type { TableCell, TableColumn } from './table.ts';

export const serviceAccountColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Secrets', priority: 0 },
  { name: 'Age', priority: 0 },
];

export function serviceAccountRowCells(sa: KubeObject & { secrets?: unknown[] }, now: number): TableCell[] {
  return [sa.metadata?.name ?? '', (sa.secrets ?? []).length, translateTimestampSince(sa.metadata?.creationTimestamp, now)];
}
