/**
 * The endpoints controller (kube-controller-manager): one Endpoints object per Service with a
 * selector, named like the Service, listing the selected pods that have an IP — ready pods under
 * `addresses`, the others under `notReadyAddresses` — with each Service port's targetPort
 * resolved against the pod (a named targetPort looks up the container port of that name, so pods
 * may disagree and land in different subsets). Terminating pods and pods in a terminal phase
 * are left out, as upstream's ShouldPodBeInEndpoints does.
 *
 * Changes are coalesced per Service and written a moment later on the clock (the controller
 * works from a queue), never from inside the store's own watch callback.
 */
import type { VirtualClock } from '../clock/clock';
import type { ObjectStore, WatchEvent } from '../api/store';
import type { Endpoints, KubeObject, Pod, Service, ServicePort } from '../api/types';
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { matchesMap } from '../api/selector';
import { rfc3339 } from '../api/time';
import { ipCompare } from './addr';

export class EndpointsController {
  private dirty = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly clock: VirtualClock,
    private readonly store: ObjectStore,
  ) {
    store.watch('Service', undefined, (e) => this.onService(e));
    store.watch('Pod', undefined, (e) => this.onPod(e));
    for (const s of store.list('Service') as Service[]) this.enqueue(s.metadata!.namespace!, s.metadata!.name!);
  }

  private onService(e: WatchEvent): void {
    const m = e.object.metadata!;
    this.enqueue(m.namespace!, m.name!);
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as Pod;
    const ns = pod.metadata!.namespace!;
    for (const s of this.store.list('Service', ns) as Service[]) {
      // A pod that stopped matching (labels changed) must leave too: re-sync every Service whose
      // Endpoints mention it, plus the ones selecting it now.
      if (matchesMap(pod.metadata?.labels, s.spec?.selector) || this.mentions(s, pod)) this.enqueue(ns, s.metadata!.name!);
    }
  }

  private mentions(s: Service, pod: Pod): boolean {
    const ep = this.store.peek('Endpoints', s.metadata!.namespace, s.metadata!.name!) as Endpoints | undefined;
    const uid = pod.metadata?.uid;
    return !!ep?.subsets?.some((ss) => [...(ss.addresses ?? []), ...(ss.notReadyAddresses ?? [])].some((a) => a.targetRef?.uid === uid));
  }

  private enqueue(ns: string, name: string): void {
    this.dirty.add(`${ns}/${name}`);
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.after(0, () => {
      this.scheduled = false;
      const keys = [...this.dirty].sort();
      this.dirty.clear();
      for (const k of keys) {
        const i = k.indexOf('/');
        this.sync(k.slice(0, i), k.slice(i + 1));
      }
    });
  }

  /** Bring one Service's Endpoints in line with its pods (syncService). */
  sync(ns: string, name: string): void {
    const svc = this.store.peek('Service', ns, name) as Service | undefined;
    const cur = this.store.peek('Endpoints', ns, name) as Endpoints | undefined;
    if (!svc) {
      if (cur && !isApiServerManaged(ns, name)) this.store.remove('Endpoints', ns, name);
      return;
    }
    // Services without a selector have hand-written Endpoints (or the API server's, for kubernetes).
    if (!svc.spec?.selector || !Object.keys(svc.spec.selector).length) return;
    const subsets = this.subsetsFor(svc);
    const desired: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels: { ...(svc.metadata?.labels ?? {}) } },
      ...(subsets.length ? { subsets } : {}),
    };
    if (!Object.keys(desired.metadata!.labels!).length) delete desired.metadata!.labels;
    if (!cur) {
      desired.metadata!.annotations = { 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(this.clock.now()) };
      this.store.create(desired as KubeObject);
      return;
    }
    this.store.update('Endpoints', ns, name, (o) => {
      const e = o as Endpoints;
      const same = JSON.stringify(e.subsets ?? []) === JSON.stringify(desired.subsets ?? []) && JSON.stringify(e.metadata?.labels ?? {}) === JSON.stringify(desired.metadata?.labels ?? {});
      if (same) return o;
      const annotations = { ...(e.metadata?.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(this.clock.now()) };
      return { ...e, metadata: { ...e.metadata, labels: desired.metadata!.labels, annotations }, subsets: desired.subsets } as KubeObject;
    });
  }

  private subsetsFor(svc: Service): EndpointSubset[] {
    const ns = svc.metadata!.namespace!;
    const publishNotReady = !!svc.spec?.publishNotReadyAddresses;
    // Subsets group addresses by their resolved port list (RepackSubsets).
    const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
    for (const pod of this.store.list('Pod', ns) as Pod[]) {
      if (!matchesMap(pod.metadata?.labels, svc.spec?.selector)) continue;
      const ip = pod.status?.podIP;
      if (!ip) continue;
      if (pod.metadata?.deletionTimestamp && !publishNotReady) continue;
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      const ports: EndpointPort[] = [];
      for (const sp of svc.spec?.ports ?? []) {
        const port = resolveTargetPort(sp, pod);
        if (port === undefined) continue;
        ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
      }
      if (!ports.length && (svc.spec?.ports ?? []).length) continue;
      const key = JSON.stringify(ports);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
      const addr: EndpointAddress = { ip, nodeName: pod.spec?.nodeName, targetRef: { kind: 'Pod', name: pod.metadata!.name, namespace: ns, uid: pod.metadata!.uid } };
      if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata!.name) addr.hostname = pod.spec.hostname;
      if (!addr.nodeName) delete addr.nodeName;
      const ready = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      (ready || publishNotReady ? g.ready : g.notReady).push(addr);
    }
    const out: EndpointSubset[] = [];
    for (const g of groups.values()) {
      const ss: EndpointSubset = {};
      if (g.ready.length) ss.addresses = g.ready.sort((a, b) => ipCompare(a.ip, b.ip));
      if (g.notReady.length) ss.notReadyAddresses = g.notReady.sort((a, b) => ipCompare(a.ip, b.ip));
      if (g.ports.length) ss.ports = g.ports.sort((a, b) => (a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0);
      out.push(ss);
    }
    return out;
  }
}

/** podutil.FindPort: a number is taken as is; a name is looked up among the pod's container ports. */
export function resolveTargetPort(sp: ServicePort, pod: Pod): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec?.containers ?? []) for (const cp of c.ports ?? []) if (cp.name === tp && (cp.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return cp.containerPort;
  return undefined;
}

function isApiServerManaged(ns: string, name: string): boolean {
  return ns === 'default' && name === 'kubernetes';
}
