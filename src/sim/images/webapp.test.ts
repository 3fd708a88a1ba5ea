import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';

const START = Date.UTC(2025, 0, 15, 10);

describe('training/webapp', () => {
  it('listens on 5000, answers Hello world!, logs the Werkzeug banner and request lines', () => {
    const c = new Cluster({ seed: 1, start: START });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'training/webapp' }, { name: 'sh', image: 'busybox', command: ['sleep', '3600'] }] } });
    c.advance(30_000);
    const uid = c.store.get('Pod', 'default', 'web')!.metadata!.uid!;
    const w = c.kubelet.workers.get(uid)!;
    let out: string | undefined;
    c.kubelet.runtime.exec(w.instancesOf('sh').at(-1)!, ['wget', '-qO-', 'http://localhost:5000/'], 10_000, (r) => {
      out = 'timedOut' in r ? 'timeout' : r.stdout;
    });
    c.runUntil(() => out !== undefined, c.now() + 20_000);
    expect(out).toBe('Hello world!');
    const logs = c.kubelet.runtime.containerLogs(w.instancesOf('web').at(-1)!).map((l) => l.line);
    expect(logs[0]).toBe(' * Running on http://0.0.0.0:5000/');
    expect(logs[1]).toMatch(/^127\.0\.0\.1 - - \[15\/Jan\/2025 10:00:\d\d\] "GET \/ HTTP\/1.1" 200 -$/);
  });
});
