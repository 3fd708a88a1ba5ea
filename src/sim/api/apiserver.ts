/**
 * The API server's write path: defaulting and admission, validation, ClusterIP/NodePort
 * allocation, pod update restrictions, and graceful deletion. Everything that changes cluster
 * state — kubectl, the editor's Apply, lessons — goes through here, so all see the same rules.
 */
import type { VirtualClock } from '../clock/clock';
import type { Prng } from '../clock/prng';
import { invalid, StatusError, goQuote, type FieldError } from './errors';
import { CLUSTER_SCOPED, RESOURCE_OF_KIND, type ObjectStore } from './store';
import type { KubeObject, Pod, Service } from './types';
import { applyDefaults } from './defaults';
import { validateObject } from './validation';
import { validatePodUpdate } from './update';
import { rfc3339 } from './time';
import { qosClass as qosClassOf } from './qos';

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export interface WriteOptions {
  dryRun?: boolean;
  /** Source positions for field errors (the editor marks lines with them). */
  positionOf?: (path: (string | number)[]) => { line: number; column: number } | undefined;
}

export class ApiServer {
  private clusterIPs = new Set<string>();
  private nodePorts = new Set<number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly prng: Prng,
    readonly store: ObjectStore,
  ) {}

  /** Defaults and validates like a create would, without storing (dry run and apply diffing use it). */
  prepare(obj: KubeObject, opts: WriteOptions = {}): KubeObject {
    const ns = CLUSTER_SCOPED.has(obj.kind!) ? '' : obj.metadata?.namespace ?? 'default';
    const defaulted = applyDefaults(obj, { prng: this.prng, namespace: ns });
    // BeforeCreate: a generated name is chosen before validation sees the object.
    const meta = defaulted.metadata;
    if (meta && !meta.name && meta.generateName) {
      let name: string;
      do name = meta.generateName + this.prng.nameSuffix();
      while (this.store.peek(defaulted.kind!, ns || undefined, name));
      meta.name = name;
    }
    if (!CLUSTER_SCOPED.has(obj.kind!)) defaulted.metadata = { ...defaulted.metadata, namespace: ns };
    const errs = validateObject(defaulted, { positionOf: opts.positionOf });
    if (errs.length) throw invalid(obj.kind!, obj.metadata?.name ?? obj.metadata?.generateName ?? '', errs);
    return defaulted;
  }

  create(obj: KubeObject, opts: WriteOptions = {}): KubeObject {
    const o = this.prepare(obj, opts);
    if (o.kind === 'Service') this.allocateService(o as unknown as Service, opts);
    // Pod strategy PrepareForCreate: a new pod starts Pending with its QoS class.
    if (o.kind === 'Pod') (o as Record<string, unknown>).status = { phase: 'Pending', qosClass: qosClassOf(o as unknown as Pod) };
    if (opts.dryRun) {
      const existing = o.metadata?.name && this.store.peek(o.kind!, o.metadata.namespace, o.metadata.name);
      if (existing) throw new StatusError('AlreadyExists', `${RESOURCE_OF_KIND[o.kind!]} ${goQuote(o.metadata!.name!)} already exists`, 409);
      return o;
    }
    try {
      return this.store.create(o);
    } catch (e) {
      if (o.kind === 'Service') this.releaseService(o as unknown as Service);
      throw e;
    }
  }

  /**
   * Replace an object's spec/data (update/apply/patch all end here). Pods may only change what
   * FIDELITY §14 allows; status and server-set metadata are kept.
   */
  update(obj: KubeObject, opts: WriteOptions = {}): KubeObject {
    const kind = obj.kind!;
    const ns = CLUSTER_SCOPED.has(kind) ? undefined : obj.metadata?.namespace ?? 'default';
    const name = obj.metadata!.name!;
    const cur = this.store.mustGet(kind, ns, name);
    const next = applyDefaults(obj, { prng: this.prng, namespace: ns ?? '', operation: 'update' });
    next.metadata = { ...cur.metadata, labels: next.metadata?.labels, annotations: next.metadata?.annotations };
    if (kind === 'Pod') {
      const curPod = cur as unknown as Pod;
      const nextPod = next as unknown as Pod;
      // Server-assigned pod fields the manifest does not carry stay as they are.
      const spec = { ...(nextPod.spec ?? {}) } as Record<string, unknown>;
      const curSpec = (curPod.spec ?? {}) as Record<string, unknown>;
      for (const k of ['nodeName', 'serviceAccount', 'serviceAccountName', 'priority', 'preemptionPolicy', 'tolerations']) if (spec[k] === undefined && curSpec[k] !== undefined) spec[k] = curSpec[k];
      (next as Record<string, unknown>).spec = spec;
      const errs: FieldError[] = validatePodUpdate(curPod, next as unknown as Pod);
      if (errs.length) throw invalid('Pod', name, errs);
      (next as Record<string, unknown>).status = curPod.status;
    } else {
      const errs = validateObject(next, { positionOf: opts.positionOf });
      if (errs.length) throw invalid(kind, name, errs);
      if ('status' in cur) (next as Record<string, unknown>).status = cur.status;
      if (kind === 'Service') this.keepServiceAllocations(cur as unknown as Service, next as unknown as Service, opts);
    }
    if (opts.dryRun) return next;
    return this.store.update(kind, ns, name, () => next);
  }

  /** Metadata-only changes (label, annotate, the kubelet's own status writes go to the store directly). */
  patchMetadata(kind: string, ns: string | undefined, name: string, fn: (meta: NonNullable<KubeObject['metadata']>) => void): KubeObject {
    return this.store.update(kind, ns, name, (o) => {
      fn(o.metadata!);
      return o;
    });
  }

  /**
   * Delete. Pods bound to a node are deleted gracefully: the server sets deletionTimestamp and the
   * kubelet removes the object once the containers stopped. gracePeriodSeconds 0 with force removes at once.
   */
  delete(kind: string, ns: string | undefined, name: string, opts: { gracePeriodSeconds?: number; force?: boolean; dryRun?: boolean } = {}): KubeObject {
    const cur = this.store.mustGet(kind, CLUSTER_SCOPED.has(kind) ? undefined : ns, name);
    if (opts.dryRun) return cur;
    if (kind === 'Pod') {
      const pod = cur as unknown as Pod;
      const grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (!pod.spec?.nodeName || (grace === 0 && opts.force) || terminal) return this.store.remove(kind, ns, name);
      if (pod.metadata?.deletionTimestamp) return cur;
      const g = grace === 0 ? 1 : grace;
      return this.store.update(kind, ns, name, (o) => {
        o.metadata!.deletionTimestamp = rfc3339(this.clock.now() + g * 1000);
        o.metadata!.deletionGracePeriodSeconds = g;
        return o;
      });
    }
    if (kind === 'Namespace') {
      for (const k of Object.keys(RESOURCE_OF_KIND)) {
        if (CLUSTER_SCOPED.has(k)) continue;
        for (const o of this.store.list(k, name)) this.delete(k, name, o.metadata!.name!, { gracePeriodSeconds: 0, force: true });
      }
    }
    if (kind === 'Service') this.releaseService(cur as unknown as Service);
    return this.store.remove(kind, CLUSTER_SCOPED.has(kind) ? undefined : ns, name);
  }

  // ---- Service IP and NodePort allocation ----

  reserveClusterIP(ip: string): void {
    this.clusterIPs.add(ip);
  }

  private allocateService(svc: Service, opts: WriteOptions): void {
    const spec = svc.spec as Record<string, unknown> & NonNullable<Service['spec']>;
    if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
      if (!spec.clusterIP) {
        let ip: string;
        do ip = `10.${96 + this.prng.int(0, 15)}.${this.prng.int(0, 255)}.${this.prng.int(1, 254)}`;
        while (this.clusterIPs.has(ip));
        spec.clusterIP = ip;
      }
      if (!opts.dryRun) this.clusterIPs.add(spec.clusterIP as string);
      spec.clusterIPs = [spec.clusterIP as string];
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      const errs: FieldError[] = [];
      (spec.ports ?? []).forEach((p, i) => {
        const port = p as { nodePort?: number };
        if (port.nodePort) {
          if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
            errs.push({ field: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: String(port.nodePort), detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
          } else if (this.nodePorts.has(port.nodePort)) {
            errs.push({ field: `spec.ports[${i}].nodePort`, type: 'Invalid value', value: String(port.nodePort), detail: 'provided port is already allocated' });
          }
          return;
        }
        let np: number;
        do np = this.prng.int(NODE_PORT_MIN, NODE_PORT_MAX);
        while (this.nodePorts.has(np));
        port.nodePort = np;
      });
      if (errs.length) {
        this.clusterIPs.delete(spec.clusterIP as string);
        throw invalid('Service', svc.metadata?.name ?? '', errs);
      }
      if (!opts.dryRun) for (const p of spec.ports ?? []) if (p.nodePort) this.nodePorts.add(p.nodePort);
    }
  }

  private keepServiceAllocations(cur: Service, next: Service, opts: WriteOptions): void {
    const spec = next.spec as Record<string, unknown> & NonNullable<Service['spec']>;
    spec.clusterIP ??= cur.spec?.clusterIP;
    spec.clusterIPs ??= cur.spec?.clusterIPs;
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      for (const p of spec.ports ?? []) {
        const old = cur.spec?.ports?.find((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
        if (!p.nodePort && old?.nodePort) (p as { nodePort?: number }).nodePort = old.nodePort;
      }
      const missing = { ...next, spec: { ...spec, ports: (spec.ports ?? []).filter((p) => !p.nodePort) } } as Service;
      if (missing.spec!.ports!.length) this.allocateService(missing, opts);
    }
  }

  private releaseService(svc: Service): void {
    if (svc.spec?.clusterIP) this.clusterIPs.delete(svc.spec.clusterIP);
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) this.nodePorts.delete(p.nodePort);
  }
}
