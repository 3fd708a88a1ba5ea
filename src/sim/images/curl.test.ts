import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { cluster, exec, logs, pod, service } from './harness.test-util';

describe('curlimages/curl', () => {
  it('`kubectl run c --image=curlimages/curl -- -s http://web` fetches through the Service; sleep keeps it running', () => {
    const c = cluster();
    c.api.create(pod('web', [{ name: 'web', image: 'nginx' }], {}, { app: 'web' }));
    c.api.create(service('web', { app: 'web' }, 80));
    c.api.create(pod('c', [{ name: 'c', image: 'curlimages/curl', args: ['-s', 'http://web'] }], { restartPolicy: 'Never' }));
    c.api.create(pod('s', [{ name: 's', image: 'curlimages/curl', args: ['sleep', '3600'] }]));
    c.advance(40_000);
    const out = logs(c, 'c', 'c');
    expect(out).toContain('<h1>Welcome to nginx!</h1>');
    expect((c.store.get('Pod', 'default', 'c') as Pod).status!.phase).toBe('Succeeded');
    expect(logs(c, 'web', 'web').some((l) => /"GET \/ HTTP\/1.1" 200 615 "-" "curl\/8.11.1"/.test(l))).toBe(true);
    expect((c.store.get('Pod', 'default', 's') as Pod).status!.phase).toBe('Running');
    const ps = exec(c, 's', 's', ['ps']);
    expect(ps.out).toMatch(/curl_use.*sleep 3600/);
    expect(exec(c, 's', 's', ['sh', '-c', 'curl -s -o /dev/null -w "%{http_code}" http://web']).out).toBe('200');
  });

  it('the nginx image ships curl', () => {
    const c = cluster();
    c.api.create(pod('web', [{ name: 'web', image: 'nginx' }]));
    c.advance(20_000);
    const r = exec(c, 'web', 'web', ['curl', '-sI', 'http://localhost/']);
    expect(r.out.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  });
});
