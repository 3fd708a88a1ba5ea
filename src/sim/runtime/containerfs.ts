/**
 * A container's view of files: its root tree (a private copy of the image, discarded when the
 * container is replaced) plus mounts of shared trees (volumes) at mount paths. Longest mount
 * prefix wins, as in the kernel's mount table.
 *
 * Path resolution follows the kernel's rules: symlinks in the middle of a path are always
 * followed (relative targets from the link's directory, absolute ones from this container's
 * root, so a link may cross into a mount), the last component is followed by `stat`-like calls
 * unless the caller asks for lstat semantics. The kubelet's `..data` volume layout depends on it.
 * Paths under /proc are answered by a virtual tree (procfs.ts) when one is attached.
 */
import { FsError, FsTree, normalize, splitPath, type FsNode } from './fs';
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

/** What a /proc lookup gives: a generated node, or "continue in that container's filesystem". */
export type ProcResult = { node: FsNode } | { enter: ContainerFs; path: string } | { error: FsError['code'] } | undefined;

/** The /proc view a container sees; `parts` are the components after `/proc`. */
export interface ProcView {
  lookup(parts: string[], followLast: boolean): ProcResult;
}

/** Linux gives up after 40 symlinks in one resolution (ELOOP). */
const MAX_LINKS = 40;

interface Located {
  tree: FsTree;
  rel: string;
  readOnly: boolean;
  /** The container path after following links. */
  path: string;
  node: FsNode | undefined;
}

export class ContainerFs {
  private mounts: Mount[] = [];
  /** The /proc of this container, attached by the runtime. */
  proc?: ProcView;
  /** Told of every write that lands in a mounted volume (the runtime traces it). */
  onVolumeWrite?: (mountPath: string, path: string, bytes: number, append: boolean) => void;

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

  /** The mount table entry that owns a path (no link following). */
  private mountOf(p: string): Mount | undefined {
    for (const m of this.mounts) if (p === m.path || p.startsWith(m.path + '/')) return m;
    return undefined;
  }

  /** Which tree owns a path (intermediate symlinks followed, the last component not), and the path relative to that tree. */
  resolve(path: string): { tree: FsTree; rel: string; readOnly: boolean } {
    const r = this.route(normalize(path), false);
    if ('enter' in r) return r.enter.resolve(r.path);
    if ('proc' in r) return { tree: new FsTree(), rel: r.proc, readOnly: true };
    return r;
  }

  /**
   * Walk a normalized path. Returns the tree location, or that the path lies in /proc (virtual)
   * or in another container's filesystem (through /proc/<pid>/root).
   */
  private route(start: string, followLast: boolean): Located | { enter: ContainerFs; path: string } | { proc: string; result: ProcResult } {
    let p = start;
    for (let hops = 0; hops <= MAX_LINKS; hops++) {
      if (this.proc && (p === '/proc' || p.startsWith('/proc/'))) {
        const result = this.proc.lookup(splitPath(p).slice(1), followLast);
        if (result && 'enter' in result) return result;
        return { proc: p, result };
      }
      const m = this.mountOf(p);
      const tree = m ? m.tree : this.rootTree;
      const base = m ? m.path : '';
      const rest = splitPath(m ? p.slice(m.path.length) : p);
      const subParts = m ? splitPath(m.subPath) : [];
      let n: FsNode | undefined = tree.lookup(subParts.join('/'));
      let redirected = false;
      for (let i = 0; i < rest.length && n; i++) {
        if (n.type !== 'dir') {
          n = undefined;
          break;
        }
        const c: FsNode | undefined = n.children.get(rest[i]);
        if (c && c.type === 'symlink' && (i < rest.length - 1 || followLast)) {
          const linkDir = base + '/' + rest.slice(0, i).join('/');
          p = normalize([c.target, ...rest.slice(i + 1)].join('/'), normalize(linkDir));
          redirected = true;
          break;
        }
        n = c;
      }
      if (redirected) continue;
      const rel = [...subParts, ...rest].join('/');
      // A mount point exists as a directory even if the tree lacks the mounted subPath.
      if (!n && m && p === m.path) n = tree.lookup('');
      return { tree, rel: '/' + rel, readOnly: m ? m.readOnly : false, path: p, node: n };
    }
    return { proc: p, result: { error: 'ELOOP' } };
  }

  /** lstat by default (the last component is not followed, as `ls -l` needs); `follow` gives stat. */
  stat(path: string, follow = false): FsNode | undefined {
    // A trailing slash makes the kernel resolve the last component as a directory: `ls -l ..data/` lists the target.
    const r = this.route(normalize(path), follow || (path.length > 1 && path.endsWith('/')));
    if ('enter' in r) return r.enter.stat(r.path, follow);
    if ('proc' in r) return r.result && 'node' in r.result ? r.result.node : undefined;
    return r.node;
  }

  /** stat(2): follows every symlink. */
  statFollow(path: string): FsNode | undefined {
    return this.stat(path, true);
  }

  /** The canonical path (all links followed), or undefined when it does not exist. */
  realpath(path: string): string | undefined {
    const r = this.route(normalize(path), true);
    if ('enter' in r) return r.enter.realpath(r.path);
    if ('proc' in r) return r.result && 'node' in r.result ? r.proc : undefined;
    return r.node ? r.path : undefined;
  }

  readFile(path: string): string {
    const r = this.route(normalize(path), true);
    if ('enter' in r) return r.enter.readFile(r.path);
    const n = 'proc' in r ? procNode(r.result, path) : r.node;
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    if (n.type === 'symlink') throw new FsError('ENOENT', path);
    return n.data;
  }

  /** open(O_CREAT) follows a final symlink, so writing `key` in a configMap volume writes through `..data`. */
  writeFile(path: string, data: string, append = false): void {
    const r = this.route(normalize(path), true);
    if ('enter' in r) return r.enter.writeFile(r.path, data, append);
    if ('proc' in r) throw procWriteError(r.result, path);
    if (r.readOnly) throw new FsError('EROFS', path);
    if (r.node?.type === 'dir') throw new FsError('EISDIR', path);
    r.tree.writeFile(r.rel, data, this.clockNow(), false, append);
    if (this.onVolumeWrite && r.tree !== this.rootTree) {
      const m = this.mounts.find((x) => x.tree === r.tree);
      if (m) this.onVolumeWrite(m.path, r.path, data.length, append);
    }
  }

  mkdir(path: string, parents = false): void {
    bumpGeneration();
    if (parents) {
      // Create one component at a time so links and mounts met on the way are honoured.
      let at = '';
      for (const s of splitPath(normalize(path))) {
        at += '/' + s;
        const n = this.stat(at, true);
        if (n && n.type !== 'dir') throw new FsError('ENOTDIR', path);
        if (!n) this.mkdir(at, false);
      }
      return;
    }
    const r = this.route(normalize(path), false);
    if ('enter' in r) return r.enter.mkdir(r.path, false);
    if ('proc' in r) throw r.result && 'node' in r.result ? new FsError('EEXIST', path) : procWriteError(r.result, path);
    if (r.node) throw new FsError('EEXIST', path);
    if (r.readOnly) throw new FsError('EROFS', path);
    const { dir, name } = r.tree.parentOf(r.rel);
    dir.children.set(name, { type: 'dir', children: new Map(), mode: 0o755, mtime: this.clockNow() });
    dir.mtime = this.clockNow();
  }

  /** unlink never follows the last component: removing `key` removes the link, not the data. */
  unlink(path: string, recursive = false): void {
    bumpGeneration();
    const r = this.route(normalize(path), false);
    if ('enter' in r) return r.enter.unlink(r.path, recursive);
    if ('proc' in r) throw procWriteError(r.result, path);
    if (r.readOnly) throw new FsError('EROFS', path);
    const { dir, name } = r.tree.parentOf(r.rel);
    const n = dir.children.get(name);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir' && !recursive) throw new FsError('EISDIR', path);
    dir.children.delete(name);
    dir.mtime = this.clockNow();
  }

  /** opendir follows links: `ls /etc/config/..data/` lists the timestamped directory. */
  readdir(path: string): string[] {
    const r = this.route(normalize(path), true);
    if ('enter' in r) return r.enter.readdir(r.path);
    const n = 'proc' in r ? procNode(r.result, path) : r.node;
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    const names = new Set(n.children.keys());
    if ('proc' in r) return [...names].sort();
    const p = r.path;
    for (const m of this.mounts) {
      const parent = normalize(m.path + '/..');
      if (parent === p && m.path !== p) names.add(m.path.slice(p === '/' ? 1 : p.length + 1));
    }
    if (this.proc && p === '/') names.add('proc');
    return [...names].sort();
  }
}

function procNode(r: ProcResult, path: string): FsNode | undefined {
  if (r && 'error' in r) throw new FsError(r.error, path);
  return r && 'node' in r ? r.node : undefined;
}

/** procfs files have no write or create operations for us: EACCES, or the lookup's own error. */
function procWriteError(r: ProcResult, path: string): FsError {
  if (r && 'error' in r) return new FsError(r.error, path);
  return new FsError(r ? 'EACCES' : 'ENOENT', path);
}
