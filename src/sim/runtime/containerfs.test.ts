/** Path resolution in a container's view: symlinks (middle always followed, last by stat-like calls), mounts, read-only. */
import { describe, expect, it } from 'vitest';
import { ContainerFs } from './containerfs';
import { FsError, FsTree } from './fs';

function view(): { fs: ContainerFs; vol: FsTree } {
  const root = FsTree.from({ '/etc/motd': 'hi\n', '/tmp/': '' });
  root.root.children.set('link', { type: 'symlink', target: '/vol/dir', mode: 0o777, mtime: 0 });
  root.root.children.set('loop', { type: 'symlink', target: 'loop', mode: 0o777, mtime: 0 });
  const vol = FsTree.from({ '/dir/a': 'A' });
  vol.root.children.set('rel', { type: 'symlink', target: 'dir/a', mode: 0o777, mtime: 0 });
  const fs = new ContainerFs(root, () => 0);
  fs.addMount({ path: '/vol', tree: vol, subPath: '', readOnly: false, source: 'tmpfs', fstype: 'tmpfs' });
  fs.addMount({ path: '/ro', tree: vol, subPath: '', readOnly: true, source: 'tmpfs', fstype: 'tmpfs' });
  return { fs, vol };
}

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as FsError).code;
  }
};

describe('ContainerFs symlinks', () => {
  it('stat is lstat unless asked to follow; reads, writes and readdir follow', () => {
    const { fs, vol } = view();
    expect(fs.stat('/link')?.type).toBe('symlink');
    expect(fs.stat('/link', true)?.type).toBe('dir');
    expect(fs.stat('/link/')?.type).toBe('dir');
    expect(fs.readdir('/link')).toEqual(['a']);
    expect(fs.readFile('/link/a')).toBe('A');
    expect(fs.readFile('/vol/rel')).toBe('A');
    fs.writeFile('/vol/rel', 'B');
    expect(vol.lookup('dir/a')).toMatchObject({ type: 'file', data: 'B' });
    expect(fs.realpath('/link/a')).toBe('/vol/dir/a');
    // unlink removes the link itself.
    fs.unlink('/vol/rel');
    expect(vol.lookup('dir/a')).toBeDefined();
  });

  it('a link crossing into a read-only mount is read-only; loops give ELOOP', () => {
    const { fs } = view();
    const root = (fs as unknown as { rootTree: FsTree }).rootTree;
    root.root.children.set('rolink', { type: 'symlink', target: '/ro/dir', mode: 0o777, mtime: 0 });
    expect(code(() => fs.writeFile('/rolink/x', ''))).toBe('EROFS');
    expect(code(() => fs.readFile('/loop'))).toBe('ELOOP');
    expect(fs.stat('/loop')?.type).toBe('symlink');
  });
});
