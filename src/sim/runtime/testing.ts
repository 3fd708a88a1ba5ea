/**
 * Test support: run one container on a bare runtime and collect what it printed. Used by the
 * shell and command tests; not part of the engine proper.
 */
import { VirtualClock } from '../clock/clock';
import { Prng } from '../clock/prng';
import { Trace } from '../trace/trace';
import { SimContainerRuntime } from './runtime';

export const TEST_START = Date.UTC(2025, 0, 15, 10, 0, 0);

export interface ContainerRun {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as a terminal would show them. */
  output: string;
  exitCode?: number;
  /** Virtual ms from start to exit (or to the end of the run). */
  elapsed: number;
  runtime: SimContainerRuntime;
  id: string;
}

export function runContainer(command: string[], opts: { image?: string; runForMs?: number; env?: Array<[string, string]> } = {}): ContainerRun {
  const clock = new VirtualClock(TEST_START);
  const runtime = new SimContainerRuntime(clock, new Prng(1), new Trace());
  const sb = runtime.runPodSandbox({ podUid: 'uid', name: 'test', namespace: 'default', hostname: 'test', ip: '10.244.1.5', shareProcessNamespace: false, etcFiles: { '/etc/hostname': 'test\n' } });
  const id = runtime.createContainer(sb, { name: 'c', attempt: 0, image: opts.image ?? 'busybox:1.36', command, env: opts.env ?? [], mounts: [] });
  runtime.startContainer(id);
  const limit = TEST_START + (opts.runForMs ?? 60_000);
  clock.runUntil(limit, () => runtime.containerStatus(id)?.state === 'CONTAINER_EXITED');
  const logs = runtime.containerLogs(id);
  const st = runtime.containerStatus(id)!;
  const join = (ls: typeof logs) => ls.map((l) => l.line + '\n').join('');
  return {
    stdout: join(logs.filter((l) => l.stream === 'stdout')),
    stderr: join(logs.filter((l) => l.stream === 'stderr')),
    output: join(logs),
    exitCode: st.exitCode,
    elapsed: clock.now() - TEST_START,
    runtime,
    id,
  };
}

/** `sh -c SCRIPT` in busybox. */
export function sh(script: string, opts: { runForMs?: number; image?: string } = {}): ContainerRun {
  return runContainer(['sh', '-c', script], opts);
}
