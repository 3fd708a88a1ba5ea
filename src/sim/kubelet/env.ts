/**
 * A container's environment as the kubelet builds it (makeEnvironmentVariables): service links
 * first, then envFrom sources, then env entries with $(VAR) expansion against what came before.
 * A missing ConfigMap/Secret key is CreateContainerConfigError with the API's wording.
 */
import type { ObjectStore } from '../api/store';
import type { Container, Pod, Service } from '../api/types';
import { decodeBase64 } from './volumes';

export class ConfigError extends Error {}

/** `$(VAR)` expansion: known names are replaced, `$$` escapes, unknown references stay as written. */
export function expandRefs(s: string, vars: Map<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && vars.has(name) ? vars.get(name)! : m;
  });
}

function serviceEnv(store: ObjectStore, ns: string, enableLinks: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const services = (store.list('Service', ns) as unknown as Service[]).filter((s) => s.spec?.clusterIP && s.spec.clusterIP !== 'None');
  const kube = store.peek('Service', 'default', 'kubernetes') as unknown as Service | undefined;
  const list = enableLinks ? services : [];
  if (kube && !list.some((s) => s.metadata?.name === 'kubernetes' && s.metadata?.namespace === 'default')) list.push(kube);
  for (const s of list) {
    const name = s.metadata!.name!.toUpperCase().replace(/-/g, '_');
    const ip = s.spec!.clusterIP!;
    const ports = s.spec?.ports ?? [];
    if (!ports.length) continue;
    out.push([`${name}_SERVICE_HOST`, ip]);
    out.push([`${name}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
    const proto0 = (ports[0].protocol ?? 'TCP').toLowerCase();
    out.push([`${name}_PORT`, `${proto0}://${ip}:${ports[0].port}`]);
    for (const p of ports) {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      const pre = `${name}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push([pre, `${proto}://${ip}:${p.port}`]);
      out.push([`${pre}_PROTO`, proto]);
      out.push([`${pre}_PORT`, String(p.port)]);
      out.push([`${pre}_ADDR`, ip]);
    }
  }
  return out;
}

export function containerEnv(store: ObjectStore, pod: Pod, c: Container, podIP: string, nodeIP: string, nodeName: string): Array<[string, string]> {
  const ns = pod.metadata?.namespace ?? 'default';
  const vars = new Map<string, string>();
  for (const [k, v] of serviceEnv(store, ns, pod.spec?.enableServiceLinks !== false)) vars.set(k, v);
  const lookup = (kind: 'ConfigMap' | 'Secret', name: string, key: string | undefined, optional: boolean | undefined): string | undefined => {
    const obj = store.peek(kind, ns, name) as { data?: Record<string, string> } | undefined;
    const word = kind === 'ConfigMap' ? 'configmap' : 'secret';
    if (!obj) {
      if (optional) return undefined;
      throw new ConfigError(`${word} ${JSON.stringify(name)} not found`);
    }
    if (key === undefined) return undefined;
    const raw = obj.data?.[key];
    if (raw === undefined) {
      if (optional) return undefined;
      throw new ConfigError(`couldn't find key ${key} in ${kind} ${ns}/${name}`);
    }
    return kind === 'Secret' ? decodeBase64(raw) : raw;
  };
  for (const src of c.envFrom ?? []) {
    const kind = src.configMapRef ? 'ConfigMap' : 'Secret';
    const ref = src.configMapRef ?? src.secretRef;
    if (!ref?.name) continue;
    lookup(kind, ref.name, undefined, ref.optional);
    const obj = store.peek(kind, ns, ref.name) as { data?: Record<string, string> } | undefined;
    for (const [k, v] of Object.entries(obj?.data ?? {})) vars.set((src.prefix ?? '') + k, kind === 'Secret' ? decodeBase64(v) : v);
  }
  for (const e of c.env ?? []) {
    let v: string | undefined;
    if (e.value !== undefined) v = expandRefs(e.value, vars);
    else if (e.valueFrom?.configMapKeyRef) v = lookup('ConfigMap', e.valueFrom.configMapKeyRef.name!, e.valueFrom.configMapKeyRef.key, e.valueFrom.configMapKeyRef.optional);
    else if (e.valueFrom?.secretKeyRef) v = lookup('Secret', e.valueFrom.secretKeyRef.name!, e.valueFrom.secretKeyRef.key, e.valueFrom.secretKeyRef.optional);
    else if (e.valueFrom?.fieldRef) v = fieldValue(pod, e.valueFrom.fieldRef.fieldPath, podIP, nodeIP, nodeName);
    else if (e.valueFrom?.resourceFieldRef) v = resourceValue(c, e.valueFrom.resourceFieldRef.resource);
    else v = '';
    if (v !== undefined) vars.set(e.name, v);
  }
  return [...vars];
}

export function fieldValue(pod: Pod, path: string, podIP: string, nodeIP: string, nodeName: string): string {
  const m = path.match(/^metadata\.(labels|annotations)\['(.+)'\]$/);
  if (m) return (pod.metadata?.[m[1] as 'labels' | 'annotations'] ?? {})[m[2]] ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata?.name ?? '';
    case 'metadata.namespace': return pod.metadata?.namespace ?? '';
    case 'metadata.uid': return pod.metadata?.uid ?? '';
    case 'spec.nodeName': return nodeName;
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
    case 'status.podIPs': return podIP;
    case 'status.hostIP':
    case 'status.hostIPs': return nodeIP;
  }
  return '';
}

/** resourceFieldRef: limits fall back to node allocatable (2 CPUs, ~4 GiB) when unset, as the kubelet does. */
function resourceValue(c: Container, resource: string): string {
  const [kind, res] = resource.split('.');
  const v = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[res];
  if (res === 'cpu') {
    if (v === undefined) return kind === 'limits' ? '2' : '0';
    const s = String(v);
    const cores = s.endsWith('m') ? Number(s.slice(0, -1)) / 1000 : Number(s);
    return String(Math.ceil(cores));
  }
  if (v === undefined) return kind === 'limits' ? '4110970880' : '0';
  return String(parseQuantity(String(v)));
}

export function parseQuantity(s: string): number {
  const m = s.match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/);
  if (!m) return 0;
  const mult: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12, m: 1e-3 };
  return Math.ceil(Number(m[1]) * (m[2] ? mult[m[2]] : 1));
}
