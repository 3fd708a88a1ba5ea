/**
 * A container's view of files: its root tree (a private copy of the image, discarded when the
 * container is replaced) plus mounts of shared trees (volumes) at mount paths. Longest mount
 * prefix wins, as in the kernel's mount table.
 */
import { FsError, FsTree, normalize, type FsNode } from './fs';
import { bumpGeneration } from './fs';

export interface Mount {
  path: string;
  tree: FsTree;
  /** Path inside the tree that is mounted (subPath), '' for the tree's root. */
  subPath: string;
  readOnly: boolean;
  /** What `mount` and `df` show, e.g. `tmpfs` or `/dev/vda1`. */
  source: string;
  fstype: string;
}

export class ContainerFs {
  private mounts: Mount[] = [];

  constructor(
    private readonly rootTree: FsTree,
    private readonly clockNow: () => number,
  ) {}

  addMount(m: Mount): void {
    this.mounts.push({ ...m, path: normalize(m.path) });
    this.mounts.sort((a, b) => b.path.length - a.path.length);
  }

  listMounts(): readonly Mount[] {
    return this.mounts;
  }

  /** Which tree owns a path, and the path relative to that tree. */
  resolve(path: string): { tree: FsTree; rel: string; readOnly: boolean } {
    const p = normalize(path);
    for (const m of this.mounts) {
      if (p === m.path || p.startsWith(m.path + '/')) {
        const rest = p.slice(m.path.length);
        return { tree: m.tree, rel: `${m.subPath}/${rest}`, readOnly: m.readOnly };
      }
    }
    return { tree: this.rootTree, rel: p, readOnly: false };
  }

  stat(path: string): FsNode | undefined {
    const p = normalize(path);
    const { tree, rel } = this.resolve(p);
    const n = tree.lookup(rel);
    if (n) return n;
    // A mount point exists as a directory even if the underlying tree lacks it.
    return this.mounts.some((m) => m.path === p) ? tree.lookup('') : undefined;
  }

  readFile(path: string): string {
    const n = this.stat(path);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    if (n.type === 'symlink') return this.readFile(normalize(n.target, normalize(path + '/..')));
    return n.data;
  }

  writeFile(path: string, data: string, append = false): void {
    const { tree, rel, readOnly } = this.resolve(path);
    if (readOnly) throw new FsError('EROFS', path);
    tree.writeFile(rel, data, this.clockNow(), false, append);
  }

  mkdir(path: string, parents = false): void {
    bumpGeneration();
    const { tree, rel, readOnly } = this.resolve(path);
    if (readOnly) throw new FsError('EROFS', path);
    if (parents) {
      tree.mkdirp(rel, this.clockNow());
      return;
    }
    if (tree.lookup(rel)) throw new FsError('EEXIST', path);
    const { dir, name } = tree.parentOf(rel);
    dir.children.set(name, { type: 'dir', children: new Map(), mode: 0o755, mtime: this.clockNow() });
  }

  unlink(path: string, recursive = false): void {
    bumpGeneration();
    const { tree, rel, readOnly } = this.resolve(path);
    if (readOnly) throw new FsError('EROFS', path);
    const { dir, name } = tree.parentOf(rel);
    const n = dir.children.get(name);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir' && !recursive) throw new FsError('EISDIR', path);
    dir.children.delete(name);
    dir.mtime = this.clockNow();
  }

  readdir(path: string): string[] {
    const n = this.stat(path);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    const names = new Set(n.children.keys());
    const p = normalize(path);
    for (const m of this.mounts) {
      const parent = normalize(m.path + '/..');
      if (parent === p && m.path !== p) names.add(m.path.slice(p === '/' ? 1 : p.length + 1));
    }
    return [...names].sort();
  }
}
