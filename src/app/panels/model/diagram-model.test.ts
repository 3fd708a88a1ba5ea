import { describe, expect, it } from 'vitest';
import { layoutPod } from './diagram-model';
import { TimelineModel, describeState, segmentAt } from './timeline-model';
import { TWO_CONTAINERS, podYaml, world } from './test-world.test-util';
import { scene as sceneOf } from '../../../client/history/query';

function diagramOf(w: ReturnType<typeof world>, podName: string) {
  const sc = sceneOf(w.cluster);
  const pod = sc.pods.find((p) => p.metadata?.name === podName)!;
  const tm = new TimelineModel();
  tm.add(w.cluster.trace.entries);
  const row = tm.pods.find((p) => p.name === podName)!;
  const at = w.cluster.now();
  return layoutPod(
    pod,
    sc,
    (c) => {
      const s = segmentAt(row.containers.find((x) => x.name === c)?.segments ?? [], at);
      return s && { state: s.state, status: describeState(s), restarts: s.restartCount };
    },
    w.cluster.trace.entries,
    at,
  );
}

describe('layoutPod', () => {
  it('draws the containers, the shared volume with each mount path, the listening port, and a Service', () => {
    const w = world();
    w.run(TWO_CONTAINERS);
    w.run('kubectl expose pod mc1 --port=8080 --target-port=80 --type=NodePort');
    w.run('sleep 20');
    const d = diagramOf(w, 'mc1');
    expect(d.containers.map((c) => [c.name, c.role, c.state])).toEqual([
      ['setup', 'init', 'terminated'],
      ['logger', 'sidecar', 'running-ready'],
      ['web', 'app', 'running-ready'],
      ['writer', 'app', 'running-ready'],
    ]);
    expect(d.volumes.map((v) => [v.name, v.type])).toEqual([['html', 'emptyDir']]);
    expect(d.edges.filter((e) => e.kind === 'mount').map((e) => `${e.from} ${e.label}`)).toEqual(['c:setup /html', 'c:web /usr/share/nginx/html', 'c:writer /html']);
    expect(d.ports.map((p) => [p.port, p.container])).toEqual([[80, 'web']]);
    expect(d.services).toHaveLength(1);
    expect(d.services[0].ports[0]).toMatch(/^8080→80\/TCP \(NodePort 3\d{4}\)$/);
    expect(d.services[0].targets).toEqual(['p:80']);
    // The writer appends every second: a recent write pulses along its mount edge.
    expect(d.pulses.some((p) => p.kind === 'file' && p.edge === 'm:writer:html:/html' && /^writer wrote \d+ bytes to \/html\/index.html$/.test(p.text))).toBe(true);
    // Boxes do not overlap.
    const boxes = [...d.containers, ...d.volumes];
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
  });

  it('shows HTTP requests to the pod, the shared PID namespace, and IPC objects', () => {
    const w = world();
    w.run(
      podYaml(
        'ipc',
        `spec:
  shareProcessNamespace: true
  containers:
  - name: producer
    image: allingeek/ch6_ipc
    command: ["./ipc", "-producer"]
  - name: consumer
    image: allingeek/ch6_ipc
    command: ["./ipc", "-consumer"]`,
      ),
    );
    // Stop at the first message: the producer unlinks its queue a moment later.
    expect(w.cluster.runUntil(() => w.cluster.trace.entries.some((e) => e.kind === 'ipc'), w.cluster.now() + 30_000)).toBe(true);
    const d = diagramOf(w, 'ipc');
    expect(d.pidShared).toBeDefined();
    expect(d.ipc.map((o) => o.name)).toEqual(['mqueue /ch6_ipc']);
    expect(d.pulses.some((p) => p.kind === 'ipc')).toBe(true);

    const w2 = world();
    w2.run('kubectl run web --image=nginx --port=80');
    w2.run('sleep 10');
    w2.run('kubectl exec web -- curl -s localhost/ -o /dev/null');
    const d2 = diagramOf(w2, 'web');
    expect(d2.pulses.filter((p) => p.kind === 'http').map((p) => p.text)).toEqual(['web: GET / to :80 → 200']);
  });
});
