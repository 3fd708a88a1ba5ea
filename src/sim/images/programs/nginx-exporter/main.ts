/**
 * nginx-prometheus-exporter (1.4): serves /metrics on :9113 and, on every scrape, fetches
 * nginx's stub_status page (--nginx.scrape-uri) and turns it into Prometheus text: the
 * connection gauges and counters, nginx_http_requests_total, nginx_up (0 when the fetch or the
 * parse fails) and the exporter's build info. Logs are promslog logfmt lines on stderr.
 * The Go runtime and process_* metrics the real exporter adds are left out.
 */
import type { Process, Program } from '../../../runtime/process';
import type { HttpResponse } from '../../../net/netns';
import { strftime } from '../../../shell/commands/time';
import { parseUrl, podNet, resolveIn } from '../../../shell/commands/net/common';

export const EXPORTER_VERSION = '1.4.0';
const REVISION = 'a2a47e7cc9d6e9d1ad6e7fb30a3e6d0f3a4d0a2c';
const GO = 'go1.23.4';

export interface StubStatus {
  active: number;
  accepts: number;
  handled: number;
  requests: number;
  reading: number;
  writing: number;
  waiting: number;
}

/** The stub_status module's fixed layout; anything else fails the scrape, as the real parser does. */
export function parseStubStatus(text: string): StubStatus | undefined {
  const m = text.match(/^Active connections: (\d+) \nserver accepts handled requests\n (\d+) (\d+) (\d+) \nReading: (\d+) Writing: (\d+) Waiting: (\d+) \n$/);
  if (!m) return undefined;
  const [active, accepts, handled, requests, reading, writing, waiting] = m.slice(1).map(Number);
  return { active, accepts, handled, requests, reading, writing, waiting };
}

const METRICS: Array<[keyof StubStatus, string, string, 'counter' | 'gauge']> = [
  ['accepts', 'nginx_connections_accepted', 'Accepted client connections', 'counter'],
  ['active', 'nginx_connections_active', 'Active client connections', 'gauge'],
  ['handled', 'nginx_connections_handled', 'Handled client connections', 'counter'],
  ['reading', 'nginx_connections_reading', 'Connections where NGINX is reading the request header', 'gauge'],
  ['waiting', 'nginx_connections_waiting', 'Idle client connections', 'gauge'],
  ['writing', 'nginx_connections_writing', 'Connections where NGINX is writing the response back to the client', 'gauge'],
  ['requests', 'nginx_http_requests_total', 'Total http requests', 'counter'],
];

/** Prometheus text exposition, families in name order as client_golang writes them. */
export function metricsText(s: StubStatus | undefined): string {
  const out: string[] = [];
  if (s) for (const [k, name, help, type] of METRICS) out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${s[k]}`);
  out.push('# HELP nginx_up Status of the last metric scrape', '# TYPE nginx_up gauge', `nginx_up ${s ? 1 : 0}`);
  out.push('# HELP nginxexporter_build_info A metric with a constant \'1\' value labeled by version, revision, branch, goversion from which nginxexporter was built, and the goos and goarch for the build.', '# TYPE nginxexporter_build_info gauge');
  out.push(`nginxexporter_build_info{branch="HEAD",goarch="amd64",goos="linux",goversion="${GO}",revision="${REVISION}",tags="unknown",version="${EXPORTER_VERSION}"} 1`);
  return out.join('\n') + '\n';
}

function logfmt(p: Process, level: string, source: string, msg: string, kv = ''): string {
  const ms = p.host.now();
  return `time=${strftime('%Y-%m-%dT%H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}Z level=${level} source=${source} msg=${JSON.stringify(msg)}${kv ? ' ' + kv : ''}\n`;
}

export const nginxExporter: Program = function* (p) {
  let uri = 'http://127.0.0.1:8080/stub_status';
  let listen = ':9113';
  let path = '/metrics';
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const m = args[i].match(/^--?([a-z.-]+)(?:=(.*))?$/);
    if (!m) continue;
    const val = () => m[2] ?? args[++i] ?? '';
    if (m[1] === 'version') {
      p.fds.stdout.write(`nginx-prometheus-exporter, version ${EXPORTER_VERSION} (branch: HEAD, revision: ${REVISION})\n  build user:       goreleaser\n  build date:       2024-12-05T17:15:20Z\n  go version:       ${GO}\n  platform:         linux/amd64\n  tags:             unknown\n`);
      return 0;
    } else if (m[1] === 'nginx.scrape-uri') uri = val();
    else if (m[1] === 'web.listen-address') listen = val();
    else if (m[1] === 'web.telemetry-path') path = val();
  }
  const err = (s: string) => p.fds.stderr.write(s);
  err(logfmt(p, 'INFO', 'exporter.go:217', 'Starting nginx-prometheus-exporter', `version="(version=${EXPORTER_VERSION}, branch=HEAD, revision=${REVISION})"`));
  err(logfmt(p, 'INFO', 'exporter.go:218', 'Build context', `build_context="(go=${GO}, platform=linux/amd64, user=goreleaser, date=2024-12-05T17:15:20Z, tags=unknown)"`));
  const net = podNet(p);
  const url = parseUrl(uri);
  const scrape = (): StubStatus | undefined => {
    const fail = (why: string) => {
      err(logfmt(p, 'ERROR', 'nginx.go:48', 'Error getting stats', `error=${JSON.stringify(`failed to get ${uri}: ${why}`)}`));
      return undefined;
    };
    if (!net || !url) return fail('invalid URL');
    const ip = /^\d+\.\d+\.\d+\.\d+$/.test(url.host) ? url.host : resolveIn(p, net, url.host);
    if (!ip) return fail(`Get "${uri}": dial tcp: lookup ${url.host}: no such host`);
    const d = net.network.dial(net.origin, ip, url.port);
    if (!d.ok || !d.listener.handleHttp) return fail(`Get "${uri}": dial tcp ${ip}:${url.port}: connect: connection refused`);
    const r = d.listener.handleHttp({ method: 'GET', path: url.path, headers: { host: `${url.host}:${url.port}`, 'user-agent': `NGINX-Prometheus-Exporter/v${EXPORTER_VERSION}` }, remoteAddr: d.source });
    if (r.status !== 200) return fail(`expected 200 response, got ${r.status}`);
    const s = parseStubStatus(r.body);
    return s ?? fail(`failed to parse response body "${r.body}"`);
  };
  const handleHttp = (req: { path: string }): HttpResponse => {
    const at = req.path.split('?')[0];
    if (at === path) {
      const body = metricsText(scrape());
      return { status: 200, headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }, body };
    }
    const body = `<!DOCTYPE html>\n<html lang="en">\n  <head><title>NGINX Prometheus Exporter</title></head>\n  <body><h1>NGINX Prometheus Exporter</h1><p><a href="${path}">Metrics</a></p></body>\n</html>\n`;
    return at === '/' ? { status: 200, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body } : { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
  };
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1));
  if (net && !net.self.bind({ port, process: p, handleHttp })) {
    err(logfmt(p, 'ERROR', 'exporter.go:283', 'Error running HTTP server', `err="listen tcp ${listen}: bind: address already in use"`));
    return 1;
  }
  err(logfmt(p, 'INFO', 'tls_config.go:347', 'Listening on', `address=[::]:${port}`));
  err(logfmt(p, 'INFO', 'tls_config.go:350', 'TLS is disabled.', `http2=false address=[::]:${port}`));
  for (const s of [2, 15]) p.dispositions.set(s, 'catch');
  for (;;) {
    const r = yield { op: 'pause' };
    if (r && 'interrupted' in r) {
      err(logfmt(p, 'INFO', 'exporter.go:269', 'Shutting down'));
      return 0;
    }
  }
};
