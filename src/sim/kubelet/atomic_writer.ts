/**
 * The kubelet's AtomicWriter (pkg/volume/util/atomic_writer.go) over an in-memory tree: the
 * payload of a configMap/secret/downwardAPI/projected volume lives in a timestamped directory
 * (`..2025_01_15_10_00_05.1234567890`), `..data` is a symlink to it, and every top-level name is a
 * symlink through `..data`. An update writes a new timestamped directory, then swaps `..data`
 * in one step, so a reader sees either the old set of files or the new one, never a mix. That
 * is also why subPath mounts never see updates: they were bound to the old directory's file.
 */
import { FsTree, bumpGeneration, splitPath, type FsNode } from '../runtime/fs';

export interface PayloadFile {
  data: string;
  /** Permission bits (defaultMode or the item's mode). */
  mode: number;
}

export type Payload = Record<string, PayloadFile>;

const DATA_DIR = '..data';

/** Go's `..2006_01_02_15_04_05.` in UTC, followed by os.MkdirTemp's numeric suffix (deterministic here). */
function timestampDirName(now: number, seq: number): string {
  const iso = new Date(now).toISOString();
  const stamp = `${iso.slice(0, 4)}_${iso.slice(5, 7)}_${iso.slice(8, 10)}_${iso.slice(11, 13)}_${iso.slice(14, 16)}_${iso.slice(17, 19)}`;
  const suffix = String(((now % 1000003) * 40503 + seq * 7919) % 4294967296);
  return `..${stamp}.${suffix}`;
}

function samePayload(tree: FsTree, payload: Payload): boolean {
  const link = tree.root.children.get(DATA_DIR);
  if (!link || link.type !== 'symlink') return false;
  const current = tree.lookup(link.target);
  if (!current || current.type !== 'dir') return false;
  const have: Payload = {};
  const walk = (n: FsNode, prefix: string) => {
    if (n.type === 'dir') for (const [k, c] of n.children) walk(c, prefix ? `${prefix}/${k}` : k);
    else if (n.type === 'file') have[prefix] = { data: n.data, mode: n.mode };
  };
  walk(current, '');
  const keys = Object.keys(payload).map((p) => splitPath(p).join('/'));
  if (keys.length !== Object.keys(have).length) return false;
  return Object.entries(payload).every(([p, f]) => {
    const h = have[splitPath(p).join('/')];
    return h && h.data === f.data && h.mode === f.mode;
  });
}

export class AtomicWriter {
  private seq = 0;

  constructor(readonly tree: FsTree = new FsTree()) {}

  /** Write the payload; returns false when nothing changed (the kubelet then leaves the volume alone). */
  write(payload: Payload, now: number): boolean {
    const t = this.tree;
    if (samePayload(t, payload)) return false;
    const dirName = timestampDirName(now, this.seq++);
    const old = t.root.children.get(DATA_DIR);
    // 1. The new payload in its own directory.
    t.mkdirp(dirName, now);
    for (const [p, f] of Object.entries(payload)) {
      const rel = `${dirName}/${splitPath(p).join('/')}`;
      t.writeFile(rel, f.data, now, true);
      const n = t.lookup(rel);
      if (n) n.mode = f.mode;
    }
    // 2. The swap: `..data` now names the new directory (rename of `..data_tmp` in the kubelet).
    t.root.children.set(DATA_DIR, { type: 'symlink', target: dirName, mode: 0o777, mtime: now });
    // 3. User-visible links for new top-level names; stale ones removed.
    const tops = new Set(Object.keys(payload).map((p) => splitPath(p)[0]));
    for (const top of tops) if (!t.root.children.has(top)) t.root.children.set(top, { type: 'symlink', target: `${DATA_DIR}/${top}`, mode: 0o777, mtime: now });
    for (const [name, n] of [...t.root.children]) if (!name.startsWith('..') && n.type === 'symlink' && !tops.has(name)) t.root.children.delete(name);
    // 4. The old directory goes; open files and subPath binds keep their nodes.
    if (old && old.type === 'symlink') t.root.children.delete(old.target);
    t.root.mtime = now;
    bumpGeneration();
    return true;
  }
}
