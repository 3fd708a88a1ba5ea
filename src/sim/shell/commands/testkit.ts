/**
 * Test helper: run `sh -c SCRIPT` as the main process of a busybox container on a fresh runtime
 * and collect what a user would see. Lives beside the commands so their tests stay one-liners.
 */
import { VirtualClock } from '../../clock/clock';
import { Prng } from '../../clock/prng';
import { Trace } from '../../trace/trace';
import { SimContainerRuntime } from '../../runtime/runtime';
import type { MountConfig } from '../../runtime/cri';
import type { Process } from '../../runtime/process';

export interface ShResult {
  stdout: string;
  stderr: string;
  /** Exit code, or undefined when the script was still running at the deadline. */
  code?: number;
  runtime: SimContainerRuntime;
  clock: VirtualClock;
  containerId: string;
}

export interface ShOptions {
  /** Virtual milliseconds to run before collecting (default 60 s). */
  ms?: number;
  files?: Record<string, string>;
  mounts?: MountConfig[];
  shareProcessNamespace?: boolean;
  /** Called when the clock reaches `at` (ms after start): to append to files, kill processes... */
  at?: Array<{ ms: number; run: (r: { runtime: SimContainerRuntime; procs: () => Process[]; write: (path: string, data: string) => void }) => void }>;
}

export const START = Date.UTC(2025, 0, 15, 10, 0, 0);

export function runSh(script: string, o: ShOptions = {}): ShResult {
  const clock = new VirtualClock(START);
  const runtime = new SimContainerRuntime(clock, new Prng(1), new Trace());
  const sb = runtime.runPodSandbox({
    podUid: 'uid',
    name: 'box',
    namespace: 'default',
    hostname: 'box',
    ip: '10.244.1.5',
    shareProcessNamespace: !!o.shareProcessNamespace,
    etcFiles: { '/etc/hostname': 'box\n', ...(o.files ?? {}) },
  });
  const id = runtime.createContainer(sb, { name: 'main', attempt: 0, image: 'busybox', command: ['sh', '-c', script], env: [], mounts: o.mounts ?? [] });
  runtime.startContainer(id);
  const procs = () => runtime.containerProcesses(id);
  const write = (path: string, data: string) => procs()[0]?.host.fs.writeFile(path, data, true);
  for (const a of o.at ?? []) clock.at(START + a.ms, () => a.run({ runtime, procs, write }));
  clock.runUntil(START + (o.ms ?? 60_000), () => runtime.containerStatus(id)?.state === 'CONTAINER_EXITED');
  const logs = runtime.containerLogs(id);
  const text = (s: 'stdout' | 'stderr') => logs.filter((l) => l.stream === s).map((l) => l.line + '\n').join('');
  const st = runtime.containerStatus(id);
  return { stdout: text('stdout'), stderr: text('stderr'), code: st?.state === 'CONTAINER_EXITED' ? st.exitCode : undefined, runtime, clock, containerId: id };
}
