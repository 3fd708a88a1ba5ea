/**
 * `kubectl get services` and `kubectl get endpoints`: the API server's printService /
 * printEndpoints cells (pkg/printers/internalversion/printers.go).
 */
import type { Endpoints, Service } from '../../api/types.ts';
import { translateTimestampSince } from './duration.ts';
import { formatLabels, printTable, type TableCell, type TableColumn, type TableOptions, type TableRow } from './table.ts';

export const serviceColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Type', priority: 0 },
  { name: 'Cluster-IP', priority: 0 },
  { name: 'External-IP', priority: 0 },
  { name: 'Port(s)', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Selector', priority: 1 },
];

/** LoadBalancer ingress addresses longer than this are cut to "…..." unless -o wide. */
const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatusString(svc: Service, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  let r = [...set].sort().join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return r;
}

/** printers.go getServiceExternalIP. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatusString(svc, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
  }
  return '<unknown>';
}

/** printers.go makePortString: "80/TCP", "80:31539/TCP", comma-joined. */
export function servicePortString(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

/** All printService cells (wide included). */
export function serviceRowCells(svc: Service, now: number, wide = true): TableCell[] {
  const clusterIP = svc.spec?.clusterIPs?.[0] ?? '<none>';
  return [
    svc.metadata?.name ?? '',
    svc.spec?.type ?? '',
    clusterIP,
    serviceExternalIP(svc, wide),
    servicePortString(svc) || '<none>',
    translateTimestampSince(svc.metadata?.creationTimestamp, now),
    formatLabels(svc.spec?.selector),
  ];
}

export function serviceTableRow(svc: Service, now: number, wide = true): TableRow {
  return { cells: serviceRowCells(svc, now, wide), labels: svc.metadata?.labels, namespace: svc.metadata?.namespace };
}

/**
 * `kubectl get svc`. Note the API server always builds cells with Wide=true, so a long
 * LoadBalancer ingress list is not cut even without -o wide (kubectl only hides columns).
 */
export function printServices(services: Service[], now: number, opts: TableOptions = {}): string {
  return printTable(serviceColumns, services.map((s) => serviceTableRow(s, now)), opts);
}

export const endpointsColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Endpoints', priority: 0 },
  { name: 'Age', priority: 0 },
];

/** Go's net.JoinHostPort: IPv6 hosts get brackets. */
function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * printers.go formatEndpoints: ready addresses as ip:port (ip alone for port-less subsets), at
 * most 3, then " + N more...". `ports` restricts to those port names (describe service).
 */
export function formatEndpoints(ep: Endpoints | undefined, ports?: Set<string>): string {
  const subsets = ep?.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function endpointsRowCells(ep: Endpoints, now: number): TableCell[] {
  return [ep.metadata?.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata?.creationTimestamp, now)];
}

export function endpointsTableRow(ep: Endpoints, now: number): TableRow {
  return { cells: endpointsRowCells(ep, now), labels: ep.metadata?.labels, namespace: ep.metadata?.namespace };
}

/** `kubectl get endpoints`. */
export function printEndpointsTable(list: Endpoints[], now: number, opts: TableOptions = {}): string {
  return printTable(endpointsColumns, list.map((e) => endpointsTableRow(e, now)), opts);
}
