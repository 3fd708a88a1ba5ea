/**
 * The cluster's metrics-server, as `kubectl top` reads it (metrics.k8s.io PodMetrics/NodeMetrics).
 *
 * - It scrapes the kubelet every 15 s and needs two scrapes of a container before reporting
 *   it, so a pod appears 30–45 s after its containers start; a pod is reported only while it is
 *   Running with every container up that long (metrics-server drops incomplete pods).
 * - CPU: the CPU time the kernel charged to the container's live processes (busy loops are
 *   charged; sleeping shells are not) averaged since the container started, plus the idle cost of
 *   the image's daemon (redis' 10 Hz cron), plus a 0–1m wobble that changes per scrape.
 * - Memory: the resident sizes the kernel reports for those processes (the same figures `ps`
 *   shows) plus up to 512 KiB of page cache.
 * The wobble comes from a hash of the object's uid and the scrape time, so it is deterministic.
 */
import type { Cluster } from '../cluster';
import type { Node, Pod } from '../api/types';
import { processInfo } from '../runtime/procfs';

export const SCRAPE_MS = 15_000;
/** Two scrapes: metrics-server reports a rate only after it has seen a container twice. */
const FIRST_METRICS_MS = 2 * SCRAPE_MS;

export interface ContainerUsage {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  containers: ContainerUsage[];
}

/** Idle CPU (milli-cores) of daemons that wake on a timer even with no work. */
const IDLE_CPU: Array<[RegExp, number]> = [
  [/redis/, 2],
  [/fluent-bit|git-sync|haproxy/, 1],
];

/** FNV-1a, for the deterministic wobble. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The last scrape instant at or before `now`. */
export function lastScrape(now: number): number {
  return Math.floor(now / SCRAPE_MS) * SCRAPE_MS;
}

/** PodMetrics for a pod at the last scrape, or undefined when metrics-server has none for it. */
export function podUsage(cluster: Cluster, pod: Pod): PodUsage | undefined {
  if (pod.status?.phase !== 'Running' || pod.metadata?.deletionTimestamp) return undefined;
  const scrape = lastScrape(cluster.now());
  const runtime = cluster.kubelet.runtime;
  const spec = pod.spec!;
  const names = [...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'), ...spec.containers].map((c) => c.name);
  const containers: ContainerUsage[] = [];
  for (const name of names) {
    const ids = cluster.kubelet.containerLogIds(pod, name);
    const id = ids[ids.length - 1];
    const st = id ? runtime.containerStatus(id) : undefined;
    if (!st || st.state !== 'CONTAINER_RUNNING' || st.startedAt === undefined || st.startedAt > scrape - FIRST_METRICS_MS) return undefined;
    const procs = runtime.containerProcesses(id).filter((p) => p.host.containerId === id && p.alive);
    const seed = hash(`${pod.metadata?.uid}/${name}/${scrape}`);
    const cpuMs = procs.reduce((n, p) => n + p.cpuMs, 0);
    const idle = IDLE_CPU.find(([re]) => re.test(st.image))?.[1] ?? 0;
    const cpuMilli = Math.floor(cpuMs / ((scrape - st.startedAt) / 1000)) + idle + (seed % 2);
    const rss = procs.reduce((n, p) => n + processInfo(p).rssKb, 0) * 1024;
    const memoryBytes = rss + (hash(`${pod.metadata?.uid}/${name}`) % 512) * 1024;
    containers.push({ name, cpuMilli, memoryBytes });
  }
  return { namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, containers };
}

/** What node01 itself spends: kubelet, containerd, kube-proxy and the CNI agent. */
const SYSTEM_CPU_MILLI = 38;
const SYSTEM_MEMORY_BYTES = 612 * 1024 * 1024;

/** NodeMetrics: the system's share plus every pod's containers. */
export function nodeUsage(cluster: Cluster, node: Node): { cpuMilli: number; memoryBytes: number } {
  const scrape = lastScrape(cluster.now());
  const seed = hash(`${node.metadata?.uid ?? node.metadata?.name}/${scrape}`);
  let cpuMilli = SYSTEM_CPU_MILLI + (seed % 10);
  let memoryBytes = SYSTEM_MEMORY_BYTES + (seed % 4096) * 1024;
  for (const pod of cluster.store.list('Pod') as unknown as Pod[]) {
    if (pod.spec?.nodeName !== node.metadata?.name) continue;
    const u = podUsage(cluster, pod);
    for (const c of u?.containers ?? []) {
      cpuMilli += c.cpuMilli;
      memoryBytes += c.memoryBytes;
    }
  }
  return { cpuMilli, memoryBytes };
}
