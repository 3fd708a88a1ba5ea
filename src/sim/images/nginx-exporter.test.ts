import { describe, expect, it } from 'vitest';
import { cluster, exec, logs, pod } from './harness.test-util';

// Our nginx has no stub_status module: a static file with the module's exact layout stands in.
const STUB = 'Active connections: 1 \nserver accepts handled requests\n 3 3 7 \nReading: 0 Writing: 1 Waiting: 0 \n';

describe('nginx-prometheus-exporter image', () => {
  it('adapter: turns nginx stub_status into Prometheus metrics on :9113', () => {
    const c = cluster();
    c.api.create(pod('web', [
      { name: 'nginx', image: 'nginx' },
      { name: 'exporter', image: 'nginx/nginx-prometheus-exporter:1.4', args: ['--nginx.scrape-uri=http://127.0.0.1/stub_status'] },
    ]));
    c.advance(40_000);
    const metrics = () => exec(c, 'web', 'nginx', ['curl', '-s', 'http://localhost:9113/metrics']).out;
    expect(metrics()).toContain('\nnginx_up 0\n');
    exec(c, 'web', 'nginx', ['sh', '-c', `printf '${STUB.replace(/\n/g, '\\n')}' > /usr/share/nginx/html/stub_status`]);
    const m = metrics();
    expect(m).toContain('# HELP nginx_up Status of the last metric scrape\n# TYPE nginx_up gauge\nnginx_up 1\n');
    expect(m).toContain('# HELP nginx_connections_active Active client connections\n# TYPE nginx_connections_active gauge\nnginx_connections_active 1\n');
    expect(m).toContain('# TYPE nginx_http_requests_total counter\nnginx_http_requests_total 7\n');
    expect(m).toMatch(/\nnginxexporter_build_info\{branch="HEAD",goarch="amd64",goos="linux",goversion="go1\.23\.4",revision="[0-9a-f]{40}",tags="unknown",version="1\.4\.0"\} 1\n$/);
    const l = logs(c, 'web', 'exporter');
    expect(l[0]).toMatch(/^time=2025-01-15T10:00:\d\d\.\d{3}Z level=INFO source=exporter\.go:217 msg="Starting nginx-prometheus-exporter" version="\(version=1\.4\.0, branch=HEAD, revision=[0-9a-f]{40}\)"$/);
    expect(l).toContain(l.find((x) => x.includes('Listening on'))!);
    expect(l.some((x) => x.includes('level=ERROR source=nginx.go:48 msg="Error getting stats" error="failed to get http://127.0.0.1/stub_status: expected 200 response, got 404"'))).toBe(true);
  });
});
