/**
 * Resource helpers for describe: Limits/Requests blocks, the QoS class, and resourceFieldRef
 * env values.
 */
import type { Container, Pod } from '../../api/types.ts';
import { goSort } from '../printers/gosort.ts';
import type { PrefixWriter } from './prefix-writer.ts';

type ResourceList = Record<string, string | number>;

/** describeResources: "Limits:" / "Requests:" with one "name:\tquantity" line each, sorted by name. */
export function describeResources(resources: { limits?: ResourceList; requests?: ResourceList } | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = Object.keys(list ?? {});
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of goSort(names, (a, b) => a < b)) w.write(level + 1, `${name}:\t${String(list![name])}\n`);
  }
}

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
};

/** The numeric value of a resource.Quantity string ("100m" → 0.1, "64Mi" → 67108864). */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+)(?:[eE]([+-]?\d+))?([a-zA-Z]*)$/.exec(q.trim());
  if (!m || !(m[3] in SUFFIX)) return undefined;
  return Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1) * SUFFIX[m[3]];
}

function supportedComputeResource(name: string): boolean {
  return name === 'cpu' || name === 'memory';
}

/** qos.ComputePodQOS (used when status.qosClass is not set). */
export function computePodQOS(pod: Pod): string {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let isGuaranteed = true;
  const all: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  for (const c of all) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      if (!supportedComputeResource(name)) continue;
      const v = parseQuantity(q as string) ?? 0;
      if (v > 0) requests[name] = (requests[name] ?? 0) + v;
    }
    const seen = new Set<string>();
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      if (!supportedComputeResource(name)) continue;
      const v = parseQuantity(q as string) ?? 0;
      if (v > 0) {
        seen.add(name);
        limits[name] = (limits[name] ?? 0) + v;
      }
    }
    if (!seen.has('cpu') || !seen.has('memory')) isGuaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, v] of Object.entries(requests)) {
      if (limits[name] !== v) {
        isGuaranteed = false;
        break;
      }
    }
  }
  if (isGuaranteed && Object.keys(requests).length === Object.keys(limits).length) return 'Guaranteed';
  return 'Burstable';
}

/** qos.GetPodQOS: the status field when the API server set it, computed otherwise. */
export function podQOS(pod: Pod): string {
  return pod.status?.qosClass || computePodQOS(pod);
}

/**
 * resourcehelper.ExtractContainerResourceValue for env resourceFieldRef: the value rounded up in
 * units of the divisor (cpu default divisor 1 core, memory 1 byte).
 */
export function containerResourceValue(resource: string, divisor: string | number | undefined, c: Container): string {
  const [kind, name] = resource.split('.');
  const list = kind === 'limits' ? c.resources?.limits : kind === 'requests' ? c.resources?.requests : undefined;
  if (!list || !name) return '';
  const raw = parseQuantity((list as Record<string, string>)[name]) ?? 0;
  const div = parseQuantity(divisor) || 1;
  return String(Math.ceil(raw / div));
}
