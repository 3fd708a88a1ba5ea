/** printPod STATUS / READY / RESTARTS rules (FIDELITY §1.3–1.5, printers.go printPod). */
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../api/types.ts';
import { podRowCells, printPodRow, printPods, summarizePod } from './pods.ts';

const NOW = Date.parse('2025-06-13T09:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

const running = (name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: 'x',
  imageID: '',
  ready: true,
  restartCount: 0,
  started: true,
  state: { running: { startedAt: ago(60) } },
  ...extra,
});
const waiting = (name: string, reason?: string, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: 'x',
  imageID: '',
  ready: false,
  restartCount: 0,
  state: { waiting: reason ? { reason } : {} },
  ...extra,
});
const terminated = (name: string, exitCode: number, reason?: string, signal?: number, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: 'x',
  imageID: '',
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, reason, signal } },
  ...extra,
});

function pod(p: {
  containers?: string[];
  init?: { name: string; sidecar?: boolean }[];
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  phase?: string;
  reason?: string;
  conditions?: { type: string; status: string; reason?: string }[];
  deleting?: boolean;
}): Pod {
  return {
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(300), ...(p.deleting ? { deletionTimestamp: ago(-30) } : {}) },
    spec: {
      containers: (p.containers ?? ['app']).map((name) => ({ name, image: 'x' })),
      initContainers: p.init?.map((c) => ({ name: c.name, image: 'x', ...(c.sidecar ? { restartPolicy: 'Always' } : {}) })),
    },
    status: {
      phase: p.phase ?? 'Running',
      reason: p.reason,
      conditions: p.conditions?.map((c) => ({ ...c })),
      containerStatuses: p.statuses,
      initContainerStatuses: p.initStatuses,
    },
  } as Pod;
}

describe('STATUS column', () => {
  it('phase, overridden by status.reason', () => {
    expect(summarizePod(pod({ statuses: [running('app')] })).reason).toBe('Running');
    expect(summarizePod(pod({ phase: 'Failed', reason: 'Evicted', statuses: [] })).reason).toBe('Evicted');
    expect(summarizePod(pod({ phase: 'Pending' })).reason).toBe('Pending');
  });

  it('SchedulingGated from the PodScheduled condition', () => {
    const p = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(summarizePod(p).reason).toBe('SchedulingGated');
  });

  describe('init containers', () => {
    const init = [{ name: 'a' }, { name: 'b' }];
    it('first running → Init:0/2; after the first completed → Init:1/2', () => {
      expect(summarizePod(pod({ phase: 'Pending', init, initStatuses: [running('a'), waiting('b', 'PodInitializing')], statuses: [waiting('app', 'PodInitializing')] })).reason).toBe('Init:0/2');
      expect(summarizePod(pod({ phase: 'Pending', init, initStatuses: [terminated('a', 0, 'Completed'), running('b')], statuses: [waiting('app', 'PodInitializing')] })).reason).toBe('Init:1/2');
    });
    it('waiting without reason or with PodInitializing counts as Init:i/n', () => {
      expect(summarizePod(pod({ phase: 'Pending', init, initStatuses: [waiting('a'), waiting('b')] })).reason).toBe('Init:0/2');
    });
    it('failed init container: Init:<reason>, Init:Signal:n, Init:ExitCode:n', () => {
      expect(summarizePod(pod({ init, initStatuses: [terminated('a', 1, 'Error'), waiting('b')] })).reason).toBe('Init:Error');
      expect(summarizePod(pod({ init, initStatuses: [terminated('a', 137, undefined, 9), waiting('b')] })).reason).toBe('Init:Signal:9');
      expect(summarizePod(pod({ init, initStatuses: [terminated('a', 3), waiting('b')] })).reason).toBe('Init:ExitCode:3');
    });
    it('waiting with a reason: Init:CrashLoopBackOff, Init:ImagePullBackOff', () => {
      expect(summarizePod(pod({ init, initStatuses: [waiting('a', 'CrashLoopBackOff')] })).reason).toBe('Init:CrashLoopBackOff');
      expect(summarizePod(pod({ init, initStatuses: [terminated('a', 0), waiting('b', 'ImagePullBackOff')] })).reason).toBe('Init:ImagePullBackOff');
    });
    it('all init done → regular container status (PodInitializing, then Running)', () => {
      expect(summarizePod(pod({ phase: 'Pending', init, initStatuses: [terminated('a', 0), terminated('b', 0)], statuses: [waiting('app', 'PodInitializing')] })).reason).toBe('PodInitializing');
      expect(summarizePod(pod({ init, initStatuses: [terminated('a', 0), terminated('b', 0)], statuses: [running('app')] })).reason).toBe('Running');
    });
  });

  describe('native sidecars (restartPolicy: Always init containers)', () => {
    const init = [{ name: 'proxy', sidecar: true }, { name: 'migrate' }];
    it('a started sidecar counts as done and in READY; denominator includes it', () => {
      const s = summarizePod(pod({ phase: 'Pending', init, initStatuses: [running('proxy'), running('migrate')], statuses: [waiting('app', 'PodInitializing')] }));
      expect(s.reason).toBe('Init:1/2');
      expect(`${s.ready}/${s.total}`).toBe('1/2');
    });
    it('not yet started sidecar blocks at its index', () => {
      const s = summarizePod(pod({ phase: 'Pending', init, initStatuses: [running('proxy', { started: false, ready: false }), waiting('migrate')] }));
      expect(s.reason).toBe('Init:0/2');
    });
    it('running pod with sidecar: 2/2 Running', () => {
      const s = summarizePod(pod({ init: [{ name: 'proxy', sidecar: true }], initStatuses: [running('proxy')], statuses: [running('app')] }));
      expect([s.reason, `${s.ready}/${s.total}`]).toEqual(['Running', '2/2']);
    });
    it('crashing sidecar after initialization does not hide regular containers (Initialized=True)', () => {
      const p = pod({
        init: [{ name: 'proxy', sidecar: true }],
        initStatuses: [waiting('proxy', 'CrashLoopBackOff', { started: false, restartCount: 3 })],
        statuses: [running('app')],
        conditions: [{ type: 'Initialized', status: 'True' }],
      });
      const s = summarizePod(p);
      // A running regular container sets no reason, so the sidecar's stays visible...
      expect(s.reason).toBe('Init:CrashLoopBackOff');
      expect(`${s.ready}/${s.total}`).toBe('1/2');
      expect(s.restarts).toBe(3);
      // ...but a regular container's own reason replaces it.
      p.status!.containerStatuses = [waiting('app', 'CrashLoopBackOff', { restartCount: 1 })];
      expect(summarizePod(p).reason).toBe('CrashLoopBackOff');
      expect(summarizePod(p).restarts).toBe(4);
    });
  });

  describe('regular containers', () => {
    it('the first container (by name order) with a reason wins', () => {
      expect(summarizePod(pod({ containers: ['a', 'b'], statuses: [waiting('a', 'CrashLoopBackOff'), waiting('b', 'ErrImagePull')] })).reason).toBe('CrashLoopBackOff');
      expect(summarizePod(pod({ containers: ['a', 'b'], statuses: [running('a'), waiting('b', 'ErrImagePull')] })).reason).toBe('ErrImagePull');
    });
    it('terminated without reason: Signal:n / ExitCode:n', () => {
      expect(summarizePod(pod({ statuses: [terminated('app', 137, undefined, 9)] })).reason).toBe('Signal:9');
      expect(summarizePod(pod({ statuses: [terminated('app', 2)] })).reason).toBe('ExitCode:2');
    });
    it('Completed next to a running container: Running if Ready=True, else NotReady', () => {
      const statuses = [terminated('a', 0, 'Completed'), running('b')];
      expect(summarizePod(pod({ containers: ['a', 'b'], statuses, conditions: [{ type: 'Ready', status: 'True' }] })).reason).toBe('Running');
      expect(summarizePod(pod({ containers: ['a', 'b'], statuses, conditions: [{ type: 'Ready', status: 'False' }] })).reason).toBe('NotReady');
    });
    it('running but not ready does not count in READY', () => {
      const s = summarizePod(pod({ statuses: [running('app', { ready: false })] }));
      expect(`${s.ready}/${s.total}`).toBe('0/1');
    });
  });

  describe('deletion', () => {
    it('Terminating while the phase is not terminal', () => {
      expect(summarizePod(pod({ deleting: true, statuses: [running('app')] })).reason).toBe('Terminating');
    });
    it('terminal pods keep Completed / Error while being deleted', () => {
      expect(summarizePod(pod({ deleting: true, phase: 'Succeeded', statuses: [terminated('app', 0, 'Completed')] })).reason).toBe('Completed');
      expect(summarizePod(pod({ deleting: true, phase: 'Failed', statuses: [terminated('app', 1, 'Error')] })).reason).toBe('Error');
    });
    it('NodeLost → Unknown', () => {
      expect(summarizePod(pod({ deleting: true, reason: 'NodeLost', statuses: [running('app')] })).reason).toBe('Unknown');
    });
  });
});

describe('RESTARTS column', () => {
  it('"n (age ago)" from the latest lastState.terminated.finishedAt', () => {
    const p = pod({ statuses: [waiting('app', 'CrashLoopBackOff', { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(5) } } })] });
    expect(podRowCells(p, NOW)[3]).toBe('2 (5s ago)');
  });
  it('plain count when no finishedAt is known, 0 otherwise', () => {
    expect(podRowCells(pod({ statuses: [running('app', { restartCount: 4 })] }), NOW)[3]).toBe('4');
    expect(podRowCells(pod({ statuses: [running('app')] }), NOW)[3]).toBe('0');
  });
  it('while initializing: init container restarts; afterwards: sidecars + regular only', () => {
    const init = [{ name: 'a' }];
    const initializing = pod({ phase: 'Pending', init, initStatuses: [waiting('a', 'CrashLoopBackOff', { restartCount: 3 })], statuses: [waiting('app', 'PodInitializing')] });
    expect(summarizePod(initializing).restarts).toBe(3);
    const done = pod({ init, initStatuses: [terminated('a', 0, 'Completed', undefined, { restartCount: 3 })], statuses: [running('app', { restartCount: 1 })] });
    expect(summarizePod(done).restarts).toBe(1);
  });
});

describe('rows and table', () => {
  const p: Pod = {
    ...pod({ statuses: [running('app')] }),
    metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(125), labels: { b: '2', a: '1' } },
  };
  p.spec!.nodeName = 'node01';
  p.spec!.readinessGates = [{ conditionType: 'example.com/ok' }];
  p.status!.podIPs = [{ ip: '10.244.0.5' }];
  p.status!.conditions = [{ type: 'example.com/ok', status: 'True' }];

  it('printPodRow: default, wide and labels', () => {
    expect(printPodRow(p, NOW)).toEqual(['web', '1/1', 'Running', '0', '2m5s']);
    expect(printPodRow(p, NOW, { wide: true })).toEqual(['web', '1/1', 'Running', '0', '2m5s', '10.244.0.5', 'node01', '<none>', '1/1']);
    expect(printPodRow(p, NOW, { showLabels: true })).toEqual(['web', '1/1', 'Running', '0', '2m5s', 'a=1,b=2']);
  });

  it('printPods: header + rows; nothing for no pods', () => {
    expect(printPods([p], NOW)).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          2m5s\n');
    expect(printPods([], NOW)).toBe('');
  });
});
