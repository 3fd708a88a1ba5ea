import { describe, expect, it } from 'vitest';
import { runSh } from './testkit';
import { FsTree } from '../../runtime/fs';

describe('cp / mv / ln / stat', () => {
  it('copies files and trees', () => {
    const r = runSh('echo hi > /tmp/a; cp /tmp/a /tmp/b; cat /tmp/b; mkdir -p /tmp/d/e; echo x > /tmp/d/e/f; cp -r /tmp/d /tmp/c; cat /tmp/c/e/f; cp /tmp/d /tmp/z; echo $?; cp /nope /tmp; echo $?');
    expect(r.stdout).toBe('hi\nx\n1\n1\n');
    expect(r.stderr).toBe("cp: omitting directory '/tmp/d'\ncp: can't stat '/nope': No such file or directory\n");
  });
  it('cp into a directory and onto a read-only mount', () => {
    const mounts = [{ containerPath: '/ro', tree: new FsTree(), subPath: '', readOnly: true, source: 'tmpfs', fstype: 'tmpfs' }];
    const r = runSh('echo a > /tmp/a; mkdir /tmp/d; cp /tmp/a /tmp/d; ls /tmp/d; cp /tmp/a /ro/a', { mounts });
    expect(r.stdout).toBe('a\n');
    expect(r.stderr).toBe("cp: can't create '/ro/a': Read-only file system\n");
  });
  it('mv renames and moves', () => {
    const r = runSh('echo a > /tmp/a; mv /tmp/a /tmp/b; ls /tmp; mv /tmp/nope /tmp/x');
    expect(r.stdout).toBe('b\n');
    expect(r.stderr).toBe("mv: can't stat '/tmp/nope': No such file or directory\n");
  });
  it('ln -s makes a symlink that cat follows', () => {
    const r = runSh('echo a > /tmp/a; ln -s /tmp/a /tmp/l; cat /tmp/l; ln -s /tmp/a /tmp/l; echo $?');
    expect(r.stdout).toBe('a\n1\n');
    expect(r.stderr).toBe('ln: /tmp/l: File exists\n');
  });
  it('stat -c and default layout', () => {
    const r = runSh('printf abc > /tmp/a; stat -c "%n %s %a %A %F" /tmp/a; stat /tmp/a | head -2');
    expect(r.stdout).toBe('/tmp/a 3 644 -rw-r--r-- regular file\n  File: /tmp/a\n  Size: 3         \tBlocks: 8          IO Block: 4096   regular file\n');
  });
});

describe('find', () => {
  const files = { '/srv/a.txt': '', '/srv/b.log': 'x', '/srv/sub/c.txt': 'y' };
  it('-name, -type, -maxdepth, default -print', () => {
    const r = runSh('find /srv -name "*.txt"; find /srv -type d; find /srv -maxdepth 1 -type f; cd /srv && find . -mindepth 2', { files });
    expect(r.stdout).toBe('/srv/a.txt\n/srv/sub/c.txt\n/srv\n/srv/sub\n/srv/a.txt\n/srv/b.log\n./sub/c.txt\n');
  });
  it('! -o, -empty, -exec', () => {
    const r = runSh('find /srv -type f ! -name "*.txt"; find /srv -empty; find /srv -name "*.log" -o -name c.txt; find /srv/sub -type f -exec cat {} \\;', { files });
    expect(r.stdout).toBe('/srv/b.log\n/srv/a.txt\n/srv/b.log\n/srv/sub/c.txt\ny\n');
  });
  it('errors', () => {
    const r = runSh('find /nope; echo $?; find /srv -bogus; echo $?', { files });
    expect(r.stdout).toBe('1\n1\n');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual(['find: /nope: No such file or directory', 'find: unrecognized: -bogus', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.']);
  });
});

describe('xargs / expr', () => {
  it('xargs runs the command with input words', () => {
    const r = runSh('printf "a b\\nc\\n" | xargs echo x; printf "1 2 3" | xargs -n 2 echo; printf "f1\\nf2\\n" | xargs -I{} echo "<{}>"; echo | xargs -r echo no');
    expect(r.stdout).toBe('x a b c\n1 2\n3\n<f1>\n<f2>\n');
  });
  it('expr arithmetic, compare, match, exit codes', () => {
    const r = runSh('expr 1 + 2; expr 7 / 2 \\* 3; expr 3 \\> 2; expr abc : "a\\(.\\)"; expr length hello; expr 0; echo $?; expr 1 / 0; echo $?; expr a + 1; echo $?');
    expect(r.stdout).toBe('3\n9\n1\nb\n5\n0\n1\n2\n2\n');
    expect(r.stderr).toBe('expr: division by zero\nexpr: non-numeric argument\n');
  });
});
