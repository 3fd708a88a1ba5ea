/**
 * `npm run bench`: how fast the simulator runs. A benchmark, not a test: it reports numbers and
 * the budget they are held to; nothing here asserts timing in CI.
 *
 * Workload (issue #2): one virtual hour of busybox pods running `while true; do date; sleep 1; done`,
 * with 1 pod and with 20 pods. Budget: ≥ 20,000× real time for one pod, cost linear in pods.
 */
import { performance } from 'node:perf_hooks';
import { Cluster, DEFAULT_START } from '../sim/cluster';
import type { KubeObject } from '../sim/api/types';

const HOUR_MS = 3600_000;

function podManifest(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'clock', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do date; sleep 1; done'] }] },
  };
}

function runOnce(pods: number): { wallMs: number; lines: number; heapMB: number } {
  const cluster = new Cluster({ seed: 1, start: DEFAULT_START, traceLogs: false });
  for (let i = 0; i < pods; i++) cluster.api.create(podManifest(`clock-${i}`));
  const t0 = performance.now();
  cluster.advance(HOUR_MS);
  const wallMs = performance.now() - t0;
  let lines = 0;
  for (const w of cluster.kubelet.workers.values()) for (const id of w.instancesOf('clock')) lines += cluster.kubelet.runtime.containerLogs(id).length;
  return { wallMs, lines, heapMB: process.memoryUsage().heapUsed / 1e6 };
}

export function runBench(): void {
  runOnce(1); // warm up the JIT
  const rows: string[] = [];
  const results: Record<number, number> = {};
  for (const pods of [1, 20]) {
    const r = runOnce(pods);
    const ratio = HOUR_MS / r.wallMs;
    results[pods] = r.wallMs;
    rows.push(`${String(pods).padStart(4)} pod(s)  1 virtual hour in ${r.wallMs.toFixed(1).padStart(8)} ms wall  ${Math.round(ratio).toLocaleString('en-US').padStart(10)}× real time  ${r.lines} log lines  heap ${r.heapMB.toFixed(0)} MB`);
  }
  const perPod1 = results[1];
  const perPod20 = results[20] / 20;
  process.stdout.write('Simulator: busybox `while true; do date; sleep 1; done`\n');
  for (const r of rows) process.stdout.write(r + '\n');
  process.stdout.write(`cost per pod-hour: ${perPod1.toFixed(1)} ms (1 pod) vs ${perPod20.toFixed(1)} ms (20 pods) → scaling factor ${(perPod20 / perPod1).toFixed(2)} (1.00 = linear)\n`);
  const ok = HOUR_MS / perPod1 >= 20000;
  process.stdout.write(`budget: ≥ 20,000× real time for one pod — ${ok ? 'met' : 'NOT met'}\n`);
}
