/**
 * `kubectl describe node` (describeNode + describeNodeResource, kubectl v1.32): identity, the
 * kubelet's Lease, conditions, addresses, capacity/allocatable, system info, the non-terminated
 * pods with their requests/limits as a share of allocatable, the allocated totals, and events.
 */
import type { Event, Node, Pod } from '../../api/types.ts';
import type { Container } from '../../api/types.ts';
import { translateTimestampSince } from '../printers/duration.ts';
import { describeEvents } from './events.ts';
import { formatRFC1123Z, printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.ts';
import { add, formatQ, milliValue, parseQ, value, type Quantity } from './quantity.ts';

type ResourceList = Record<string, Quantity>;

/** The node's Lease in kube-node-lease, as the kubelet keeps it: renewed every 10 seconds. */
export interface NodeLease {
  holderIdentity: string;
  renewTime: string;
}

const LEASE_RENEW_MS = 10_000;

/** The Lease as it stands at `now`: the last renewal on the kubelet's 10-second beat. */
export function nodeLease(node: Node, now: number): NodeLease {
  const created = Date.parse(node.metadata?.creationTimestamp ?? '') || 0;
  const renewed = now - ((now - created) % LEASE_RENEW_MS);
  return { holderIdentity: node.metadata?.name ?? '', renewTime: new Date(renewed).toISOString().replace('Z', '000Z') };
}

const RESOURCE_ORDER = ['cpu', 'memory', 'ephemeral-storage'];

/** SortableResourceNames: plain string order. */
function sortedResources(list: Record<string, unknown>): string[] {
  return Object.keys(list).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function describeNode(node: Node, pods: Pod[], events: Event[] | undefined, lease: NodeLease | undefined, now: number): string {
  const w = new PrefixWriter();
  const meta = node.metadata ?? {};
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  const roles = Object.keys(meta.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r)
    .sort();
  w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`);
  const taints = node.spec?.taints ?? [];
  w.write(LEVEL_0, 'Taints:\t');
  if (!taints.length) w.writeLine('<none>');
  taints.forEach((t, i) => w.write(LEVEL_0, `${i ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.write(LEVEL_0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`);
  if (lease) {
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity}\n`);
    w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
    w.write(LEVEL_1, `RenewTime:\t${formatRFC1123Z(lease.renewTime)}\n`);
  }
  const conditions = node.status?.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    if (!list || !Object.keys(list).length) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const r of sortedResources(list)) w.write(LEVEL_0, `  ${r}:\t${String(list[r])}\n`);
  }
  const info = node.status?.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResource(w, node, pods, now);
  describeEvents(events, w, now);
  return w.toString();
}

function describeNodeResource(w: PrefixWriter, node: Node, pods: Pod[], now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const rawAlloc = node.status?.allocatable && Object.keys(node.status.allocatable).length ? node.status.allocatable : (node.status?.capacity ?? {});
  const alloc: ResourceList = {};
  for (const [k, v] of Object.entries(rawAlloc)) {
    const q = parseQ(v as string);
    if (q) alloc[k] = q;
  }
  const pct = (num: number, den: number) => (den ? Math.trunc((num / den) * 100) : 0);
  const cpuAlloc = milliValue(alloc.cpu);
  const memAlloc = value(alloc.memory);
  const totalReq: ResourceList = {};
  const totalLim: ResourceList = {};
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const cell = (q: Quantity | undefined, milli: boolean) => `${formatQ(q)} (${pct(milli ? milliValue(q) : value(q), milli ? cpuAlloc : memAlloc)}%)`;
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(requests.cpu, true)}\t${cell(limits.cpu, true)}\t${cell(requests.memory, false)}\t${cell(limits.memory, false)}\t${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`);
    for (const [k, q] of Object.entries(requests)) totalReq[k] = add(totalReq[k], q);
    for (const [k, q] of Object.entries(limits)) totalLim[k] = add(totalLim[k], q);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, den: number, milli: boolean) => {
    const r = totalReq[name];
    const l = totalLim[name];
    const v = (q: Quantity | undefined) => (milli ? milliValue(q) : value(q));
    w.write(LEVEL_1, `${name}\t${formatQ(r)} (${pct(v(r), den)}%)\t${formatQ(l)} (${pct(v(l), den)}%)\n`);
  };
  row('cpu', cpuAlloc, true);
  row('memory', memAlloc, false);
  const names = sortedResources(alloc);
  if ('ephemeral-storage' in alloc) row('ephemeral-storage', value(alloc['ephemeral-storage']), false);
  for (const n of names.filter((r) => r.startsWith('hugepages-'))) row(n, value(alloc[n]), false);
  for (const n of names.filter((r) => !RESOURCE_ORDER.includes(r) && !r.startsWith('hugepages-') && r !== 'pods')) {
    w.write(LEVEL_1, `${n}\t${formatQ(totalReq[n])}\t${formatQ(totalLim[n])}\n`);
  }
}

/**
 * resourcehelper.PodRequestsAndLimits: containers add up; native sidecars add to that sum and to
 * what every later init container runs beside; the pod needs the larger of the sum and the
 * biggest init step; pod overhead on top.
 */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceList; limits: ResourceList } {
  const compute = (pick: (c: Container) => Record<string, unknown> | undefined, limits: boolean): ResourceList => {
    const sum: ResourceList = {};
    const addList = (into: ResourceList, list: Record<string, unknown> | undefined) => {
      for (const [k, v] of Object.entries(list ?? {})) {
        const q = parseQ(v as string);
        if (q) into[k] = add(into[k], q);
      }
    };
    for (const c of pod.spec?.containers ?? []) addList(sum, pick(c));
    const sidecars: ResourceList = {};
    const initMax: ResourceList = {};
    for (const c of pod.spec?.initContainers ?? []) {
      let step: ResourceList;
      if (c.restartPolicy === 'Always') {
        addList(sum, pick(c));
        addList(sidecars, pick(c));
        step = sidecars;
      } else {
        step = {};
        addList(step, pick(c));
        for (const [k, q] of Object.entries(sidecars)) step[k] = add(step[k], q);
      }
      for (const [k, q] of Object.entries(step)) if (!initMax[k] || q.nano > initMax[k].nano) initMax[k] = { ...q };
    }
    for (const [k, q] of Object.entries(initMax)) if (!sum[k] || q.nano > sum[k].nano) sum[k] = { ...q };
    // Overhead (RuntimeClass) adds to every request, but only to limits that are set.
    const overhead = Object.entries((pod.spec?.overhead ?? {}) as Record<string, unknown>).filter(([k]) => !limits || k in sum);
    addList(sum, Object.fromEntries(overhead));
    return sum;
  };
  return { requests: compute(requestsOf, false), limits: compute(limitsOf, true) };
}

const requestsOf = (c: Container) => c.resources?.requests as Record<string, unknown> | undefined;
const limitsOf = (c: Container) => c.resources?.limits as Record<string, unknown> | undefined;
