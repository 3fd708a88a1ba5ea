/**
 * Folds the trace into what the timeline draws: one row per pod (phase, readiness) and one per
 * container (Waiting with its reason, Running ready / not ready, Terminated with its exit code),
 * with markers for restarts, failed probes and Events. Incremental: `add` takes each new batch, so
 * a long session never refolds from the start. Pure data, no React.
 */
import type { ContainerRole, TraceEntry } from '../../../sim/trace/trace';

export type ContainerState = 'waiting' | 'running' | 'running-ready' | 'terminated';

export interface ContainerSegment {
  start: number;
  /** Exclusive; undefined while it lasts. */
  end?: number;
  state: ContainerState;
  reason?: string;
  exitCode?: number;
  restartCount: number;
}

export interface PodSegment {
  start: number;
  end?: number;
  phase: string;
  ready: boolean;
  terminating: boolean;
}

export interface Marker {
  t: number;
  kind: 'restart' | 'probe' | 'event';
  warning: boolean;
  /** What a tooltip and the text list say. */
  text: string;
}

export interface ContainerRow {
  key: string;
  name: string;
  role: ContainerRole;
  /** Order of first appearance in the pod's statuses (init containers first, as the API lists them). */
  segments: ContainerSegment[];
  markers: Marker[];
}

export interface PodRow {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  created: number;
  /** When the object was deleted from the API (the row ends). */
  deleted?: number;
  segments: PodSegment[];
  markers: Marker[];
  containers: ContainerRow[];
}

/** One line of the screen-reader list of changes. */
export interface Change {
  t: number;
  text: string;
}

export class TimelineModel {
  readonly pods: PodRow[] = [];
  readonly changes: Change[] = [];
  /** Entries folded so far (index into the trace). */
  seen = 0;
  /** Bumped on every change: React components compare it to re-render. */
  version = 0;
  private readonly byUid = new Map<string, PodRow>();
  /** Latest row of each namespace/name (a pod recreated with the same name gets a new row). */
  private readonly latest = new Map<string, PodRow>();

  add(entries: readonly TraceEntry[]): void {
    for (const e of entries) this.fold(e);
    this.seen += entries.length;
    if (entries.length) this.version++;
  }

  /** The pod row a container or pod entry belongs to, created on first sight. */
  private row(namespace: string, name: string, uid: string | undefined, t: number): PodRow {
    const key = `${namespace}/${name}`;
    if (uid) {
      const r = this.byUid.get(uid) ?? this.adopt(key, uid);
      if (r) return r;
    } else {
      const r = this.latest.get(key);
      if (r && r.deleted === undefined) return r;
    }
    const id = uid ?? `${key}@${t}`;
    const r: PodRow = { key: `${key}/${id}`, namespace, name, uid: id, created: t, segments: [], markers: [], containers: [] };
    this.byUid.set(id, r);
    this.latest.set(key, r);
    this.pods.push(r);
    return r;
  }

  /** The row made from the API object (before the kubelet knew the pod's uid) takes the uid. */
  private adopt(key: string, uid: string): PodRow | undefined {
    const r = this.latest.get(key);
    if (!r || r.deleted !== undefined || !r.uid.startsWith(`${key}@`)) return undefined;
    r.uid = uid;
    this.byUid.set(uid, r);
    return r;
  }

  private fold(e: TraceEntry): void {
    switch (e.kind) {
      case 'pod': {
        const r = this.row(e.namespace, e.pod, e.uid, e.t);
        const last = r.segments[r.segments.length - 1];
        if (last) last.end = e.t;
        r.segments.push({ start: e.t, phase: e.phase, ready: e.ready, terminating: e.terminating });
        this.changes.push({ t: e.t, text: `Pod ${e.pod}: ${e.terminating ? 'Terminating' : e.phase}${e.phase === 'Running' ? (e.ready ? ', ready' : ', not ready') : ''}` });
        return;
      }
      case 'container': {
        const r = this.row(e.namespace, e.pod, e.uid, e.t);
        let c = r.containers.find((x) => x.name === e.container);
        if (!c) {
          c = { key: `${r.key}/${e.container}`, name: e.container, role: e.role ?? 'app', segments: [], markers: [] };
          r.containers.push(c);
        }
        const last = c.segments[c.segments.length - 1];
        if (last) last.end = e.t;
        const state = e.state as ContainerState;
        if (last && e.restartCount > last.restartCount) {
          c.markers.push({ t: e.t, kind: 'restart', warning: true, text: `Restarted (restart count ${e.restartCount})` });
        }
        c.segments.push({ start: e.t, state, reason: e.reason, exitCode: e.exitCode, restartCount: e.restartCount });
        this.changes.push({ t: e.t, text: `Pod ${e.pod}, ${ROLE_LABEL[c.role]} ${e.container}: ${describeState(c.segments[c.segments.length - 1])}` });
        return;
      }
      case 'object': {
        if (e.objKind !== 'Pod') return;
        if (e.verb === 'ADDED') {
          this.row(e.namespace ?? 'default', e.name, undefined, e.t);
          return;
        }
        if (e.verb !== 'DELETED') return;
        const r = this.latest.get(`${e.namespace ?? 'default'}/${e.name}`);
        if (!r || r.deleted !== undefined) return;
        r.deleted = e.t;
        for (const s of [r.segments[r.segments.length - 1], ...r.containers.map((c) => c.segments[c.segments.length - 1])]) if (s && s.end === undefined) s.end = e.t;
        this.changes.push({ t: e.t, text: `Pod ${e.name}: deleted` });
        return;
      }
      case 'event': {
        const m = /^Pod\/(.+)$/.exec(e.object);
        if (!m) return;
        const r = this.latest.get(`${e.namespace}/${m[1]}`);
        if (!r) return;
        const text = eventText(e);
        const marker: Marker = { t: e.t, kind: 'event', warning: e.type === 'Warning', text };
        const cm = e.fieldPath && /\{(.+)\}$/.exec(e.fieldPath);
        const c = cm ? r.containers.find((x) => x.name === cm[1]) : undefined;
        // Probe failures are drawn from the probe entries themselves; their Unhealthy events only go to the list.
        if (e.reason !== 'Unhealthy') (c ?? r).markers.push(marker);
        this.changes.push({ t: e.t, text: `Pod ${m[1]} event: ${text}` });
        return;
      }
      case 'probe': {
        if (e.ok) return;
        const r = this.latest.get(`${e.namespace}/${e.pod}`);
        const c = r?.containers.find((x) => x.name === e.container);
        if (!c) return;
        const label = e.probe[0].toUpperCase() + e.probe.slice(1);
        c.markers.push({ t: e.t, kind: 'probe', warning: true, text: `${label} probe failed: ${e.message ?? ''}`.trim() });
        return;
      }
    }
  }
}

export const ROLE_LABEL: Record<ContainerRole, string> = { init: 'init container', sidecar: 'sidecar container', app: 'container' };

/** kubectl's words for a container state: `Waiting (CrashLoopBackOff)`, `Running, ready`, `Terminated (Error, exit code 1)`. */
export function describeState(s: Pick<ContainerSegment, 'state' | 'reason' | 'exitCode'>): string {
  switch (s.state) {
    case 'waiting':
      return `Waiting${s.reason ? ` (${s.reason})` : ''}`;
    case 'running':
      return 'Running, not ready';
    case 'running-ready':
      return 'Running, ready';
    case 'terminated':
      return `Terminated (${s.reason ?? 'Error'}, exit code ${s.exitCode ?? '?'})`;
  }
}

/** An Event as `kubectl describe` lists it: type, reason, source, message (with the repeat count). */
export function eventText(e: Extract<TraceEntry, { kind: 'event' }>): string {
  return `${e.type} ${e.reason}${e.count > 1 ? ` (x${e.count})` : ''} from ${e.source ?? 'kubelet'}: ${e.message}`;
}

/** The segment in effect at `t` (undefined before the first one or after the row ended). */
export function segmentAt<S extends { start: number; end?: number }>(segments: readonly S[], t: number): S | undefined {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= t) lo = mid + 1;
    else hi = mid;
  }
  const s = segments[lo - 1];
  return s && (s.end === undefined || t < s.end) ? s : undefined;
}
