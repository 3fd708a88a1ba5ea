/**
 * The pod diagram as data: where each box goes and what each element says. Input is the scene at
 * the cursor (the pod's spec and status, Services, listening ports, IPC objects) plus the container
 * states and recent activity from the trace; output is plain shapes the SVG view draws, each with
 * the text a screen reader reads. Pure, so the layout is unit-tested without a browser.
 */
import type { Pod, Service } from '../../../sim/api/types';
import type { ContainerRole, TraceEntry } from '../../../sim/trace/trace';
import type { Scene } from '../../../client/history/types';
import type { ContainerState } from './timeline-model';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ContainerNode extends Box {
  id: string;
  name: string;
  role: ContainerRole;
  image: string;
  state: ContainerState | 'absent';
  /** e.g. "Running, ready" or "Waiting (PodInitializing)". */
  status: string;
  restarts: number;
}

export interface VolumeNode extends Box {
  id: string;
  name: string;
  /** emptyDir, configMap, secret, hostPath, … */
  type: string;
}

export interface PortNode extends Box {
  id: string;
  port: number;
  container: string;
}

export interface IpcNode extends Box {
  id: string;
  name: string;
}

export interface ServiceNode extends Box {
  id: string;
  name: string;
  type: string;
  /** `80→8080/TCP`, with `:30080` for a NodePort. */
  ports: string[];
  /** The pod's ports this Service targets (ids of PortNodes, when listening). */
  targets: string[];
}

export interface Edge {
  id: string;
  from: string;
  to: string;
  /** Mount path for mounts; the port for service edges. */
  label: string;
  kind: 'mount' | 'listen' | 'service' | 'ipc';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A recent request, write or message, drawn as a dot travelling along an edge. */
export interface Pulse {
  key: string;
  edge: string;
  kind: 'http' | 'file' | 'ipc';
  /** Seconds since it happened (0 = at the cursor). */
  age: number;
  text: string;
}

export interface PodDiagram {
  width: number;
  height: number;
  pod: Box & { name: string; namespace: string; ip?: string; phase: string };
  pidShared?: Box;
  localhost: Box & { ip?: string };
  ipcArea?: Box;
  containers: ContainerNode[];
  volumes: VolumeNode[];
  ports: PortNode[];
  ipc: IpcNode[];
  services: ServiceNode[];
  edges: Edge[];
  pulses: Pulse[];
}

const CW = 150;
const CH = 74;
const GAP = 24;
const PAD = 24;

export interface ContainerStatusAt {
  state: ContainerState;
  status: string;
  restarts: number;
}

/** How long after an event its pulse is still drawn (virtual ms). */
export const PULSE_MS = 3000;

export function layoutPod(
  pod: Pod,
  scene: Scene,
  statusOf: (container: string) => ContainerStatusAt | undefined,
  recent: readonly TraceEntry[],
  at: number,
): PodDiagram {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const net = scene.net[`${ns}/${name}`] ?? { ports: [], ipc: [] };
  const spec = pod.spec ?? { containers: [] };
  const sidecarNames = new Set((spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const all = [...(spec.initContainers ?? []), ...spec.containers];
  const n = all.length;
  const innerW = Math.max(n * CW + (n - 1) * GAP, 3 * CW + 2 * GAP);
  const podX = PAD;
  const podY = PAD;
  const top = podY + 56;

  const containers: ContainerNode[] = all.map((c, i) => {
    const role: ContainerRole = sidecarNames.has(c.name) ? 'sidecar' : i < (spec.initContainers ?? []).length ? 'init' : 'app';
    const st = statusOf(c.name);
    return { id: `c:${c.name}`, name: c.name, role, image: c.image ?? '', x: podX + PAD + i * (CW + GAP), y: top, w: CW, h: CH, state: st?.state ?? 'absent', status: st?.status ?? 'Not created', restarts: st?.restarts ?? 0 };
  });
  const byName = new Map(containers.map((c) => [c.name, c]));

  // Volumes sit below the containers, spread evenly.
  // The service account token volume is in every pod; drawing it would only hide the learner's own volumes.
  const vols = (spec.volumes ?? []).filter((v) => !isTokenVolume(v.name));
  const volY = top + CH + 56;
  const volW = 140;
  const volSpan = Math.max(vols.length, 1);
  const volumes: VolumeNode[] = vols.map((v, i) => {
    const type = Object.keys(v).find((k) => k !== 'name') ?? 'volume';
    const x = podX + PAD + ((i + 0.5) * innerW) / volSpan - volW / 2;
    return { id: `v:${v.name}`, name: v.name, type, x, y: volY, w: volW, h: 48 };
  });
  const edges: Edge[] = [];
  for (const c of all) {
    const cn = byName.get(c.name)!;
    for (const m of c.volumeMounts ?? []) {
      const v = volumes.find((x) => x.name === m.name);
      if (!v) continue;
      edges.push({ id: `m:${c.name}:${m.name}:${m.mountPath}`, from: cn.id, to: v.id, label: `${m.mountPath}${m.readOnly ? ' (ro)' : ''}`, kind: 'mount', x1: cn.x + cn.w / 2, y1: cn.y + cn.h, x2: v.x + v.w / 2, y2: v.y });
    }
  }

  // The shared localhost: one band, a chip per listening port under its container.
  const lhY = (vols.length ? volY + 48 : top + CH) + 40;
  const localhost = { x: podX + PAD, y: lhY, w: innerW, h: 44, ip: net.ip };
  const ports: PortNode[] = [];
  const perContainer = new Map<string, number>();
  for (const p of net.ports) {
    const cn = byName.get(p.container);
    const k = perContainer.get(p.container) ?? 0;
    perContainer.set(p.container, k + 1);
    const x = (cn ? cn.x : localhost.x + localhost.w - 70) + k * 66 + 4;
    const node: PortNode = { id: `p:${p.port}`, port: p.port, container: p.container, x, y: lhY + 8, w: 60, h: 28 };
    ports.push(node);
    if (cn) edges.push({ id: `l:${p.container}:${p.port}`, from: cn.id, to: node.id, label: `:${p.port}`, kind: 'listen', x1: node.x + node.w / 2, y1: cn.y + cn.h, x2: node.x + node.w / 2, y2: node.y });
  }

  // IPC objects, when there are any, to the right of the localhost band.
  let y = lhY + 44 + 24;
  let ipcArea: Box | undefined;
  const ipc: IpcNode[] = net.ipc.map((o, i) => ({ id: `i:${o}`, name: o, x: podX + PAD + i * 160, y: y + 24, w: 150, h: 28 }));
  if (ipc.length) {
    ipcArea = { x: podX + PAD, y, w: innerW, h: 64 };
    y += 64 + 24;
  }
  const podBox = { x: podX, y: podY, w: innerW + 2 * PAD, h: y - podY, name, namespace: ns, ip: net.ip, phase: pod.status?.phase ?? 'Pending' };
  const pidShared = spec.shareProcessNamespace ? { x: podX + PAD / 2, y: top - 22, w: innerW + PAD, h: CH + 30 } : undefined;

  // Services selecting this pod, below it.
  const labels = pod.metadata?.labels ?? {};
  const selecting = scene.services.filter((s) => s.metadata?.namespace === ns && selects(s, labels));
  const svcY = podBox.y + podBox.h + 50;
  const services: ServiceNode[] = selecting.map((s, i) => {
    const targets: string[] = [];
    const sp = (s.spec?.ports ?? []).map((p) => {
      const target = resolveTargetPort(p.targetPort ?? p.port, spec.containers.concat(spec.initContainers ?? []));
      const pn = ports.find((x) => x.port === target);
      if (pn) targets.push(pn.id);
      return `${p.port}→${target ?? p.targetPort}/${p.protocol ?? 'TCP'}${p.nodePort ? ` (NodePort ${p.nodePort})` : ''}`;
    });
    return { id: `s:${s.metadata?.name}`, name: s.metadata?.name ?? '', type: s.spec?.type ?? 'ClusterIP', ports: sp, targets, x: podX + PAD + i * 250, y: svcY, w: 230, h: 40 + 16 * sp.length };
  });
  for (const s of services) {
    for (const t of s.targets) {
      const pn = ports.find((p) => p.id === t)!;
      edges.push({ id: `s:${s.name}:${pn.port}`, from: s.id, to: pn.id, label: `:${pn.port}`, kind: 'service', x1: s.x + s.w / 2, y1: s.y, x2: pn.x + pn.w / 2, y2: pn.y + pn.h });
    }
  }
  for (const o of ipc) {
    for (const c of containers) edges.push({ id: `q:${c.name}:${o.name}`, from: c.id, to: o.id, label: '', kind: 'ipc', x1: c.x + c.w - 10, y1: c.y + c.h, x2: o.x + o.w / 2, y2: o.y });
  }

  const pulses = pulsesFor(recent, at, ns, name, edges, ports);
  const height = (services.length ? Math.max(...services.map((s) => s.y + s.h)) : podBox.y + podBox.h) + PAD;
  const width = Math.max(podBox.x + podBox.w, services.length ? Math.max(...services.map((s) => s.x + s.w)) : 0) + PAD;
  return { width, height, pod: podBox, pidShared, localhost, ipcArea, containers, volumes, ports, ipc, services, edges, pulses };
}

export function isTokenVolume(name: string): boolean {
  return /^kube-api-access-[a-z0-9]{5}$/.test(name);
}

function selects(s: Service, labels: Record<string, string>): boolean {
  const sel = s.spec?.selector;
  if (!sel || !Object.keys(sel).length) return false;
  return Object.entries(sel).every(([k, v]) => labels[k] === v);
}

function resolveTargetPort(tp: number | string, containers: NonNullable<Pod['spec']>['containers']): number | undefined {
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === tp) return p.containerPort;
  return undefined;
}

/** Activity of this pod in the last PULSE_MS before `at`, mapped onto edges. */
function pulsesFor(recent: readonly TraceEntry[], at: number, ns: string, pod: string, edges: Edge[], ports: PortNode[]): Pulse[] {
  const out: Pulse[] = [];
  recent.forEach((e, i) => {
    if (e.t > at || e.t < at - PULSE_MS) return;
    const age = (at - e.t) / 1000;
    if (e.kind === 'file' && e.namespace === ns && e.pod === pod) {
      const edge = edges.find((x) => x.kind === 'mount' && x.from === `c:${e.container}` && x.label.replace(/ \(ro\)$/, '') === e.mountPath);
      if (edge) out.push({ key: `f${i}:${e.t}`, edge: edge.id, kind: 'file', age, text: `${e.container} wrote ${e.bytes} bytes to ${e.path}` });
    } else if (e.kind === 'ipc' && e.namespace === ns && e.pod === pod && e.op === 'send') {
      const edge = edges.find((x) => x.kind === 'ipc' && x.from === `c:${e.container}` && x.to === `i:${e.object}`);
      if (edge) out.push({ key: `i${i}:${e.t}`, edge: edge.id, kind: 'ipc', age, text: `${e.container} sent ${e.bytes} bytes on ${e.object}` });
    } else if (e.kind === 'http' && 'pod' in e.to && e.to.namespace === ns && e.to.pod === pod) {
      const port = ports.find((p) => p.port === e.port);
      const what = `${e.method === 'TCP' ? 'TCP connection' : `${e.method} ${e.path}`} to :${e.port}${e.status ? ` → ${e.status}` : ''}`;
      const from = 'host' in e.from ? e.from.host : e.from.pod === pod ? e.from.container ?? 'this pod' : `pod ${e.from.pod}`;
      let edge: Edge | undefined;
      if (e.service) edge = edges.find((x) => x.kind === 'service' && x.from === `s:${e.service}` && x.to === port?.id);
      if (!edge && port) edge = edges.find((x) => x.kind === 'listen' && x.to === port.id);
      if (edge) out.push({ key: `h${i}:${e.t}`, edge: edge.id, kind: 'http', age, text: `${from}: ${what}${e.service ? ` via Service ${e.service}` : ''}` });
    }
  });
  return out.slice(-30);
}
