/**
 * The server-side Table for a resource: column definitions plus full (wide) cells per object,
 * which is what kube-apiserver answers to kubectl's `Accept: ...;as=Table` request. kubectl
 * then lays it out (see table.ts). Used by the simulator's API layer and by the reference
 * stub API server that records real kubectl output.
 */
import type { KubeObject } from '../../api/types.ts';
import type { ConfigMap, Endpoints, Event, Namespace, Node, Pod, Secret, Service } from '../../api/types.ts';
import { configMapColumns, configMapRowCells } from './configmaps.ts';
import { eventColumns, eventRowCells } from './events.ts';
import { namespaceColumns, namespaceRowCells } from './namespaces.ts';
import { nodeColumns, nodeRowCells } from './nodes.ts';
import { podColumns, podRowCells } from './pods.ts';
import { secretColumns, secretRowCells } from './secrets.ts';
import { serviceAccountColumns, serviceAccountRowCells } from './serviceaccounts.ts';
import { endpointsColumns, endpointsRowCells, serviceColumns, serviceRowCells } from './services.ts';
import type { TableCell, TableColumn } from './table.ts';
import { translateTimestampSince } from './duration.ts';

export interface ResourceTable {
  columns: TableColumn[];
  rows: TableCell[][];
}

/** Table columns and cells for `resource` (plural, lower-case: "pods", "services", ...). */
export function tableFor(resource: string, objects: KubeObject[], now: number): ResourceTable {
  const rows = <T>(f: (o: T, now: number) => TableCell[]) => objects.map((o) => f(o as unknown as T, now));
  switch (resource) {
    case 'pods':
      return { columns: podColumns, rows: rows<Pod>(podRowCells) };
    case 'services':
      return { columns: serviceColumns, rows: rows<Service>((s, n) => serviceRowCells(s, n)) };
    case 'endpoints':
      return { columns: endpointsColumns, rows: rows<Endpoints>(endpointsRowCells) };
    case 'events':
      return { columns: eventColumns, rows: rows<Event>(eventRowCells) };
    case 'configmaps':
      return { columns: configMapColumns, rows: rows<ConfigMap>(configMapRowCells) };
    case 'secrets':
      return { columns: secretColumns, rows: rows<Secret>(secretRowCells) };
    case 'namespaces':
      return { columns: namespaceColumns, rows: rows<Namespace>(namespaceRowCells) };
    case 'nodes':
      return { columns: nodeColumns, rows: rows<Node>(nodeRowCells) };
    case 'serviceaccounts':
      return { columns: serviceAccountColumns, rows: rows<KubeObject>(serviceAccountRowCells) };
  }
  // Kinds without a dedicated printer get the server's default NAME / AGE table.
  return {
    columns: [
      { name: 'Name', priority: 0, format: 'name' },
      { name: 'Age', priority: 0 },
    ],
    rows: objects.map((o) => [o.metadata?.name ?? '', translateTimestampSince(o.metadata?.creationTimestamp, now)]),
  };
}
