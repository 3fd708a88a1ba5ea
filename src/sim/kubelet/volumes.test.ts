/**
 * Volumes through the real stack: objects created through the API server, pods started by the
 * kubelet, files read in their containers with the runtime's exec (as `kubectl exec` does).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { KubeObject } from '../api/types';

const START = Date.UTC(2025, 0, 15, 10);

function cluster(objs: KubeObject[]): Cluster {
  const c = new Cluster({ seed: 1, start: START });
  for (const o of objs) c.api.create(o);
  c.advance(30_000);
  return c;
}

function containerId(c: Cluster, pod: string, container = 'c'): string {
  const uid = c.store.get('Pod', 'default', pod)!.metadata!.uid!;
  return c.kubelet.workers.get(uid)!.instancesOf(container).at(-1)!;
}

function sh(c: Cluster, pod: string, script: string, container = 'c'): { code: number; out: string; err: string } {
  let res: { code: number; out: string; err: string } | undefined;
  c.kubelet.runtime.exec(containerId(c, pod, container), ['sh', '-c', script], 60_000, (r) => {
    res = 'timedOut' in r ? { code: -1, out: '', err: 'timed out' } : { code: r.exitCode, out: r.stdout, err: r.stderr };
  });
  c.runUntil(() => !!res, c.now() + 61_000);
  return res!;
}

function pod(name: string, volumes: unknown[], volumeMounts: unknown[], extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'demo', tier: 'web' }, annotations: { build: 'two' } }, spec: { volumes, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], volumeMounts, ...container }], ...extra } };
}

const cm = (data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data });

describe('configMap and secret volumes', () => {
  it('follow ConfigMap updates within a minute through an atomic ..data swap, but not through subPath', () => {
    const c = cluster([
      cm({ 'app.conf': 'color=blue\n', extra: 'x' }),
      pod('p', [{ name: 'cfg', configMap: { name: 'cfg' } }], [{ name: 'cfg', mountPath: '/etc/config' }, { name: 'cfg', mountPath: '/etc/app.conf', subPath: 'app.conf' }]),
    ]);
    const ls = sh(c, 'p', 'ls -la /etc/config | sed 1d | cut -c1-10,57-');
    expect(ls.out).toMatch(/^drwxr-xr-x \.\.2025_01_15_10_00_0\d\.\d+\nlrwxrwxrwx \.\.data -> \.\.2025_01_15_10_00_0\d\.\d+\nlrwxrwxrwx app\.conf -> \.\.data\/app\.conf\nlrwxrwxrwx extra -> \.\.data\/extra\n$/);
    expect(sh(c, 'p', 'cat /etc/config/app.conf /etc/app.conf; stat -L -c %A /etc/config/app.conf').out).toBe('color=blue\ncolor=blue\n-rw-r--r--\n');
    const target = () => sh(c, 'p', 'ls -l /etc/config/..data').out.split(' -> ')[1];
    const before = target();
    const obj = c.store.get('ConfigMap', 'default', 'cfg')!;
    c.api.update({ ...obj, data: { 'app.conf': 'color=green\n' } } as KubeObject);
    c.advance(61_000);
    expect(sh(c, 'p', 'cat /etc/config/app.conf; cat /etc/app.conf; ls /etc/config').out).toBe('color=green\ncolor=blue\napp.conf\n');
    // A new timestamped directory; the old one is gone.
    expect(target()).toMatch(/^\.\.2025_01_15_10_01_\d\d\.\d+\n$/);
    expect(sh(c, 'p', `cat /etc/config/..data/app.conf; ls -a /etc/config | grep -c -F ${before.trim()}`).out).toBe('color=green\n0\n');
  });

  it('mounts API data read-only; items, paths and defaultMode; secret values decoded', () => {
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'pässword', user: 'admin' } };
    const c = cluster([
      secret,
      pod('p', [{ name: 's', secret: { secretName: 's', defaultMode: 0o400, items: [{ key: 'password', path: 'db/pw' }, { key: 'user', path: 'user', mode: 0o644 }] } }], [{ name: 's', mountPath: '/etc/s' }]),
    ]);
    const r = sh(c, 'p', 'cat /etc/s/db/pw; echo; stat -L -c %A /etc/s/db/pw /etc/s/user; ls /etc/s; echo x > /etc/s/new');
    expect(r.out).toBe('pässword\n-r--------\n-rw-r--r--\ndb\nuser\n');
    expect(r.err).toBe("sh: can't create /etc/s/new: Read-only file system\n");
    expect(sh(c, 'p', 'grep /etc/s /proc/mounts').out).toBe('tmpfs /etc/s tmpfs ro,relatime 0 0\n');
  });
});

describe('emptyDir, hostPath, readOnly', () => {
  it('emptyDir outlives a container restart while the writable layer does not', () => {
    const c = cluster([pod('p', [{ name: 'data', emptyDir: {} }], [{ name: 'data', mountPath: '/data' }])]);
    sh(c, 'p', 'echo kept > /data/f; echo lost > /tmp/f');
    const first = containerId(c, 'p');
    c.kubelet.runtime.stopContainer(first, 0);
    c.advance(30_000);
    expect(containerId(c, 'p')).not.toBe(first);
    const r = sh(c, 'p', 'cat /data/f; cat /tmp/f');
    expect(r.out).toBe('kept\n');
    expect(r.err).toBe("cat: can't open '/tmp/f': No such file or directory\n");
  });

  it('medium: Memory is a tmpfs; a readOnly mount refuses writes; subPath of a directory', () => {
    const c = cluster([
      pod('p', [{ name: 'm', emptyDir: { medium: 'Memory' } }], [
        { name: 'm', mountPath: '/cache' },
        { name: 'm', mountPath: '/ro', readOnly: true },
        { name: 'm', mountPath: '/logs', subPath: 'app/logs' },
      ]),
    ]);
    const r = sh(c, 'p', 'echo hi > /logs/a; cat /cache/app/logs/a; echo x > /ro/x; grep -E " /(cache|ro|logs) " /proc/mounts');
    expect(r.out).toBe('hi\ntmpfs /cache tmpfs rw,relatime 0 0\ntmpfs /logs tmpfs rw,relatime 0 0\ntmpfs /ro tmpfs ro,relatime 0 0\n');
    expect(r.err).toBe("sh: can't create /ro/x: Read-only file system\n");
  });

  it('hostPath is the node directory, shared by pods', () => {
    const vol = [{ name: 'h', hostPath: { path: '/var/lib/shared' } }];
    const c = cluster([pod('a', vol, [{ name: 'h', mountPath: '/h' }]), pod('b', vol, [{ name: 'h', mountPath: '/mnt' }])]);
    sh(c, 'a', 'echo from-a > /h/note');
    expect(sh(c, 'b', 'cat /mnt/note').out).toBe('from-a\n');
  });
});

describe('downwardAPI and the service account volume', () => {
  it('writes pod fields and resources', () => {
    const c = cluster([
      pod(
        'dapi',
        [{ name: 'info', downwardAPI: { items: [
          { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
          { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
          { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
          { path: 'mem', resourceFieldRef: { containerName: 'c', resource: 'limits.memory', divisor: '1Mi' } },
          { path: 'cpu', resourceFieldRef: { containerName: 'c', resource: 'requests.cpu', divisor: '1m' } },
        ] } }],
        [{ name: 'info', mountPath: '/etc/podinfo' }],
        {},
        { resources: { limits: { memory: '64Mi' }, requests: { cpu: '250m', memory: '32Mi' } } },
      ),
    ]);
    const r = sh(c, 'dapi', 'for f in name labels annotations mem cpu; do cat /etc/podinfo/$f; echo; done');
    expect(r.out).toMatch(/^dapi\napp="demo"\ntier="web"\nbuild="two"\nkubernetes\.io\/config\.seen="2025-01-15T10:00:00\.\d+Z"\nkubernetes\.io\/config\.source="api"\n64\n250\n$/);
  });

  it('serves token, ca.crt and namespace from kube-api-access', () => {
    const c = cluster([pod('p', [], [])]);
    const r = sh(c, 'p', 'cd /var/run/secrets/kubernetes.io/serviceaccount && ls && cat namespace && echo && head -n 1 ca.crt && cut -c1-7 token');
    expect(r.out).toBe('ca.crt\nnamespace\ntoken\ndefault\n-----BEGIN CERTIFICATE-----\neyJhbGc\n');
  });
});
