/**
 * The cluster network through the real stack: pods created through the API server, started by
 * the kubelet, commands run in them with the runtime's exec, as `kubectl exec` does.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { KubeObject, Pod } from '../api/types';
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import { Workstation } from '../workstation/workstation';
import { HomeFiles } from '../workstation/files';

const START = Date.UTC(2025, 0, 15, 10);

function pod(name: string, image: string, labels: Record<string, string> = {}, extra: Record<string, unknown> = {}): KubeObject {
  const container: Record<string, unknown> = { name: name.replace(/\d+$/, '') || 'c', image, ...extra };
  if (image.startsWith('busybox') && !container.command) container.command = ['sleep', '3600'];
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [container] } };
}

function svc(name: string, selector: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector, ports: [{ port: 80, targetPort: 80 }], ...spec } };
}

function setup(objs: KubeObject[]): Cluster {
  const c = new Cluster({ seed: 1, start: START });
  for (const o of objs) c.api.create(o);
  c.advance(30_000);
  return c;
}

function podIP(c: Cluster, name: string): string {
  return ((c.store.get('Pod', 'default', name) as Pod).status?.podIP) ?? '';
}

function exec(c: Cluster, podName: string, argv: string[], timeoutMs = 600_000, containerName?: string): { code: number; out: string; err: string } {
  const uid = c.store.get('Pod', 'default', podName)!.metadata!.uid!;
  const w = c.kubelet.workers.get(uid)!;
  const container = containerName ?? (c.store.get('Pod', 'default', podName) as Pod).spec!.containers[0].name;
  const id = w.instancesOf(container).at(-1)!;
  let res: { code: number; out: string; err: string } | undefined;
  c.kubelet.runtime.exec(id, argv, timeoutMs, (r) => {
    res = 'timedOut' in r ? { code: -1, out: '', err: 'timed out' } : { code: r.exitCode, out: r.stdout, err: r.stderr };
  });
  c.runUntil(() => !!res, c.now() + timeoutMs + 1000);
  return res!;
}

describe('cluster network', () => {
  it('reaches a pod by IP and its own localhost, and refuses closed ports', () => {
    const duo: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'duo' }, spec: { containers: [{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox', command: ['sleep', '3600'] }] } };
    const c = setup([pod('web', 'nginx'), pod('client', 'busybox'), duo]);
    const ip = podIP(c, 'web');
    expect(ip).toMatch(/^10\.244\.1\.\d+$/);
    const r = exec(c, 'client', ['wget', '-O', '-', `http://${ip}`]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Welcome to nginx!');
    expect(r.err).toBe(`Connecting to ${ip} (${ip}:80)\nwriting to stdout\n-                    100% |********************************|   ${r.out.length}  0:00:00 ETA\nwritten to stdout\n`);
    // Containers of one pod share its network namespace: the sidecar reaches nginx on localhost.
    const local = exec(c, 'duo', ['wget', '-qO-', 'http://localhost/'], 600_000, 'side');
    expect(local.out).toContain('Welcome to nginx!');
    const refused = exec(c, 'client', ['wget', '-q', '-O', '-', `http://${ip}:8080/`]);
    expect(refused).toEqual({ code: 1, out: '', err: `wget: can't connect to remote host (${ip}): Connection refused\n` });
    const self = exec(c, 'client', ['wget', '-q', '-O', '-', 'http://127.0.0.1/']);
    expect(self.err).toBe("wget: can't connect to remote host (127.0.0.1): Connection refused\n");
  });

  it('balances a Service across ready endpoints, by name, round-robin', () => {
    const c = setup([pod('web1', 'nginx', { app: 'web' }), pod('web2', 'nginx', { app: 'web' }), pod('client', 'busybox'), svc('web', { app: 'web' })]);
    const ep = c.store.get('Endpoints', 'default', 'web') as Endpoints;
    const ips = [podIP(c, 'web1'), podIP(c, 'web2')].sort();
    expect(ep.subsets?.[0].addresses?.map((a) => a.ip).sort()).toEqual(ips);
    for (const url of ['http://web', 'http://web.default', 'http://web.default.svc.cluster.local/']) {
      const r = exec(c, 'client', ['wget', '-q', '-O', '-', url]);
      expect(r.code).toBe(0);
    }
    // Each nginx logged the requests it served: round-robin splits four requests two and two.
    exec(c, 'client', ['wget', '-q', '-O', '-', 'http://web']);
    const served = (name: string) => {
      const w = c.kubelet.workers.get(c.store.get('Pod', 'default', name)!.metadata!.uid!)!;
      return c.kubelet.runtime.containerLogs(w.instancesOf('web').at(-1)!).filter((l) => l.line.includes('"GET / HTTP/1.1"')).length;
    };
    expect([served('web1'), served('web2')]).toEqual([2, 2]);
  });

  it('keeps unready pods out of the ready addresses', () => {
    const probe = { readinessProbe: { httpGet: { path: '/missing', port: 80 }, periodSeconds: 1 } };
    const c = setup([pod('good', 'nginx', { app: 'x' }), pod('bad', 'nginx', { app: 'x' }, probe), svc('x', { app: 'x' })]);
    const ep = c.store.get('Endpoints', 'default', 'x') as Endpoints;
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0].addresses!.map((a) => a.targetRef?.name)).toEqual(['good']);
    expect(ep.subsets![0].notReadyAddresses!.map((a) => a.targetRef?.name)).toEqual(['bad']);
    expect(ep.subsets![0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('resolves named targetPorts per pod and follows pod deletion', () => {
    const named = { ports: [{ name: 'http', containerPort: 80 }] };
    const c = setup([pod('a', 'nginx', { app: 'n' }, named), svc('n', { app: 'n' }, { ports: [{ name: 'web', port: 8080, targetPort: 'http' }] }), pod('client', 'busybox')]);
    const ep = c.store.get('Endpoints', 'default', 'n') as Endpoints;
    expect(ep.subsets![0].ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }]);
    expect(exec(c, 'client', ['wget', '-q', '-O', '-', 'http://n:8080']).code).toBe(0);
    c.api.delete('Pod', 'default', 'a');
    c.advance(60_000);
    expect((c.store.get('Endpoints', 'default', 'n') as Endpoints).subsets).toBeUndefined();
    expect(exec(c, 'client', ['wget', '-q', '-O', '-', 'http://n:8080']).err).toMatch(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\n$/);
  });

  it('answers DNS as CoreDNS does, through busybox nslookup', () => {
    const c = setup([pod('client', 'busybox'), svc('web', { app: 'web' })]);
    const ip = (c.store.get('Service', 'default', 'web') as Service).spec!.clusterIP!;
    const r = exec(c, 'client', ['nslookup', 'web']);
    expect(r.out).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        `Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
        "** server can't find web.cluster.local: NXDOMAIN\n\n",
    );
    const fq = exec(c, 'client', ['nslookup', 'kubernetes.default.svc.cluster.local']);
    expect(fq.out).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n');
    const nx = exec(c, 'client', ['nslookup', 'nope.default.svc.cluster.local']);
    expect(nx.out).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN\n");
    expect(exec(c, 'client', ['wget', '-q', 'http://nope']).err).toBe("wget: bad address 'nope'\n");
    // The pod's own hostname comes from /etc/hosts.
    expect(exec(c, 'client', ['wget', '-q', '-O', '-', 'http://client/']).err).toBe(`wget: can't connect to remote host (${podIP(c, 'client')}): Connection refused\n`);
  });

  it('lets nc talk TCP between pods and reports a port in use', () => {
    const c = setup([pod('server', 'busybox'), pod('client', 'busybox'), pod('web', 'nginx')]);
    const sip = podIP(c, 'server');
    let got: { code: number; out: string } | undefined;
    const uid = c.store.get('Pod', 'default', 'server')!.metadata!.uid!;
    const id = c.kubelet.workers.get(uid)!.instancesOf('server').at(-1)!;
    c.kubelet.runtime.exec(id, ['nc', '-l', '-p', '9000'], 600_000, (r) => void (got = 'timedOut' in r ? { code: -1, out: '' } : { code: r.exitCode, out: r.stdout }));
    c.advance(100);
    expect(exec(c, 'server', ['nc', '-l', '-p', '9000'])).toEqual({ code: 1, out: '', err: 'nc: bind: Address in use\n' });
    expect(exec(c, 'client', ['nc', '-z', '-v', sip, '9000']).err).toBe(`${sip} (${sip}:9000) open\n`);
    c.advance(100);
    // -z closed without data: the listener saw an empty connection and exited.
    expect(got).toEqual({ code: 0, out: '' });
    // Bytes flow between two processes: the listener prints what the client sent.
    got = undefined;
    c.kubelet.runtime.exec(id, ['nc', '-l', '-p', '9000'], 600_000, (r) => void (got = 'timedOut' in r ? { code: -1, out: '' } : { code: r.exitCode, out: r.stdout }));
    c.advance(100);
    expect(exec(c, 'client', ['sh', '-c', `echo hello | nc ${sip} 9000`]).code).toBe(0);
    c.advance(100);
    expect(got).toEqual({ code: 0, out: 'hello\n' });
    const http = exec(c, 'client', ['sh', '-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc ${podIP(c, 'web')} 80`]);
    expect(http.out).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\n/);
  });

  it('shows the pod network with ip and hostname -i', () => {
    const c = setup([pod('client', 'busybox')]);
    const ip = podIP(c, 'client');
    const a = exec(c, 'client', ['ip', 'addr']);
    expect(a.out).toMatch(new RegExp(`^2: eth0@if\\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1450`, 'm'));
    expect(a.out).toContain(`    inet ${ip}/24 brd 10.244.1.255 scope global eth0\n`);
    expect(exec(c, 'client', ['ip', 'route']).out).toBe(`default via 10.244.1.1 dev eth0 \n10.244.0.0/16 via 10.244.1.1 dev eth0 \n10.244.1.0/24 dev eth0 scope link  src ${ip} \n`);
    expect(exec(c, 'client', ['hostname', '-i']).out).toBe(`${ip} \n`);
    expect(exec(c, 'client', ['hostname']).out).toBe('client\n');
  });

  it('reaches a NodePort from the workstation with curl', () => {
    const c = setup([pod('web', 'nginx', { app: 'web' }), svc('web', { app: 'web' }, { type: 'NodePort' })]);
    const nodePort = (c.store.get('Service', 'default', 'web') as Service).spec!.ports![0].nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    let out = '';
    let err = '';
    const ws = new Workstation(c, new HomeFiles(), { out: (t) => void (out += t), err: (t) => void (err += t) });
    const run = (line: string): number => {
      out = '';
      err = '';
      const g = ws.run(line);
      for (let r = g.next(); ; r = g.next()) {
        if (r.done) return r.value;
        const w = r.value;
        if (w.op === 'sleep') c.advance(w.ms);
        else c.runUntil(w.done, w.deadline ?? c.now() + 3_600_000);
      }
    };
    expect(run(`curl -s http://node01:${nodePort}`)).toBe(0);
    expect(out).toContain('Welcome to nginx!');
    expect(run(`curl -s -o /dev/null -w '%{http_code}' http://172.30.1.2:${nodePort}/`)).toBe(0);
    expect(out).toBe('200');
    expect(run(`curl http://node01:${nodePort === 30000 ? 30001 : 30000}`)).toBe(7);
    expect(err).toMatch(/^curl: \(7\) Failed to connect to node01 port 300\d\d after 0 ms: Couldn't connect to server\n$/);
    expect(run('curl http://web')).toBe(6);
    expect(err).toBe('curl: (6) Could not resolve host: web\n');
  });
});
