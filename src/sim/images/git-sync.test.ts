import { describe, expect, it } from 'vitest';
import { cluster, exec, logs, pod } from './harness.test-util';

describe('git-sync image', () => {
  it('syncs a repo into an emptyDir that nginx serves, and picks up a new commit on a later period', () => {
    const c = cluster();
    c.api.create(pod('site', [
      { name: 'git-sync', image: 'registry.k8s.io/git-sync/git-sync:v4.4.0', args: ['--repo=https://github.com/pod-lab/demo-site', '--root=/git', '--period=30s', '--link=current'], volumeMounts: [{ name: 'content', mountPath: '/git' }] },
      { name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'content', mountPath: '/usr/share/nginx/html' }] },
    ], { volumes: [{ name: 'content', emptyDir: {} }] }));
    c.advance(30_000);
    const first = exec(c, 'site', 'nginx', ['curl', '-s', 'http://localhost/current/index.html']).out;
    expect(first).toMatch(/^<html><body><h1>Pod Lab demo site<\/h1><p>build \d+<\/p><\/body><\/html>\n$/);
    const ls = exec(c, 'site', 'nginx', ['ls', '-la', '/usr/share/nginx/html/']).out;
    expect(ls).toMatch(/current -> \.worktrees\/[0-9a-f]{40}\n/);
    c.advance(150_000);
    expect(exec(c, 'site', 'nginx', ['curl', '-s', 'http://localhost/current/index.html']).out).not.toBe(first);
    const l = logs(c, 'site', 'git-sync');
    expect(l[0]).toBe('INFO: detected pid 1, running init handler');
    const json = l.slice(1).map((x) => JSON.parse(x) as Record<string, unknown>);
    expect(json[0]).toMatchObject({ logger: '', level: 0, msg: 'starting up', version: 'v4.4.0' });
    expect(String(json[0].ts)).toMatch(/^2025-01-15 10:00:\d\d\.\d{6}$/);
    const updates = json.filter((x) => x.msg === 'updated successfully');
    expect(updates.map((x) => [x.ref, x.syncCount])).toEqual([['HEAD', 1], ['HEAD', 2]]);
    expect(updates[0].remote).not.toBe(updates[1].remote);
    // Only the current worktree is kept.
    expect(exec(c, 'site', 'nginx', ['ls', '/usr/share/nginx/html/.worktrees']).out).toBe(`${updates[1].remote}\n`);
  });

  it('an unknown repository fails: --max-failures 0 exits 1', () => {
    const c = cluster();
    c.api.create(pod('gs', [{ name: 'gs', image: 'registry.k8s.io/git-sync/git-sync:v4.4.0', args: ['--repo=https://github.com/nobody/nothing', '--one-time'] }], { restartPolicy: 'Never' }));
    c.advance(30_000);
    expect(JSON.parse(logs(c, 'gs', 'gs').at(-1)!)).toMatchObject({ msg: 'too many failures, aborting', failCount: 0 });
  });
});
