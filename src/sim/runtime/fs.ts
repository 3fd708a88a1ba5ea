/**
 * An in-memory filesystem. One FsTree is one mountable tree: an image's files, a container's
 * writable layer, an emptyDir. A container's view (ContainerFs) resolves a path through its mount
 * table to the tree that owns it, so two containers that mount one emptyDir really share its files.
 */
export type FsNode =
  | { type: 'file'; data: string; mode: number; mtime: number }
  | { type: 'dir'; children: Map<string, FsNode>; mode: number; mtime: number }
  | { type: 'symlink'; target: string; mode: number; mtime: number };

export class FsError extends Error {
  constructor(public readonly code: 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'EROFS' | 'ENOTEMPTY' | 'EACCES' | 'ELOOP', public readonly path: string) {
    super(`${code}: ${path}`);
  }
}

/** Human strings the C library gives for errno values, as busybox tools print them. */
export const ERRNO_TEXT: Record<FsError['code'], string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  ELOOP: 'Too many levels of symbolic links',
};

export function newDir(mtime = 0, mode = 0o755): FsNode & { type: 'dir' } {
  return { type: 'dir', children: new Map(), mode, mtime };
}

export function splitPath(p: string): string[] {
  return p.split('/').filter((s) => s && s !== '.');
}

/** Bumped by every write to any tree: caches keyed on file contents (PATH lookups) check it. */
export let fsGeneration = 0;

export function bumpGeneration(): void {
  fsGeneration++;
}

const CLEAN_ABSOLUTE = /^(\/[^/.][^/]*|\/\.[^/.][^/]*)+$/;

export function normalize(p: string, cwd = '/'): string {
  // Hot path (every PATH lookup): an absolute path with no empty, `.` or `..` segments is already normal.
  if (CLEAN_ABSOLUTE.test(p) || p === '/') return p;
  const abs = p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const s of abs.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return '/' + out.join('/');
}

/** A tree of nodes under one root. */
export class FsTree {
  readonly root: FsNode & { type: 'dir' };
  constructor(root?: FsNode & { type: 'dir' }) {
    this.root = root ?? newDir();
  }

  /** Seed files: `{ '/etc/hostname': 'x\n' }` creates parent directories as needed. */
  static from(files: Record<string, string>, mtime = 0): FsTree {
    const t = new FsTree(newDir(mtime));
    for (const [p, data] of Object.entries(files)) {
      if (p.endsWith('/')) t.mkdirp(p, mtime);
      else t.writeFile(p, data, mtime, true);
    }
    return t;
  }

  /** A deep copy, used to give a new container its own writable copy of the image's files. */
  clone(): FsTree {
    const copy = (n: FsNode): FsNode =>
      n.type === 'dir' ? { ...n, children: new Map<string, FsNode>([...n.children].map(([k, v]) => [k, copy(v)])) } : { ...n };
    return new FsTree(copy(this.root) as FsNode & { type: 'dir' });
  }

  lookup(rel: string): FsNode | undefined {
    let n: FsNode = this.root;
    for (const s of splitPath(rel)) {
      if (n.type !== 'dir') return undefined;
      const c = n.children.get(s);
      if (!c) return undefined;
      n = c;
    }
    return n;
  }

  mkdirp(rel: string, mtime: number): FsNode & { type: 'dir' } {
    fsGeneration++;
    let n: FsNode = this.root;
    for (const s of splitPath(rel)) {
      if (n.type !== 'dir') throw new FsError('ENOTDIR', rel);
      if (!n.children.has(s)) n.children.set(s, newDir(mtime));
      n = n.children.get(s)!;
    }
    if (n.type !== 'dir') throw new FsError('ENOTDIR', rel);
    return n;
  }

  parentOf(rel: string, create = false, mtime = 0): { dir: FsNode & { type: 'dir' }; name: string } {
    const parts = splitPath(rel);
    const name = parts.pop();
    if (!name) throw new FsError('EISDIR', rel);
    const dirPath = parts.join('/');
    const dir = create ? this.mkdirp(dirPath, mtime) : this.lookup(dirPath);
    if (!dir) throw new FsError('ENOENT', rel);
    if (dir.type !== 'dir') throw new FsError('ENOTDIR', rel);
    return { dir, name };
  }

  writeFile(rel: string, data: string, mtime: number, createParents = false, append = false): void {
    fsGeneration++;
    const { dir, name } = this.parentOf(rel, createParents, mtime);
    const cur = dir.children.get(name);
    if (cur && cur.type === 'dir') throw new FsError('EISDIR', rel);
    if (cur && cur.type === 'file') {
      cur.data = append ? cur.data + data : data;
      cur.mtime = mtime;
    } else dir.children.set(name, { type: 'file', data, mode: 0o644, mtime });
    dir.mtime = mtime;
  }
}
