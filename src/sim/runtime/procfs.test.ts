/**
 * /proc and zombies through the real stack: pods created through the API server, started by the
 * kubelet, commands run in their containers with the runtime's exec (as `kubectl exec` does).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { KubeObject } from '../api/types';
import { listProcesses } from './procfs';

const START = Date.UTC(2025, 0, 15, 10);

function setup(objs: KubeObject[]): Cluster {
  const c = new Cluster({ seed: 1, start: START });
  for (const o of objs) c.api.create(o);
  c.advance(30_000);
  return c;
}

function containerId(c: Cluster, pod: string, container: string): string {
  const uid = c.store.get('Pod', 'default', pod)!.metadata!.uid!;
  return c.kubelet.workers.get(uid)!.instancesOf(container).at(-1)!;
}

function exec(c: Cluster, pod: string, container: string, script: string): { code: number; out: string; err: string } {
  let res: { code: number; out: string; err: string } | undefined;
  c.kubelet.runtime.exec(containerId(c, pod, container), ['sh', '-c', script], 60_000, (r) => {
    res = 'timedOut' in r ? { code: -1, out: '', err: 'timed out' } : { code: r.exitCode, out: r.stdout, err: r.stderr };
  });
  c.runUntil(() => !!res, c.now() + 61_000);
  return res!;
}

function busybox(name: string, command: string[], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox', command }], ...extra } };
}

const shared: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx' },
  spec: { shareProcessNamespace: true, containers: [{ name: 'nginx', image: 'nginx' }, { name: 'shell', image: 'busybox:1.28', command: ['sleep', '3600'] }] },
};

const cmdlines = 'for p in /proc/[0-9]*; do echo "${p#/proc/} $(tr "\\0" " " < $p/cmdline)"; done';

describe('/proc', () => {
  it('shows every process of the pod with shareProcessNamespace, /pause as PID 1', () => {
    const c = setup([shared]);
    const r = exec(c, 'nginx', 'shell', `${cmdlines}; head -n 4 /proc/1/status; grep Uid /proc/1/status`);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('1 /pause ');
    expect(lines.filter((l) => / nginx: (master|worker) process/.test(l))).toHaveLength(3);
    expect(lines).toContain(`${lines.find((l) => l.endsWith(' sleep 3600 '))!.split(' ')[0]} sleep 3600 `);
    expect(r.out).toContain('Name:\tpause\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t1\nUid:\t65535\t65535\t65535\t65535\n');
  });

  it("reads another container's files through /proc/<pid>/root, when allowed to ptrace it", () => {
    const c = setup([shared]);
    const master = exec(c, 'nginx', 'shell', 'grep -l "master process" /proc/[0-9]*/cmdline').out.split('/')[2];
    const r = exec(c, 'nginx', 'shell', `head -n 3 /proc/${master}/root/etc/nginx/nginx.conf; ls -l /proc/${master}/root; cat /proc/1/root/etc/passwd`);
    expect(r.out).toBe(`\nuser  nginx;\nworker_processes  auto;\nlrwxrwxrwx    1 root     root             1 Jan 15 10:00 /proc/${master}/root -> /\n`);
    // /pause runs as 65535 and the container has no CAP_SYS_PTRACE.
    expect(r.err).toBe('cat: can\'t open \'/proc/1/root/etc/passwd\': Permission denied\n');
    // The shell container has no nginx.conf of its own.
    expect(exec(c, 'nginx', 'shell', 'cat /etc/nginx/nginx.conf').code).toBe(1);
  });

  it('shows only the container itself without a shared namespace; /proc/self, cgroup, mounts', () => {
    const c = setup([busybox('solo', ['sleep', '3600'])]);
    const r = exec(c, 'solo', 'c', `${cmdlines}; ls -l /proc/self | sed "s/.*-> //"; cat /proc/1/cgroup; grep -c "" /proc/mounts; head -n 2 /proc/mounts | cut -d" " -f1-3`);
    const [first, second, self, cgroup, ...rest] = r.out.split('\n');
    expect(first).toBe('1 sleep 3600 ');
    expect(second).toMatch(/^\d+ sh -c for p in/);
    expect(Number(self)).toBeGreaterThan(Number(second.split(' ')[0]));
    expect(cgroup).toBe('0::/');
    expect(rest.slice(1, 3)).toEqual(['overlay / overlay', 'proc /proc proc']);
  });

  it('lists processes for ps: pid, ppid, user, state, vsz, argv', () => {
    const c = setup([shared]);
    const sleep = c.kubelet.runtime.containerProcesses(containerId(c, 'nginx', 'shell')).find((p) => p.argv[0] === 'sleep')!;
    const ps = listProcesses(sleep).map((i) => `${i.pid} ${i.ppid} ${i.user} ${i.state} ${i.vszKb} ${i.comm} ${i.commandLine}`);
    expect(ps[0]).toBe('1 0 65535 S 1020 pause /pause');
    expect(ps.filter((l) => / 101 | nginx S 11876 nginx nginx: worker process$/.test(l))).toHaveLength(2);
    expect(ps.at(-1)).toMatch(/^\d+ 0 root R 1632 sleep sleep 3600$/);
  });
});

describe('zombies', () => {
  it('an init that never waits (sleep as PID 1) keeps orphans as zombies', () => {
    const c = setup([busybox('z', ['sleep', '3600'])]);
    const bg = exec(c, 'z', 'c', 'sleep 1 & echo $!').out.trim();
    c.advance(2000);
    const r = exec(c, 'z', 'c', `grep -E "^(Name|State|PPid)" /proc/${bg}/status; wc -c < /proc/${bg}/cmdline`);
    expect(r.out).toBe('Name:\tsleep\nState:\tZ (zombie)\nPPid:\t1\n0\n');
    const init = c.kubelet.runtime.containerProcesses(containerId(c, 'z', 'c'))[0];
    expect(listProcesses(init).find((i) => i.pid === Number(bg))).toMatchObject({ state: 'Z', ppid: 1, argv: [], vszKb: 0 });
  });

  it('a shell as PID 1 reaps adopted orphans', () => {
    const c = setup([busybox('s', ['sh', '-c', 'sleep 3600; echo done'])]);
    const bg = exec(c, 's', 'c', 'sleep 1 & echo $!').out.trim();
    c.advance(2000);
    const r = exec(c, 's', 'c', `cat /proc/${bg}/status`);
    expect(r.err).toBe(`cat: can't open '/proc/${bg}/status': No such file or directory\n`);
  });

  it('/pause reaps orphans in a shared PID namespace', () => {
    const c = setup([shared]);
    const bg = exec(c, 'nginx', 'shell', 'sleep 1 & echo $!').out.trim();
    expect(exec(c, 'nginx', 'shell', `grep PPid /proc/${bg}/status`).out).toBe('PPid:\t1\n');
    c.advance(2000);
    expect(exec(c, 'nginx', 'shell', `ls /proc/${bg}`).code).toBe(1);
  });
});
