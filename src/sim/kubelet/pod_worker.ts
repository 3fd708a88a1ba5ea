/**
 * One pod worker per pod (pkg/kubelet/pod_workers.go + kuberuntime SyncPod): it writes the pod's
 * status, creates the sandbox, runs init containers one at a time, starts native sidecars and
 * app containers in spec order (each: image pull → create → start), restarts them per restart
 * policy with crash-loop back-off, kills on liveness failure or definition change, and tears the
 * pod down gracefully on deletion.
 *
 * A sync runs its start actions as a chain in virtual time; triggers that arrive meanwhile are
 * coalesced into one follow-up sync, as the real worker does.
 */
import type { Container, Pod, PodStatus } from '../api/types';
import { rfc3339 } from '../api/time';
import { CriError } from '../runtime/cri';
import { ProbeWorker, type ProbeType } from './prober';
import { ensureImage } from './images';
import { computeConditions, computePhase, containerStatusOf, qosClass, stampConditions } from './status';
import { etcHosts, podHostname, resolvConf } from './etchosts';
import { ConfigError, containerEnv, expandRefs } from './env';
import { MountError, VOLUME_SYNC_MS } from './volumes';
import type { ContainerRecord, PodRuntimeView } from './types';
import type { KubeletContext } from './context';
import { BACKOFF_RESYNC_MS, CONTAINER_CREATE_MS, CONTAINER_START_MS, MIN_GRACE_SECONDS, SANDBOX_CREATE_MS } from './timing';
import { goDuration } from './duration';

export class PodWorker {
  pod: Pod;
  readonly uid: string;
  readonly records: ContainerRecord[];
  private sandboxId?: string;
  private podIP?: string;
  private startTime?: number;
  private busy = false;
  private pending = false;
  private resyncTimer?: number;
  private volumeSyncTimer?: number;
  private probes = new Map<string, ProbeWorker>();
  private terminating = false;
  finished = false;
  private lastPhase?: PodStatus['phase'];

  constructor(private readonly k: KubeletContext, pod: Pod) {
    this.pod = pod;
    this.uid = pod.metadata!.uid!;
    const init = (pod.spec?.initContainers ?? []).map((c) => this.record(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init'));
    const apps = (pod.spec?.containers ?? []).map((c) => this.record(c, 'app'));
    this.records = [...init, ...apps];
  }

  private record(spec: Container, kind: ContainerRecord['kind']): ContainerRecord {
    return { name: spec.name, kind, spec, instances: [], started: false, ready: false, starting: false };
  }

  ownsContainer(id: string): boolean {
    return this.records.some((r) => r.instances.includes(id));
  }

  /** Instance IDs of a container, oldest first (kubectl logs reads them). */
  instancesOf(name: string): string[] {
    return this.records.find((r) => r.name === name)?.instances ?? [];
  }

  /** A new version of the pod from the API server. */
  update(pod: Pod): void {
    this.pod = pod;
    const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    for (const r of this.records) {
      const c = all.find((x) => x.name === r.name);
      if (c) r.spec = c;
    }
    this.sync();
  }

  /** The sandbox's IP as soon as it exists (the pod's status shows it a moment later). */
  get sandboxIP(): string | undefined {
    return this.podIP;
  }

  // ---- status ----

  private view(): PodRuntimeView {
    return { sandboxReady: !!this.sandboxId && !this.finished, podIP: this.podIP, startTime: this.startTime, records: this.records, containerStatus: (id) => this.k.runtime.containerStatus(id) };
  }

  private latest(r: ContainerRecord) {
    const id = r.instances[r.instances.length - 1];
    return id ? this.k.runtime.containerStatus(id) : undefined;
  }

  generateStatus(): PodStatus {
    const pod = this.pod;
    const view = this.view();
    const init = this.records.filter((r) => r.kind !== 'app').map((r) => containerStatusOf(pod, r, view));
    const apps = this.records.filter((r) => r.kind === 'app').map((r) => containerStatusOf(pod, r, view));
    let phase = computePhase(pod, init, apps, this.terminating && !this.anyRunning());
    // A terminal phase is final.
    if (this.lastPhase === 'Succeeded' || this.lastPhase === 'Failed') phase = this.lastPhase;
    const prev = pod.status;
    const scheduled = prev?.conditions?.find((c) => c.type === 'PodScheduled')?.lastTransitionTime;
    const conditions = stampConditions(computeConditions(pod, init, apps, phase, view.sandboxReady), prev?.conditions, this.k.clock.now(), scheduled);
    const status: PodStatus = {
      conditions,
      containerStatuses: apps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      hostIP: this.k.nodeIP,
      hostIPs: [{ ip: this.k.nodeIP }],
      phase,
      qosClass: qosClass(pod),
      startTime: rfc3339(this.startTime ?? this.k.clock.now()),
    };
    if (init.length) status.initContainerStatuses = init;
    if (this.podIP) {
      status.podIP = this.podIP;
      status.podIPs = [{ ip: this.podIP }];
    }
    return status;
  }

  writeStatus(): void {
    if (this.finished && !this.k.store.peek('Pod', this.pod.metadata!.namespace, this.pod.metadata!.name!)) return;
    const status = this.generateStatus();
    this.lastPhase = status.phase;
    const ns = this.pod.metadata!.namespace;
    const name = this.pod.metadata!.name!;
    if (!this.k.store.peek('Pod', ns, name)) return;
    const updated = this.k.store.update('Pod', ns, name, (o) => ({ ...o, status }));
    this.pod = updated as Pod;
    this.k.traceContainers(this);
  }

  // ---- events ----

  private event(type: 'Normal' | 'Warning', reason: string, message: string, rec?: ContainerRecord): void {
    const fieldPath = rec ? `spec.${rec.kind === 'app' ? 'containers' : 'initContainers'}{${rec.name}}` : undefined;
    this.k.events.record(this.pod as never, type, reason, message, { component: 'kubelet', host: this.k.nodeName }, fieldPath);
  }

  // ---- the sync loop ----

  /** Set when a sync continues the previous one (after sandbox creation): no status write in between. */
  private continuing = false;

  sync(): void {
    if (this.finished) return;
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.k.clock.cancel(this.resyncTimer);
    this.resyncTimer = undefined;
    if (this.pod.metadata?.deletionTimestamp) {
      this.terminate();
      return;
    }
    if (this.startTime === undefined) this.startTime = this.k.clock.now();
    if (!this.continuing) this.writeStatus();
    this.continuing = false;
    if (this.lastPhase === 'Succeeded' || this.lastPhase === 'Failed') {
      this.completePod();
      return;
    }
    if (!this.sandboxId) {
      this.createSandbox();
      return;
    }
    const restarts = this.killChangedContainers();
    if (restarts) return;
    const toStart = this.computeStarts();
    if (!toStart.length) {
      this.writeStatus();
      if (this.lastPhase === 'Succeeded' || this.lastPhase === 'Failed') this.completePod();
      return;
    }
    this.busy = true;
    const next = (i: number): void => {
      if (i >= toStart.length || this.pod.metadata?.deletionTimestamp) {
        this.busy = false;
        // Started containers reach the status through the next PLEG relist (by then a container
        // that exits at once already shows Error); failures to start are reported right away.
        if (!toStart.some((r) => this.latest(r)?.state === 'CONTAINER_RUNNING' || this.latest(r)?.state === 'CONTAINER_EXITED')) this.writeStatus();
        if (this.pending || this.pod.metadata?.deletionTimestamp) {
          this.pending = false;
          this.sync();
        }
        return;
      }
      this.startContainer(toStart[i], () => next(i + 1));
    };
    next(0);
  }

  private resyncAt(t: number): void {
    const at = Math.max(t, this.k.clock.now());
    if (this.resyncTimer !== undefined) this.k.clock.cancel(this.resyncTimer);
    this.resyncTimer = this.k.clock.at(at, () => {
      this.resyncTimer = undefined;
      this.sync();
    });
  }

  /** Periodic sync: configMap/secret/downwardAPI/projected volumes follow their sources (never subPath mounts). */
  private scheduleVolumeSync(): void {
    if (this.volumeSyncTimer !== undefined) return;
    this.volumeSyncTimer = this.k.clock.after(VOLUME_SYNC_MS, () => {
      this.volumeSyncTimer = undefined;
      if (this.finished) return;
      this.k.volumes.refresh(this.pod);
      this.scheduleVolumeSync();
    });
  }

  private createSandbox(): void {
    try {
      this.k.volumes.setUp(this.pod);
    } catch (e) {
      if (e instanceof MountError) {
        this.event('Warning', 'FailedMount', e.message);
        this.resyncAt(this.k.clock.now() + 2000);
        return;
      }
      throw e;
    }
    this.scheduleVolumeSync();
    this.busy = true;
    this.k.clock.after(SANDBOX_CREATE_MS, () => {
      this.busy = false;
      if (this.pod.metadata?.deletionTimestamp) {
        this.sync();
        return;
      }
      this.podIP = this.k.allocatePodIP();
      const hostname = podHostname(this.pod);
      this.sandboxId = this.k.runtime.runPodSandbox({
        podUid: this.uid,
        name: this.pod.metadata!.name!,
        namespace: this.pod.metadata!.namespace ?? 'default',
        hostname,
        ip: this.podIP,
        shareProcessNamespace: !!this.pod.spec?.shareProcessNamespace,
        etcFiles: { '/etc/hosts': etcHosts(this.pod, this.podIP, hostname), '/etc/resolv.conf': resolvConf(this.pod), '/etc/hostname': hostname + '\n' },
      });
      // SyncPod goes straight on to the containers; the status is next written when they started.
      this.continuing = true;
      this.sync();
    });
  }

  /** Containers whose definition (image) changed are killed first; the follow-up sync starts them. */
  private killChangedContainers(): boolean {
    let killed = false;
    for (const r of this.records) {
      const st = this.latest(r);
      if (st?.state !== 'CONTAINER_RUNNING') continue;
      const want = this.k.normalizeImage(r.spec.image ?? '');
      if (want && st.image !== want) {
        this.event('Normal', 'Killing', r.kind === 'sidecar' ? `Init container ${r.name} definition changed` : `Container ${r.name} definition changed, will be restarted`, r);
        r.waiting = undefined;
        this.stopInstance(r, this.grace(), { restartNow: true });
        killed = true;
      }
    }
    return killed;
  }

  /** computePodActions: which containers to start now, or why not. */
  private computeStarts(): ContainerRecord[] {
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    const now = this.k.clock.now();
    for (const r of this.records) {
      if (r.kind === 'app') break;
      if (r.starting) return [];
      const st = this.latest(r);
      if (r.kind === 'sidecar') {
        if (st?.state === 'CONTAINER_RUNNING') {
          if (!r.started) return [];
          continue;
        }
        if (st?.state === 'CONTAINER_EXITED' && this.inCrashBackoff(r, st.finishedAt!, now)) return [];
        return [r];
      }
      if (st?.state === 'CONTAINER_EXITED' && st.exitCode === 0) continue;
      if (st?.state === 'CONTAINER_RUNNING' || st?.state === 'CONTAINER_CREATED') return [];
      if (st?.state === 'CONTAINER_EXITED') {
        if (policy === 'Never') return [];
        if (this.inCrashBackoff(r, st.finishedAt!, now)) return [];
      }
      return [r];
    }
    const out: ContainerRecord[] = [];
    // Once every regular container has finished for good, nothing more is started.
    for (const r of this.records.filter((x) => x.kind === 'app')) {
      if (r.starting) continue;
      const st = this.latest(r);
      if (st?.state === 'CONTAINER_RUNNING' || st?.state === 'CONTAINER_CREATED') continue;
      if (st?.state === 'CONTAINER_EXITED') {
        const restart = policy === 'Always' || (policy === 'OnFailure' && st.exitCode !== 0);
        if (!restart) continue;
        if (this.inCrashBackoff(r, st.finishedAt!, now)) continue;
      }
      if (r.waiting && r.waiting.reason !== 'CrashLoopBackOff' && this.resyncTimer !== undefined) continue;
      out.push(r);
    }
    return out;
  }

  private backoffKey(r: ContainerRecord): string {
    return `${this.pod.metadata!.name}_${this.pod.metadata!.namespace}_${this.uid}_${r.name}`;
  }

  /** doBackOff: in back-off → CrashLoopBackOff waiting state, a BackOff event and a resync. */
  private inCrashBackoff(r: ContainerRecord, finishedAt: number, now: number): boolean {
    const key = this.backoffKey(r);
    if (!this.k.crashBackoff.inBackOffSince(key, finishedAt, now)) return false;
    const delay = this.k.crashBackoff.get(key)!;
    const podRef = `${this.pod.metadata!.name}_${this.pod.metadata!.namespace}(${this.uid})`;
    r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${r.name} pod=${podRef}` };
    this.event('Warning', 'BackOff', `Back-off restarting failed container ${r.name} in pod ${podRef}`, r);
    const until = finishedAt + delay;
    this.resyncAt(Math.min(until, now + BACKOFF_RESYNC_MS));
    return true;
  }

  private grace(): number {
    const g = this.pod.metadata?.deletionGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30;
    return Math.max(g, MIN_GRACE_SECONDS);
  }

  // ---- starting a container: pull → create → start ----

  private startContainer(r: ContainerRecord, next: () => void): void {
    r.starting = true;
    const k = this.k;
    const st = this.latest(r);
    // A restart after a crash is the moment back-off grows (Backoff.Next at the last finish).
    if (st?.state === 'CONTAINER_EXITED') k.crashBackoff.next(this.backoffKey(r), st.finishedAt!);
    const fail = (reason: string, message: string, retryAt: number) => {
      r.starting = false;
      r.waiting = { reason, message };
      this.resyncAt(retryAt);
      next();
    };
    ensureImage(
      r.spec,
      this.uid,
      k.images,
      k.imageBackoff,
      () => k.clock.now(),
      { normal: (re, m) => this.event('Normal', re, m, r), warning: (re, m) => this.event('Warning', re, m, r) },
      (res) => {
        if (!res.ok) return fail(res.reason, res.message, res.retryAt);
        let env: Array<[string, string]>;
        try {
          env = containerEnv(k.store, this.pod, r.spec, this.podIP!, k.nodeIP, k.nodeName);
        } catch (e) {
          if (!(e instanceof ConfigError)) throw e;
          this.event('Warning', 'Failed', `Error: ${e.message}`, r);
          return fail('CreateContainerConfigError', e.message, k.clock.now() + 10_000);
        }
        k.clock.after(CONTAINER_CREATE_MS, () => {
          if (this.finished) return;
          const vars = new Map(env);
          const attempt = r.instances.length;
          let id: string;
          try {
            id = k.runtime.createContainer(this.sandboxId!, {
              name: r.name,
              attempt,
              image: r.spec.image ?? '',
              command: r.spec.command?.map((s) => expandRefs(s, vars)),
              args: r.spec.args?.map((s) => expandRefs(s, vars)),
              env,
              workingDir: r.spec.workingDir,
              mounts: k.volumes.mountsFor(this.pod, r.spec.volumeMounts, vars),
              stdin: r.spec.stdin,
              stdinOnce: r.spec.stdinOnce,
              tty: r.spec.tty,
            });
          } catch (e) {
            if (!(e instanceof CriError)) throw e;
            this.event('Warning', 'Failed', `Error: ${e.message}`, r);
            return fail('CreateContainerError', e.message, k.clock.now() + 10_000);
          }
          r.instances.push(id);
          r.waiting = undefined;
          this.event('Normal', 'Created', `Created container ${r.name}`, r);
          k.clock.after(CONTAINER_START_MS, () => {
            if (this.finished) return;
            try {
              k.runtime.startContainer(id);
            } catch (e) {
              if (!(e instanceof CriError)) throw e;
              this.event('Warning', 'Failed', `Error: ${e.message}`, r);
              r.starting = false;
              next();
              return;
            }
            r.started = !r.spec.startupProbe;
            r.ready = !r.spec.readinessProbe;
            r.starting = false;
            this.event('Normal', 'Started', `Started container ${r.name}`, r);
            this.startProbes(r, id);
            next();
          });
        });
      },
    );
  }

  // ---- probes ----

  private startProbes(r: ContainerRecord, id: string): void {
    const add = (type: ProbeType, probe: Container['livenessProbe']) => {
      if (!probe) return;
      const resolved = this.resolveProbePorts(r.spec, probe);
      const w = new ProbeWorker(this.k.clock, this.k.runtime, {
        containerId: id,
        podIP: this.podIP!,
        probe: resolved,
        type,
        gated: () => type === 'startup' || r.started,
        onAttemptFailed: (msg) => this.event('Warning', 'Unhealthy', msg, r),
        onResult: (ok) => this.onProbeResult(r, id, type, ok),
        onOutcome: (ok, message) => this.k.traceProbe(this, r.name, type, ok, message),
      });
      this.probes.set(`${id}/${type}`, w);
    };
    add('startup', r.spec.startupProbe);
    add('liveness', r.spec.livenessProbe);
    add('readiness', r.spec.readinessProbe);
  }

  private resolveProbePorts(c: Container, probe: NonNullable<Container['livenessProbe']>): NonNullable<Container['livenessProbe']> {
    const byName = (p: number | string | undefined) => (typeof p === 'string' && !/^\d+$/.test(p) ? c.ports?.find((x) => x.name === p)?.containerPort ?? p : p);
    const out = structuredClone(probe) as { httpGet?: { port: number | string }; tcpSocket?: { port: number | string } };
    if (out.httpGet) out.httpGet.port = byName(out.httpGet.port) as number;
    if (out.tcpSocket) out.tcpSocket.port = byName(out.tcpSocket.port) as number;
    return out as NonNullable<Container['livenessProbe']>;
  }

  private onProbeResult(r: ContainerRecord, id: string, type: ProbeType, ok: boolean): void {
    if (r.instances[r.instances.length - 1] !== id) return;
    if (type === 'readiness') {
      r.ready = ok;
      this.writeStatus();
      return;
    }
    if (type === 'startup' && ok) {
      r.started = true;
      this.writeStatus();
      this.sync();
      return;
    }
    if (!ok) {
      const what = type === 'liveness' ? 'liveness' : 'startup';
      this.event('Normal', 'Killing', r.kind === 'sidecar' ? `Init container ${r.name} failed ${what} probe` : `Container ${r.name} failed ${what} probe, will be restarted`, r);
      const g = this.pod.spec?.terminationGracePeriodSeconds ?? 30;
      this.stopInstance(r, Math.max(g, MIN_GRACE_SECONDS), {});
    }
  }

  private stopProbes(id: string): void {
    for (const t of ['startup', 'liveness', 'readiness']) {
      this.probes.get(`${id}/${t}`)?.stop();
      this.probes.delete(`${id}/${t}`);
    }
  }

  private stopInstance(r: ContainerRecord, graceSeconds: number, opts: { restartNow?: boolean }): void {
    const id = r.instances[r.instances.length - 1];
    if (!id) return;
    this.stopProbes(id);
    r.ready = false;
    if (opts.restartNow) this.k.crashBackoff.reset(this.backoffKey(r));
    this.k.runtime.stopContainer(id, graceSeconds);
  }

  /** The runtime reported (via PLEG) that one of our containers changed state. */
  onContainerEvent(id: string, type: 'started' | 'exited'): void {
    if (type === 'exited') {
      this.stopProbes(id);
      const r = this.records.find((x) => x.instances.includes(id));
      if (r) r.ready = false;
    }
    if (this.terminating) this.continueTermination();
    else this.sync();
  }

  // ---- termination ----

  private anyRunning(): boolean {
    return this.records.some((r) => this.latest(r)?.state === 'CONTAINER_RUNNING');
  }

  /** The pod's regular containers all finished for good: stop sidecars, then the sandbox. */
  private completePod(): void {
    const sidecars = this.records.filter((r) => r.kind === 'sidecar' && this.latest(r)?.state === 'CONTAINER_RUNNING').reverse();
    for (const s of sidecars) {
      this.event('Normal', 'Killing', `Stopping container ${s.name}`, s);
      this.stopInstance(s, this.grace(), {});
    }
    if (!sidecars.length && this.sandboxId && !this.anyRunning()) {
      this.k.runtime.stopPodSandbox(this.sandboxId);
      this.finished = true;
      this.writeStatusForce();
    }
  }

  private writeStatusForce(): void {
    this.finished = false;
    this.writeStatus();
    this.finished = true;
  }

  private terminate(): void {
    if (this.terminating) {
      this.continueTermination();
      return;
    }
    this.terminating = true;
    this.k.clock.cancel(this.resyncTimer);
    this.writeStatus();
    const apps = this.records.filter((r) => r.kind !== 'sidecar' && this.latest(r)?.state === 'CONTAINER_RUNNING');
    for (const r of apps) {
      this.event('Normal', 'Killing', `Stopping container ${r.name}`, r);
      this.stopInstance(r, this.grace(), {});
    }
    this.continueTermination();
  }

  private sidecarsStopping = false;

  private continueTermination(): void {
    if (this.finished) return;
    const appsRunning = this.records.some((r) => r.kind !== 'sidecar' && this.latest(r)?.state === 'CONTAINER_RUNNING');
    if (appsRunning) {
      this.writeStatus();
      return;
    }
    const sidecars = this.records.filter((r) => r.kind === 'sidecar' && this.latest(r)?.state === 'CONTAINER_RUNNING');
    if (sidecars.length) {
      if (!this.sidecarsStopping) {
        this.sidecarsStopping = true;
        // Sidecars stop after the regular containers, in reverse order of declaration.
        for (const s of [...sidecars].reverse()) {
          this.event('Normal', 'Killing', `Stopping container ${s.name}`, s);
          this.stopInstance(s, this.grace(), {});
        }
      }
      this.writeStatus();
      return;
    }
    if (this.busy) {
      this.pending = true;
      return;
    }
    // Everything stopped: final status, sandbox gone, then the status manager deletes the object.
    this.writeStatus();
    if (this.sandboxId) this.k.runtime.stopPodSandbox(this.sandboxId);
    this.finished = true;
    this.k.podTerminated(this);
  }
}
