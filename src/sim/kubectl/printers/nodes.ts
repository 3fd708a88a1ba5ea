/**
 * `kubectl get nodes` (printNode): STATUS from the Ready condition (+ SchedulingDisabled), ROLES
 * from node-role.kubernetes.io/<role> and kubernetes.io/role labels, wide INTERNAL-IP ...
 */
import type { Node } from '../../api/types.ts';
import { translateTimestampSince } from './duration.ts';
import { compareGoStrings, printTable, type TableCell, type TableColumn, type TableOptions, type TableRow } from './table.ts';

export const nodeColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Status', priority: 0 },
  { name: 'Roles', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Version', priority: 0 },
  { name: 'Internal-IP', priority: 1 },
  { name: 'External-IP', priority: 1 },
  { name: 'OS-Image', priority: 1 },
  { name: 'Kernel-Version', priority: 1 },
  { name: 'Container-Runtime', priority: 1 },
];

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v) {
      roles.add(v);
    }
  }
  return [...roles].sort(compareGoStrings);
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export function nodeRowCells(node: Node, now: number): TableCell[] {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const info = node.status?.nodeInfo;
  return [
    node.metadata?.name ?? '',
    status.join(','),
    nodeRoles(node).join(',') || '<none>',
    translateTimestampSince(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

export function nodeTableRow(node: Node, now: number): TableRow {
  return { cells: nodeRowCells(node, now), labels: node.metadata?.labels };
}

export function printNodes(list: Node[], now: number, opts: TableOptions = {}): string {
  return printTable(nodeColumns, list.map((n) => nodeTableRow(n, now)), opts);
}
