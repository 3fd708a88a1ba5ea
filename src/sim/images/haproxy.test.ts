import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { cluster, exec, logs, pod, service } from './harness.test-util';

const CFG = `global
    log stdout format raw local0

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend local
    bind *:8080
    default_backend api

backend api
    balance roundrobin
    server api1 api.default.svc.cluster.local:80 check
`;

describe('haproxy image', () => {
  it('ambassador: the app curls localhost, haproxy forwards to a Service', () => {
    const c = cluster();
    c.api.create(pod('api', [{ name: 'py', image: 'python:3.12-slim', command: ['python', '-m', 'http.server'], workingDir: '/etc' }], {}, { app: 'api' }));
    c.api.create(service('api', { app: 'api' }, 80, 8000));
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hap' }, data: { 'haproxy.cfg': CFG } });
    c.api.create(pod('app', [
      { name: 'app', image: 'curlimages/curl', command: ['sleep', '3600'] },
      { name: 'ambassador', image: 'haproxy:2.9', volumeMounts: [{ name: 'cfg', mountPath: '/usr/local/etc/haproxy' }] },
    ], { volumes: [{ name: 'cfg', configMap: { name: 'hap' } }] }));
    c.advance(60_000);
    expect(logs(c, 'app', 'ambassador')).toEqual(['[NOTICE]   (1) : New worker (8) forked', '[NOTICE]   (1) : Loading success.']);
    expect(exec(c, 'app', 'app', ['curl', '-s', 'http://localhost:8080/debian_version']).out).toBe('12.8\n');
    expect(exec(c, 'app', 'ambassador', ['ps', '-e']).out).toMatch(/\n\s+8 \?\s+00:00:00 haproxy\n/);
    c.api.delete('Pod', 'default', 'api');
    c.advance(40_000);
    expect(exec(c, 'app', 'app', ['curl', '-s', '-w', '%{http_code}', 'http://localhost:8080/debian_version']).out).toBe('<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n503');
  });

  it('a bad configuration prints the ALERTs and exits 1', () => {
    const c = cluster();
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hap' }, data: { 'haproxy.cfg': 'frontend fe\n    bind *:80\n    default_backend nope\n    proxy_pass http://x\n' } });
    c.api.create(pod('bad', [{ name: 'h', image: 'haproxy', volumeMounts: [{ name: 'cfg', mountPath: '/usr/local/etc/haproxy' }] }], { restartPolicy: 'Never', volumes: [{ name: 'cfg', configMap: { name: 'hap' } }] }));
    c.advance(30_000);
    expect(logs(c, 'bad', 'h')).toEqual([
      '[NOTICE]   (1) : haproxy version is 2.9.12-be5ca4c',
      '[NOTICE]   (1) : path to executable is /usr/local/sbin/haproxy',
      "[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:4] : unknown keyword 'proxy_pass' in 'frontend' section",
      "[ALERT]    (1) : config : Proxy 'fe': unable to find required default_backend: 'nope'.",
      '[ALERT]    (1) : config : Error(s) found in configuration file : /usr/local/etc/haproxy/haproxy.cfg',
      '[ALERT]    (1) : config : Fatal errors found in configuration.',
    ]);
    expect((c.store.get('Pod', 'default', 'bad') as Pod).status!.containerStatuses![0].state!.terminated!.exitCode).toBe(1);
  });
});
