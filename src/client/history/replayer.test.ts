import { describe, expect, it } from 'vitest';
import { EngineHost } from '../engine-host';
import { FakeTimer } from '../fake-timer.test-util';
import type { EngineMessage } from '../protocol';
import type { QueryResult } from './types';
import { snapshotCluster, type ClusterSnapshot } from './snapshot';

const START = Date.UTC(2025, 0, 15, 10, 0, 0);

const MANIFEST = `cat <<EOF > pod.yaml
apiVersion: v1
kind: Pod
metadata:
  name: mc1
spec:
  volumes:
  - name: html
    emptyDir: {}
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
  - name: writer
    image: busybox:1.36
    volumeMounts:
    - name: html
      mountPath: /html
    command: ["sh", "-c", "while true; do date >> /html/index.html; sleep 1; done"]
EOF`;

function live(speed = 7) {
  const timer = new FakeTimer();
  const out: EngineMessage[] = [];
  const host = new EngineHost({ seed: 3, start: START, speed }, (m) => out.push(m), timer);
  const answers = () => out.filter((m): m is Extract<EngineMessage, { t: 'answer' }> => m.t === 'answer').map((m) => m.result);
  return { timer, host, out, answers };
}

describe('time travel: replaying the recorded inputs', () => {
  it('reproduces the live objects and file bytes at earlier instants', () => {
    const { timer, host } = live();
    const seen: ClusterSnapshot[] = [];
    const look = () => seen.push(snapshotCluster(host.cluster));
    look(); // before anything
    timer.advance(1_300);
    host.receive({ t: 'run', line: MANIFEST });
    host.receive({ t: 'run', line: 'kubectl apply -f pod.yaml' });
    timer.advance(2_150);
    look(); // pod starting
    host.receive({ t: 'run', line: 'kubectl get pods -w' });
    timer.advance(4_000);
    host.receive({ t: 'interrupt' });
    timer.advance(3_333);
    look(); // both running, the writer has written for a while
    host.receive({ t: 'run', line: 'kubectl exec mc1 -c writer -- sh -c "echo hello > /html/greeting"' });
    timer.advance(1_000);
    host.receive({ t: 'run', line: 'sleep 5' });
    timer.advance(2_000); // mid-sleep
    look();
    host.receive({ t: 'run', line: 'kubectl delete pod mc1 --wait=false' });
    timer.advance(10_000);
    look();

    expect(seen[2].files['default/mc1/volume:html:/index.html']).toMatch(/UTC 2025\n/);
    expect(seen[3].files['default/mc1/volume:html:/greeting']).toBe('hello\n');
    expect(seen[4].objects.some((o) => (o as { kind: string }).kind === 'Pod')).toBe(false);
    const replayer = (host as unknown as { history: { replayer: { at(t: number): import('../../sim/cluster').Cluster; fresh: number } } }).history.replayer;
    // Out of order on purpose: later, earlier, same again — replays are reused or started afresh.
    for (const i of [3, 1, 2, 4, 0, 2]) {
      const s = seen[i];
      expect(snapshotCluster(replayer.at(s.now)), `instant #${i}`).toEqual(s);
    }
    expect(replayer.fresh).toBeLessThanOrEqual(3);
  });

  it('answers queries about the past from a replay and the present from the live cluster', () => {
    const { timer, host, answers } = live(10);
    timer.advance(100); // the manifest arrives one virtual second in
    host.receive({ t: 'run', line: MANIFEST });
    host.receive({ t: 'run', line: 'kubectl apply -f pod.yaml' });
    timer.advance(3_000);
    const early = host.now();
    timer.advance(3_000);
    host.receive({ t: 'query', id: 1, q: { kind: 'ls', target: { namespace: 'default', pod: 'mc1', volume: 'html' }, path: '/' } });
    host.receive({ t: 'query', id: 2, at: START + 500, q: { kind: 'scene' } });
    host.receive({ t: 'query', id: 3, at: early, q: { kind: 'read', target: { namespace: 'default', pod: 'mc1', container: 'web' }, path: '/usr/share/nginx/html/index.html' } });
    host.receive({ t: 'query', id: 4, q: { kind: 'read', target: { namespace: 'default', pod: 'mc1', container: 'web' }, path: '/usr/share/nginx/html/index.html' } });
    host.receive({ t: 'query', id: 5, q: { kind: 'scene' } });
    const [ls, past, readEarly, readNow, scene] = answers() as QueryResult[];
    expect(ls).toMatchObject({ ok: true, kind: 'ls', entries: [{ name: 'index.html', type: 'file' }] });
    expect(past).toMatchObject({ ok: true, kind: 'scene', at: START + 500, scene: { pods: [] } });
    const lines = (r: QueryResult) => (r.ok && r.kind === 'read' ? r.content.split('\n').filter(Boolean).length : -1);
    expect(lines(readNow)).toBeGreaterThan(lines(readEarly));
    expect(scene).toMatchObject({ ok: true, kind: 'scene' });
    if (scene.ok && scene.kind === 'scene') {
      expect(scene.scene.pods.map((p) => p.metadata?.name)).toEqual(['mc1']);
      expect(scene.scene.net['default/mc1'].ports).toEqual([{ port: 80, container: 'web' }]);
    }
  });

  it('streams the trace to the page in order, index-aligned with the engine', () => {
    const { timer, host, out } = live(10);
    host.receive({ t: 'run', line: 'kubectl run web --image=nginx' });
    timer.advance(5_000);
    const batches = out.filter((m): m is Extract<EngineMessage, { t: 'trace' }> => m.t === 'trace');
    let next = 0;
    for (const b of batches) {
      expect(b.from).toBe(next);
      next += b.entries.length;
    }
    expect(next).toBe(host.cluster.trace.entries.length);
    const kinds = new Set(batches.flatMap((b) => b.entries.map((e) => e.kind)));
    for (const k of ['object', 'pod', 'container', 'event', 'listen']) expect(kinds).toContain(k);
  });
});
