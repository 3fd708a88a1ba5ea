/** cp, mv, ln and stat over the container's view of files (mounts included, read-only honoured). */
import type { Process, Program } from '../../runtime/process';
import { FsError, normalize, type FsNode } from '../../runtime/fs';
import { abs, errText, fail, getopt, out, showUsage, utf8Len, type Gen } from './util';
import { strftime } from './time';

/** Place `node` at `path` (replacing what is there), as a write through the mount table would. */
export function putNode(p: Process, path: string, node: FsNode): void {
  const { tree, rel, readOnly } = p.host.fs.resolve(path);
  if (readOnly) throw new FsError('EROFS', path);
  const { dir, name } = tree.parentOf(rel);
  dir.children.set(name, node);
  dir.mtime = p.host.now();
}

function copyNode(n: FsNode, now: number, preserve: boolean): FsNode {
  const mtime = preserve ? n.mtime : now;
  if (n.type === 'dir') return { ...n, mtime, children: new Map([...n.children].map(([k, v]) => [k, copyNode(v, now, preserve)])) };
  return { ...n, mtime };
}

/** Follow symlinks to the node a path names (cp without -d, stat -L). */
function follow(p: Process, path: string): FsNode | undefined {
  let n = p.host.fs.stat(path);
  let at = path;
  for (let i = 0; n && n.type === 'symlink' && i < 8; i++) {
    at = normalize(n.target, normalize(at + '/..'));
    n = p.host.fs.stat(at);
  }
  return n;
}

const base = (s: string) => s.replace(/\/+$/, '').slice(s.replace(/\/+$/, '').lastIndexOf('/') + 1);

export const cp: Program = function* (p): Gen<number> {
  const o = getopt(p, 'arRPdLHpfinlsTt:uv');
  if (!o) return 1;
  const recursive = o.has('r') || o.has('R') || o.has('a');
  const preserve = o.has('p') || o.has('a');
  const noDeref = o.has('a') || o.has('d') || o.has('P') || (recursive && !o.has('L'));
  const args = [...o.args];
  const target = o.get('t') ?? args.pop();
  if (target === undefined || !args.length) return showUsage(p);
  const tpath = abs(p, target);
  const tnode = follow(p, tpath);
  const intoDir = !o.has('T') && tnode?.type === 'dir';
  if (args.length > 1 && !intoDir) {
    fail(p, `'${target}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const src of args) {
    const spath = abs(p, src);
    const snode = noDeref ? p.host.fs.stat(spath) : follow(p, spath);
    if (!snode) {
      fail(p, `can't stat '${src}': No such file or directory`);
      status = 1;
      continue;
    }
    if (snode.type === 'dir' && !recursive) {
      fail(p, `omitting directory '${src}'`);
      status = 1;
      continue;
    }
    const dest = intoDir ? normalize(base(src), tpath) : tpath;
    if (dest === spath || dest.startsWith(spath + '/')) {
      fail(p, `can't copy a directory into itself`);
      status = 1;
      continue;
    }
    const existing = p.host.fs.stat(dest);
    if (existing && o.has('n')) continue;
    if (existing?.type === 'dir' && snode.type !== 'dir') {
      fail(p, `can't create '${intoDir ? dest : target}': Is a directory`);
      status = 1;
      continue;
    }
    try {
      if (snode.type === 'dir' && existing?.type === 'dir') {
        // Merge into an existing directory, file by file.
        for (const [k, v] of snode.children) putNode(p, `${dest}/${k}`, copyNode(v, p.host.now(), preserve));
      } else putNode(p, dest, copyNode(snode, p.host.now(), preserve));
    } catch (e) {
      fail(p, `can't create '${intoDir ? dest : target}': ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const mv: Program = function* (p): Gen<number> {
  const o = getopt(p, 'finTt:v');
  if (!o) return 1;
  const args = [...o.args];
  const target = o.get('t') ?? args.pop();
  if (target === undefined || !args.length) return showUsage(p);
  const tpath = abs(p, target);
  const intoDir = !o.has('T') && follow(p, tpath)?.type === 'dir';
  if (args.length > 1 && !intoDir) {
    fail(p, `'${target}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const src of args) {
    const spath = abs(p, src);
    const snode = p.host.fs.stat(spath);
    if (!snode) {
      fail(p, `can't stat '${src}': No such file or directory`);
      status = 1;
      continue;
    }
    const dest = intoDir ? normalize(base(src), tpath) : tpath;
    if (dest === spath) continue;
    if (o.has('n') && p.host.fs.stat(dest)) continue;
    try {
      putNode(p, dest, snode);
      p.host.fs.unlink(spath, true);
    } catch (e) {
      fail(p, `can't rename '${src}': ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const ln: Program = function* (p): Gen<number> {
  const o = getopt(p, 'sfnbS:vT');
  if (!o) return 1;
  const args = [...o.args];
  if (!args.length) return showUsage(p);
  const link = args.length > 1 ? args.pop()! : '.';
  const lpath = abs(p, link);
  const intoDir = !o.has('T') && (o.has('n') ? p.host.fs.stat(lpath) : follow(p, lpath))?.type === 'dir';
  if (args.length > 1 && !intoDir) {
    fail(p, `'${link}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const target of args) {
    const dest = intoDir ? normalize(base(target), lpath) : lpath;
    const shown = intoDir ? `${link.replace(/\/+$/, '')}/${base(target)}` : link;
    try {
      if (p.host.fs.stat(dest)) {
        if (!o.has('f')) throw new FsError('EEXIST', dest);
        p.host.fs.unlink(dest);
      }
      if (o.has('s')) putNode(p, dest, { type: 'symlink', target, mode: 0o777, mtime: p.host.now() });
      else {
        // A hard link shares the file; our nodes are objects, so the same node at two paths does.
        const n = p.host.fs.stat(abs(p, target));
        if (!n) {
          fail(p, `${target}: No such file or directory`);
          status = 1;
          continue;
        }
        if (n.type === 'dir') {
          fail(p, `${target}: hard link not allowed for directory`);
          status = 1;
          continue;
        }
        putNode(p, dest, n);
      }
      if (o.has('v')) out(p, `'${shown}' -> '${target}'\n`);
    } catch (e) {
      fail(p, `${shown}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};

function modeString(n: FsNode): string {
  const t = n.type === 'dir' ? 'd' : n.type === 'symlink' ? 'l' : '-';
  const rwx = (m: number) => `${m & 4 ? 'r' : '-'}${m & 2 ? 'w' : '-'}${m & 1 ? 'x' : '-'}`;
  return t + rwx(n.mode >> 6) + rwx(n.mode >> 3) + rwx(n.mode);
}

/** Inode numbers only need to be stable within a run: a hash of the path. */
function inode(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619) >>> 0;
  return 1000000 + (h % 9000000);
}

export const stat: Program = function* (p): Gen<number> {
  const o = getopt(p, 'c:fLt');
  if (!o) return 1;
  if (!o.args.length) return showUsage(p);
  let status = 0;
  for (const f of o.args) {
    const path = abs(p, f);
    const n = o.has('L') ? follow(p, path) : p.host.fs.stat(path);
    if (!n) {
      fail(p, `can't stat '${f}': No such file or directory`);
      status = 1;
      continue;
    }
    const size = n.type === 'file' ? utf8Len(n.data) : n.type === 'dir' ? 4096 : n.target.length;
    const blocks = Math.ceil(size / 4096) * 8;
    const typeName = n.type === 'dir' ? 'directory' : n.type === 'symlink' ? 'symbolic link' : size ? 'regular file' : 'regular empty file';
    const when = (ms: number) => strftime('%Y-%m-%d %H:%M:%S.', ms) + String((ms % 1000) * 1e6).padStart(9, '0') + ' +0000';
    const octal = (n.mode & 0o7777).toString(8);
    const shownName = n.type === 'symlink' ? `'${f}' -> '${n.target}'` : f;
    if (o.has('c')) {
      const fmt = o.get('c')!;
      out(p, fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => {
        const v: Record<string, string> = {
          n: f, N: shownName, s: String(size), a: octal, A: modeString(n), F: typeName, u: '0', g: '0', U: 'root', G: 'root',
          b: String(blocks), B: '512', h: n.type === 'dir' ? '2' : '1', i: String(inode(path)), o: '4096',
          y: when(n.mtime), Y: String(Math.floor(n.mtime / 1000)), x: when(n.mtime), X: String(Math.floor(n.mtime / 1000)),
          z: when(n.mtime), Z: String(Math.floor(n.mtime / 1000)), '%': '%',
        };
        return v[c] ?? m;
      }) + '\n');
      continue;
    }
    out(p,
      `  File: ${shownName}\n` +
      `  Size: ${String(size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${typeName}\n` +
      `Device: 10000bh/65547d\tInode: ${String(inode(path)).padEnd(10)}  Links: ${n.type === 'dir' ? '2    ' : '1    '}\n` +
      `Access: (${octal.padStart(4, '0')}/${modeString(n)})  Uid: (    0/    root)   Gid: (    0/    root)\n` +
      `Access: ${when(n.mtime)}\nModify: ${when(n.mtime)}\nChange: ${when(n.mtime)}\n`);
  }
  return status;
};
