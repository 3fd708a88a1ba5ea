/**
 * The node agent of node01: watches pods bound to it, runs one PodWorker each, relays runtime
 * state changes (PLEG: relisting every second), allocates pod IPs from the node's pod CIDR, and
 * deletes a terminated pod's object once its containers are gone (the status manager's job).
 */
import type { VirtualClock } from '../clock/clock';
import type { Prng } from '../clock/prng';
import type { ObjectStore, WatchEvent } from '../api/store';
import type { EventRecorder } from '../api/events';
import type { Pod } from '../api/types';
import type { Trace } from '../trace/trace';
import { SimContainerRuntime } from '../runtime/runtime';
import { NodeImageStore } from '../runtime/images';
import { parseImageRef } from '../images/catalogue';
import { Backoff } from './backoff';
import { VolumeManager } from './volumes';
import { PodWorker } from './pod_worker';
import type { KubeletContext } from './context';
import { KUBELET_PICKUP_MS, PLEG_RELIST_MS } from './timing';

export const NODE_NAME = 'node01';
export const NODE_IP = '172.30.1.2';
/** node01's pod CIDR (flannel-style /24 per node). */
const POD_CIDR_PREFIX = '10.244.1.';

export class Kubelet implements KubeletContext {
  readonly runtime: SimContainerRuntime;
  readonly images: NodeImageStore;
  readonly volumes: VolumeManager;
  readonly crashBackoff = new Backoff();
  readonly imageBackoff = new Backoff();
  readonly nodeName = NODE_NAME;
  readonly nodeIP = NODE_IP;
  readonly workers = new Map<string, PodWorker>();
  private usedIPs = new Set<string>();
  private plegDirty = new Set<string>();
  private plegTimer?: number;
  private readonly bootTime: number;
  private lastTraced = new Map<string, string>();

  constructor(
    readonly clock: VirtualClock,
    private readonly prng: Prng,
    readonly store: ObjectStore,
    readonly events: EventRecorder,
    private readonly trace: Trace,
  ) {
    this.bootTime = clock.now();
    this.runtime = new SimContainerRuntime(clock, prng, trace);
    // The node was provisioned with the sandbox image only.
    this.images = new NodeImageStore(clock, ['registry.k8s.io/pause:3.10']);
    this.volumes = new VolumeManager(store, () => clock.now());
    this.runtime.subscribe((e) => {
      this.plegDirty.add(e.containerId);
      this.schedulePleg();
    });
    store.watch('Pod', undefined, (e) => this.onPodEvent(e));
  }

  private onPodEvent(e: WatchEvent): void {
    const pod = e.object as Pod;
    if (pod.spec?.nodeName !== this.nodeName) return;
    const uid = pod.metadata!.uid!;
    const w = this.workers.get(uid);
    if (e.type === 'DELETED') {
      // Force deletion: the object is gone; the kubelet still stops what runs.
      if (w && !w.finished) {
        w.pod = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: pod.metadata?.deletionTimestamp ?? this.stamp(), deletionGracePeriodSeconds: 0 } } as Pod;
        w.sync();
      }
      return;
    }
    if (!w) {
      const nw = new PodWorker(this, pod);
      this.workers.set(uid, nw);
      this.clock.after(KUBELET_PICKUP_MS, () => nw.sync());
      return;
    }
    // Our own status writes come back as MODIFIED; only spec/metadata changes need a sync.
    const before = JSON.stringify({ s: w.pod.spec, d: w.pod.metadata?.deletionTimestamp, l: w.pod.metadata?.labels });
    w.pod = { ...pod, status: pod.status };
    const after = JSON.stringify({ s: pod.spec, d: pod.metadata?.deletionTimestamp, l: pod.metadata?.labels });
    if (before !== after) w.update(pod);
  }

  private stamp(): string {
    return new Date(this.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  }

  /** PLEG relists on a fixed one-second period from kubelet start. */
  private schedulePleg(): void {
    if (this.plegTimer !== undefined) return;
    const now = this.clock.now();
    const next = this.bootTime + Math.ceil((now - this.bootTime + 1) / PLEG_RELIST_MS) * PLEG_RELIST_MS;
    this.plegTimer = this.clock.at(next, () => {
      this.plegTimer = undefined;
      const dirty = [...this.plegDirty];
      this.plegDirty.clear();
      for (const id of dirty) {
        const st = this.runtime.containerStatus(id);
        for (const w of this.workers.values()) {
          if (w.ownsContainer(id)) w.onContainerEvent(id, st?.state === 'CONTAINER_EXITED' ? 'exited' : 'started');
        }
      }
    });
  }

  allocatePodIP(): string {
    for (let i = 0; i < 1000; i++) {
      const ip = POD_CIDR_PREFIX + this.prng.int(2, 254);
      if (!this.usedIPs.has(ip)) {
        this.usedIPs.add(ip);
        return ip;
      }
    }
    throw new Error('pod CIDR exhausted');
  }

  normalizeImage(image: string): string | undefined {
    return parseImageRef(image)?.normalized;
  }

  podTerminated(w: PodWorker): void {
    const ns = w.pod.metadata!.namespace;
    const name = w.pod.metadata!.name!;
    const cur = this.store.peek('Pod', ns, name);
    if (cur && cur.metadata?.uid === w.uid) this.store.remove('Pod', ns, name);
    this.volumes.tearDown(w.uid);
    if (w.pod.status?.podIP) this.usedIPs.delete(w.pod.status.podIP);
    this.workers.delete(w.uid);
  }

  /** Container state transitions into the trace (the timeline draws these). */
  traceContainers(w: PodWorker): void {
    const pod = w.pod;
    const name = pod.metadata!.name!;
    const namespace = pod.metadata!.namespace ?? 'default';
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const phase = pod.status?.phase ?? 'Pending';
    const terminating = !!pod.metadata?.deletionTimestamp;
    const podSig = `${phase}|${ready}|${terminating}`;
    if (this.lastTraced.get(w.uid) !== podSig) {
      this.lastTraced.set(w.uid, podSig);
      this.trace.record({ t: this.clock.now(), kind: 'pod', pod: name, namespace, uid: w.uid, phase, ready, terminating });
    }
    const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
    const inits = new Set((pod.status?.initContainerStatuses ?? []).map((s) => s.name));
    const all = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    for (const s of all) {
      const state = s.state?.running ? 'running' : s.state?.terminated ? 'terminated' : 'waiting';
      const reason = s.state?.waiting?.reason ?? s.state?.terminated?.reason;
      const exitCode = s.state?.terminated?.exitCode;
      const key = `${w.uid}/${s.name}`;
      const sig = `${state}|${reason}|${exitCode}|${s.restartCount}|${s.ready}`;
      if (this.lastTraced.get(key) === sig) continue;
      this.lastTraced.set(key, sig);
      const role = sidecars.has(s.name) ? 'sidecar' : inits.has(s.name) ? 'init' : 'app';
      this.trace.record({ t: this.clock.now(), kind: 'container', pod: name, namespace, uid: w.uid, container: s.name, role, state: s.ready && state === 'running' ? 'running-ready' : state, reason, exitCode, restartCount: s.restartCount });
    }
  }

  traceProbe(w: PodWorker, container: string, probe: 'liveness' | 'readiness' | 'startup', ok: boolean, message?: string): void {
    if (!this.trace.wantsBulk) return;
    this.trace.record({ t: this.clock.now(), kind: 'probe', pod: w.pod.metadata!.name!, namespace: w.pod.metadata!.namespace ?? 'default', container, probe, ok, ...(message ? { message } : {}) });
  }

  /** Log lines of a container instance: the latest, or the one before it (--previous). */
  containerLogIds(pod: Pod, container: string): string[] {
    return this.workers.get(pod.metadata!.uid!)?.instancesOf(container) ?? [];
  }
}
