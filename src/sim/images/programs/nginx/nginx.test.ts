/**
 * nginx's configuration language through the real stack: ConfigMap-provided conf.d files,
 * [emerg] errors that fail the container, proxy_pass to localhost / Services / upstream groups,
 * and SIGHUP (`nginx -s reload`) replacing workers.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import type { KubeObject, Pod } from '../../../api/types';

const START = Date.UTC(2025, 0, 15, 10);

function cm(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

function nginxPod(name: string, conf: string, extra: Record<string, unknown>[] = [], labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: {
      volumes: [{ name: 'conf', configMap: { name: conf } }],
      containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] }, ...extra],
    },
  };
}

function instance(c: Cluster, pod: string, container: string): string {
  const uid = c.store.get('Pod', 'default', pod)!.metadata!.uid!;
  return c.kubelet.workers.get(uid)!.instancesOf(container).at(-1)!;
}

function logs(c: Cluster, pod: string, container = 'nginx'): string[] {
  return c.kubelet.runtime.containerLogs(instance(c, pod, container)).map((l) => l.line);
}

function exec(c: Cluster, pod: string, argv: string[], container = 'nginx'): { code: number; out: string; err: string } {
  let res: { code: number; out: string; err: string } | undefined;
  c.kubelet.runtime.exec(instance(c, pod, container), argv, 60_000, (r) => {
    res = 'timedOut' in r ? { code: -1, out: '', err: 'timed out' } : { code: r.exitCode, out: r.stdout, err: r.stderr };
  });
  c.runUntil(() => !!res, c.now() + 70_000);
  return res!;
}

describe('nginx configuration', () => {
  it('an unknown directive fails start-up with nginx\'s exact [emerg] and exit 1', () => {
    const c = new Cluster({ seed: 1, start: START });
    c.api.create(cm('bad', { 'default.conf': 'server {\n    listen 80;\n    foo bar;\n}\n' }));
    c.api.create(nginxPod('web', 'bad'));
    c.advance(30_000);
    const l = logs(c, 'web');
    expect(l).toContain('nginx: [emerg] unknown directive "foo" in /etc/nginx/conf.d/default.conf:3');
    expect(l.some((x) => /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] 1#1: unknown directive "foo" in \/etc\/nginx\/conf.d\/default.conf:3$/.test(x))).toBe(true);
    const st = (c.store.get('Pod', 'default', 'web') as Pod).status!.containerStatuses![0];
    expect(st.lastState?.terminated?.exitCode ?? st.state?.terminated?.exitCode).toBe(1);
  });

  it('other syntax errors', () => {
    const cases: Array<[string, string]> = [
      ['server {\n    listen 80\n}\n', 'nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/default.conf:3'],
      ['server {\n    listen 80;\n', 'nginx: [emerg] unexpected end of file, expecting "}" in /etc/nginx/conf.d/default.conf:3'],
      ['location / {\n}\n', 'nginx: [emerg] "location" directive is not allowed here in /etc/nginx/conf.d/default.conf:1'],
      ['server {\n    root;\n}\n', 'nginx: [emerg] invalid number of arguments in "root" directive in /etc/nginx/conf.d/default.conf:2'],
      ['server {\n    location / {\n        proxy_pass http://nosuch:8080;\n    }\n}\n', 'nginx: [emerg] host not found in upstream "nosuch:8080" in /etc/nginx/conf.d/default.conf:3'],
    ];
    for (const [conf, msg] of cases) {
      const c = new Cluster({ seed: 1, start: START });
      c.api.create(cm('bad', { 'default.conf': conf }));
      c.api.create(nginxPod('web', 'bad'));
      c.advance(20_000);
      expect(logs(c, 'web')).toContain(msg);
    }
  });

  it('serves locations, return, add_header, and proxies to localhost, a Service and an upstream group', () => {
    const c = new Cluster({ seed: 2, start: START });
    const conf = `upstream pool {
    server backend:80;
    server 127.0.0.1:8081;
}
server {
    listen 80;
    server_name localhost;
    location = /health { return 200 "ok\\n"; }
    location / {
        root /usr/share/nginx/html;
        index index.html;
        add_header X-Lab pod-lab;
    }
    location /api/ { proxy_pass http://backend/; }
    location /pool { proxy_pass http://pool; }
    location /local/ { proxy_pass http://127.0.0.1:8081/; }
}
server {
    listen 8081;
    location / { return 200 "from 8081\\n"; }
}
`;
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'backend' }, spec: { selector: { app: 'be' }, ports: [{ port: 80 }] } });
    c.api.create(cm('good', { 'default.conf': conf }));
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'be', labels: { app: 'be' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    c.api.create(nginxPod('web', 'good', [{ name: 'sh', image: 'busybox', command: ['sleep', '3600'] }]));
    c.advance(30_000);
    const get = (path: string) => exec(c, 'web', ['wget', '-S', '-qO-', `http://localhost${path}`], 'sh');
    expect(get('/health').out).toBe('ok\n');
    const root = get('/');
    expect(root.out).toContain('Welcome to nginx!');
    expect(root.err).toContain('X-Lab: pod-lab');
    expect(get('/local/x').out).toBe('from 8081\n');
    expect(get('/api/').out).toContain('Welcome to nginx!');
    expect(logs(c, 'be').some((l) => l.includes('"GET / HTTP/1.1" 200'))).toBe(true);
    const pool = [get('/pool').out, get('/pool').out];
    // Round-robin: one request went to the Service (its nginx has no /pool: 404), one to :8081.
    expect(logs(c, 'be').some((l) => l.includes('"GET /pool HTTP/1.1" 404'))).toBe(true);
    expect(pool).toContain('from 8081\n');
    const miss = get('/nope.html');
    expect(miss.code).not.toBe(0);
    expect(logs(c, 'web').some((l) => /\[error\] \d+#\d+: \*\d+ open\(\) "\/usr\/share\/nginx\/html\/nope.html" failed \(2: No such file or directory\), client: 127.0.0.1, server: localhost, request: "GET \/nope.html HTTP\/1.1", host: "localhost"/.test(l))).toBe(true);
  });

  it('nginx -t, and nginx -s reload replaces the workers (new PIDs) with the new configuration', () => {
    const c = new Cluster({ seed: 3, start: START });
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    c.advance(20_000);
    expect(exec(c, 'web', ['nginx', '-t']).err).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    const before = exec(c, 'web', ['ps']).out;
    exec(c, 'web', ['sh', '-c', `echo 'server { listen 80; location / { return 200 "v2\\n"; } }' > /etc/nginx/conf.d/default.conf`]);
    const r = exec(c, 'web', ['nginx', '-s', 'reload']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/\[notice\] \d+#\d+: signal process started\n$/);
    c.advance(1000);
    const after = exec(c, 'web', ['ps']).out;
    const workers = (s: string) => s.split('\n').filter((l) => l.includes('nginx: worker process')).map((l) => l.trim().split(/\s+/)[0]);
    expect(workers(after).length).toBe(workers(before).length);
    expect(workers(after).some((p) => workers(before).includes(p))).toBe(false);
    expect(logs(c, 'web').some((l) => l.endsWith('[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring'))).toBe(true);
    expect(exec(c, 'web', ['sh', '-c', 'echo \"bad;\" > /etc/nginx/conf.d/x.conf; nginx -t']).err).toBe('nginx: [emerg] unknown directive "bad" in /etc/nginx/conf.d/x.conf:1\nnginx: configuration file /etc/nginx/nginx.conf test failed\n');
  });
});
