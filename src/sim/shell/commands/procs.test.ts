import { describe, expect, it } from 'vitest';
import { runSh } from './testkit';
import { FsTree } from '../../runtime/fs';

describe('ps / pidof', () => {
  it('busybox default columns; aux and -ef print the same', () => {
    const r = runSh('sleep 100 & ps; ps aux | head -1; ps -ef | wc -l');
    expect(r.stdout).toBe(
      'PID   USER     TIME  COMMAND\n' +
        '    1 root      0:00 sh -c sleep 100 & ps; ps aux | head -1; ps -ef | wc -l\n' +
        '    2 root      0:00 sleep 100\n' +
        '    3 root      0:00 ps\n' +
        'PID   USER     TIME  COMMAND\n' +
        // sh, sleep, and the two forked pipeline stages (ps, wc), plus the header.
        '5\n',
    );
  });
  it('shows a zombie as [name] with -o stat', () => {
    // ash execs the last command of -c, so ps becomes PID 1 and inherits the unreaped child.
    const r = runSh('sleep 1 & sleep 3; ps -o pid,stat,args');
    expect(r.stdout).toBe('PID   STAT COMMAND\n    1 R    ps -o pid,stat,args\n    2 Z    [sleep]\n');
  });
  it('bad -o column and unknown option', () => {
    const r = runSh('ps -o foo; ps -x');
    expect(r.stderr.split('\n')[0]).toBe("ps: bad -o argument 'foo', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss");
    expect(r.stderr).toContain("ps: invalid option -- 'x'\nBusyBox v1.36.1");
  });
  it('pidof', () => {
    const r = runSh('sleep 50 & sleep 60 & pidof sleep; pidof nope; echo $?');
    expect(r.stdout).toBe('2 3\n1\n');
  });
});

describe('mount / df / du', () => {
  const mounts = [
    { containerPath: '/cache', tree: FsTree.from({ 'a.bin': 'x'.repeat(10000) }), subPath: '', readOnly: false, source: 'tmpfs', fstype: 'tmpfs' },
    { containerPath: '/data', tree: new FsTree(), subPath: '', readOnly: true, source: '/dev/vda1', fstype: 'ext4' },
  ];
  it('mount lists overlay root, volumes with ro/rw', () => {
    const r = runSh('mount | grep -E " / | /cache | /data | /etc/hosts "', { mounts });
    expect(r.stdout).toBe(
      'overlay on / type overlay (rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/27/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/31/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/31/work)\n' +
        'tmpfs on /cache type tmpfs (rw,relatime)\n' +
        '/dev/vda1 on /data type ext4 (ro,relatime)\n' +
        '/dev/vda1 on /etc/hosts type ext4 (rw,relatime)\n',
    );
  });
  it('df -h on a memory emptyDir counts what was written', () => {
    const r = runSh('df -h /cache', { mounts });
    expect(r.stdout).toBe('Filesystem                Size      Used Available Use% Mounted on\ntmpfs                     7.8G     12.0K      7.8G   1% /cache\n');
  });
  it('df header and skipped pseudo filesystems', () => {
    const r = runSh('df | head -1; df | grep -c proc', { mounts });
    expect(r.stdout).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on\n0\n');
  });
  it('du -s', () => {
    const r = runSh('mkdir -p /tmp/d; echo hi > /tmp/d/a; du -s /tmp/d; du -sh /cache', { mounts });
    expect(r.stdout).toBe('8\t/tmp/d\n16.0K\t/cache\n');
  });
});
