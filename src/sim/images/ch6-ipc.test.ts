/**
 * allingeek/ch6_ipc through the whole stack: the seed pod `mc2` (producer + consumer sharing the
 * pod's IPC namespace, restartPolicy Never), and the start-order race when the consumer starts first.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { KubeObject, Pod } from '../api/types';

const START = Date.UTC(2025, 0, 15, 10);

function mc2(order: Array<'producer' | 'consumer'>, name = 'mc2'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: order.map((c) => ({ name: c, image: 'allingeek/ch6_ipc', command: ['./ipc', `-${c}`] })), restartPolicy: 'Never' },
  };
}

function logs(c: Cluster, pod: string, container: string): string[] {
  const uid = c.store.get('Pod', 'default', pod)!.metadata!.uid!;
  const id = c.kubelet.workers.get(uid)!.instancesOf(container).at(-1)!;
  return c.kubelet.runtime.containerLogs(id).map((l) => l.line);
}

function state(c: Cluster, pod: string, container: string) {
  return (c.store.get('Pod', 'default', pod) as Pod).status?.containerStatuses?.find((s) => s.name === container)?.state;
}

describe('allingeek/ch6_ipc', () => {
  it('producer and consumer share the pod IPC namespace: 500 messages then done, both Completed', () => {
    const c = new Cluster({ seed: 7, start: START });
    c.api.create(mc2(['producer', 'consumer']));
    c.advance(60_000);
    const prod = logs(c, 'mc2', 'producer');
    const cons = logs(c, 'mc2', 'consumer');
    expect(prod).toHaveLength(500);
    for (const l of prod) expect(l).toMatch(/^Produced: [0-9a-f]{1,2}$/);
    expect(cons).toHaveLength(501);
    expect(cons.slice(0, 500)).toEqual(prod.map((l) => l.replace('Produced', 'Consumed')));
    expect(cons.at(-1)).toBe('Consumed: done');
    expect(state(c, 'mc2', 'producer')?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(state(c, 'mc2', 'consumer')?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect((c.store.get('Pod', 'default', 'mc2') as Pod).status?.phase).toBe('Succeeded');
  });

  it('is reproducible for a seed', () => {
    const run = () => {
      const c = new Cluster({ seed: 7, start: START });
      c.api.create(mc2(['producer', 'consumer']));
      c.advance(60_000);
      return logs(c, 'mc2', 'producer').slice(0, 5);
    };
    expect(run()).toEqual(run());
  });

  it('consumer first: it finds no queue and exits 1; the producer blocks on the full queue', () => {
    const c = new Cluster({ seed: 7, start: START });
    c.api.create(mc2(['consumer', 'producer']));
    c.advance(60_000);
    expect(logs(c, 'mc2', 'consumer')).toEqual(['Either the producer has not been started or maybe I cannot access the same memory...']);
    expect(state(c, 'mc2', 'consumer')?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    // mq_send blocks once 10 messages wait: the 11th is printed, then nothing more.
    expect(logs(c, 'mc2', 'producer')).toHaveLength(11);
    expect(state(c, 'mc2', 'producer')?.running).toBeDefined();
  });

  it('another pod cannot see the queue (IPC namespaces are per pod)', () => {
    const c = new Cluster({ seed: 3, start: START });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'prod' }, spec: { containers: [{ name: 'producer', image: 'allingeek/ch6_ipc', command: ['./ipc', '-producer'] }], restartPolicy: 'Never' } });
    c.advance(20_000);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'cons' }, spec: { containers: [{ name: 'consumer', image: 'allingeek/ch6_ipc', command: ['./ipc', '-consumer'] }], restartPolicy: 'Never' } });
    c.advance(20_000);
    expect(logs(c, 'cons', 'consumer')).toEqual(['Either the producer has not been started or maybe I cannot access the same memory...']);
  });
});
