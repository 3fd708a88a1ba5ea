/**
 * `kubectl get pods`: the API server's printPod (pkg/printers/internalversion/printers.go)
 * computing READY / STATUS / RESTARTS / AGE (+ wide IP / NODE / NOMINATED NODE / READINESS GATES),
 * and the table / watch output kubectl lays out from those cells.
 */
import type { Container, ContainerStatus, Pod } from '../../api/types.ts';
import { humanDuration, translateTimestampSince } from './duration.ts';
import { formatLabels, printTable, TableWatchPrinter, type TableCell, type TableColumn, type TableOptions, type TableRow } from './table.ts';

export const podColumns: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Ready', priority: 0 },
  { name: 'Status', priority: 0 },
  { name: 'Restarts', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
];

export interface PodRowOptions {
  wide?: boolean;
  showLabels?: boolean;
}

function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function isPodInitializedConditionTrue(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
}

function hasPodReadyCondition(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function finishedAt(cs: ContainerStatus): number | undefined {
  const f = cs.lastState?.terminated?.finishedAt;
  if (!f) return undefined;
  const t = Date.parse(f);
  return Number.isNaN(t) ? undefined : t;
}

/** The STATUS / READY / RESTARTS computation of printPod, separated for unit tests. */
export interface PodStatusSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  /** Latest lastState.terminated.finishedAt among the counted containers (ms), if any. */
  lastRestart?: number;
}

export function summarizePod(pod: Pod): PodStatusSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let total = (spec.containers ?? []).length;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  const phase = status.phase ?? '';
  let reason: string = phase;
  if (status.reason) reason = status.reason;

  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) total++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    const f = finishedAt(cs);
    if (f !== undefined && (lastRestart === undefined || f > lastRestart)) lastRestart = f;
    const restartable = isRestartableInitContainer(initContainers.get(cs.name));
    if (restartable) {
      restartableInitContainerRestarts += cs.restartCount ?? 0;
      if (f !== undefined && (lastRestartableInitRestart === undefined || f > lastRestartableInitRestart)) {
        lastRestartableInitRestart = f;
      }
    }
    const term = cs.state?.terminated;
    const wait = cs.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) {
        reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      } else {
        reason = 'Init:' + term.reason;
      }
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = 'Init:' + wait.reason;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(pod)) {
    // Regular init containers' restarts stop counting once the pod is initialized.
    restarts = restartableInitContainerRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Last to first, so the first container (by name: the kubelet sorts them) with a reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const f = finishedAt(cs);
      if (f !== undefined && (lastRestart === undefined || f > lastRestart)) lastRestart = f;
      const wait = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (wait && wait.reason) {
        reason = wait.reason;
      } else if (term && term.reason) {
        reason = term.reason;
      } else if (term) {
        reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A completed container next to a still-running one: the pod is not "Completed".
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(pod) ? 'Running' : 'NotReady';
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  return { ready, total, reason, restarts, lastRestart };
}

/** All cells printPod produces (wide ones included), in podColumns order. */
export function podRowCells(pod: Pod, now: number): TableCell[] {
  const s = summarizePod(pod);
  let restartsStr = String(s.restarts);
  if (s.restarts !== 0 && s.lastRestart !== undefined) {
    restartsStr = `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`;
  }
  const status = pod.status ?? {};
  const podIP = status.podIPs?.[0]?.ip || '<none>';
  const nodeName = pod.spec?.nodeName || '<none>';
  const nominated = status.nominatedNodeName || '<none>';
  let readinessGates = '<none>';
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const g of gates) {
      const c = (status.conditions ?? []).find((c) => c.type === g.conditionType);
      if (c && c.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  return [
    pod.metadata?.name ?? '',
    `${s.ready}/${s.total}`,
    s.reason,
    restartsStr,
    translateTimestampSince(pod.metadata?.creationTimestamp, now),
    podIP,
    nodeName,
    nominated,
    readinessGates,
  ];
}

export function podTableRow(pod: Pod, now: number): TableRow {
  return { cells: podRowCells(pod, now), labels: pod.metadata?.labels, namespace: pod.metadata?.namespace };
}

/** The cells kubectl shows for one pod with these options (wide columns, LABELS last). */
export function printPodRow(pod: Pod, now: number, opts: PodRowOptions = {}): string[] {
  const cells = podRowCells(pod, now).map((c) => String(c ?? ''));
  const shown = opts.wide ? cells : cells.slice(0, 5);
  if (opts.showLabels) {
    shown.push(formatLabels(pod.metadata?.labels));
  }
  return shown;
}

/** `kubectl get pods` output (empty string for no pods; kubectl then says "No resources found" on stderr). */
export function printPods(pods: Pod[], now: number, opts: TableOptions = {}): string {
  return printTable(podColumns, pods.map((p) => podTableRow(p, now)), opts);
}

/**
 * `kubectl get pods -w [--output-watch-events]`: header once, then one line per event, each
 * flushed alone with remembered column widths.
 */
export class PodWatchPrinter {
  private readonly table: TableWatchPrinter;

  constructor(opts: TableOptions & { outputWatchEvents?: boolean } = {}) {
    this.table = new TableWatchPrinter(podColumns, opts);
  }

  /** The initial `get` (all pods in one flush). */
  printInitial(pods: Pod[], now: number): string {
    return this.table.print(pods.map((p) => podTableRow(p, now)), 'ADDED');
  }

  /** One watch event. */
  printEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED', pod: Pod, now: number): string {
    return this.table.print([podTableRow(pod, now)], type);
  }
}
