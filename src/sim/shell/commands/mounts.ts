/**
 * mount (listing only) and df, from the container's mount table: the overlay root, the runtime's
 * standard mounts (/proc, /dev, /sys...), the kubelet's /etc/hosts-style bind mounts, and the
 * Pod's volumes with the source and type the kubelet gave them (emptyDir medium Memory is tmpfs).
 */
import type { Process, Program } from '../../runtime/process';
import type { FsNode } from '../../runtime/fs';
import type { Mount } from '../../runtime/containerfs';
import { fail, getopt, out, showUsage, utf8Len, type Gen, refuseUnmodelled } from './util';

interface MountLine {
  source: string;
  path: string;
  fstype: string;
  opts: string;
  /** 1K blocks in total, or 0 for pseudo filesystems (which df skips). */
  blocks: number;
  usedKb: number;
}

const SNAP = '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots';
/** The node's disk (/dev/vda1): ~94 GiB, with the images and logs already on it. */
const DISK_KB = 98831908;
const DISK_USED_KB = 13710152;
/** Node memory: the size a memory-backed emptyDir without sizeLimit gets. */
const MEM_KB = 8140352;

/** Space a tree's files take, in 1K blocks rounded up to 4K per file as ext4/tmpfs allocate. */
export function treeKb(n: FsNode | undefined): number {
  if (!n) return 0;
  if (n.type === 'file') return Math.ceil(utf8Len(n.data) / 4096) * 4;
  if (n.type === 'symlink') return 0;
  let kb = 0;
  for (const c of n.children.values()) kb += treeKb(c);
  return kb;
}

export function mountTable(p: Process): MountLine[] {
  const rootUsed = treeKb(p.host.fs.stat('/'));
  const disk = (path: string, opts = 'rw,relatime'): MountLine => ({ source: '/dev/vda1', path, fstype: 'ext4', opts, blocks: DISK_KB, usedKb: DISK_USED_KB });
  const lines: MountLine[] = [
    {
      source: 'overlay',
      path: '/',
      fstype: 'overlay',
      opts: `rw,relatime,lowerdir=${SNAP}/27/fs,upperdir=${SNAP}/31/fs,workdir=${SNAP}/31/work`,
      blocks: DISK_KB,
      usedKb: DISK_USED_KB + rootUsed,
    },
    { source: 'proc', path: '/proc', fstype: 'proc', opts: 'rw,nosuid,nodev,noexec,relatime', blocks: 0, usedKb: 0 },
    { source: 'tmpfs', path: '/dev', fstype: 'tmpfs', opts: 'rw,nosuid,size=65536k,mode=755', blocks: 65536, usedKb: 0 },
    { source: 'devpts', path: '/dev/pts', fstype: 'devpts', opts: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666', blocks: 0, usedKb: 0 },
    { source: 'mqueue', path: '/dev/mqueue', fstype: 'mqueue', opts: 'rw,nosuid,nodev,noexec,relatime', blocks: 0, usedKb: 0 },
    { source: 'sysfs', path: '/sys', fstype: 'sysfs', opts: 'ro,nosuid,nodev,noexec,relatime', blocks: 0, usedKb: 0 },
    { source: 'cgroup', path: '/sys/fs/cgroup', fstype: 'cgroup2', opts: 'ro,nosuid,nodev,noexec,relatime', blocks: 0, usedKb: 0 },
  ];
  // Volumes in path order (the kubelet passes them in volumeMounts order; we only keep paths).
  const vols = [...p.host.fs.listMounts()].sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const m of vols) lines.push(volumeLine(p, m));
  lines.push(disk('/etc/hosts'), disk('/dev/termination-log'), disk('/etc/hostname'), disk('/etc/resolv.conf'));
  lines.push({ source: 'shm', path: '/dev/shm', fstype: 'tmpfs', opts: 'rw,nosuid,nodev,noexec,relatime,size=65536k', blocks: 65536, usedKb: 0 });
  return lines;
}

function volumeLine(p: Process, m: Mount): MountLine {
  const rw = m.readOnly ? 'ro' : 'rw';
  if (m.fstype === 'tmpfs') {
    const used = treeKb(m.tree.lookup(m.subPath));
    return { source: m.source, path: m.path, fstype: 'tmpfs', opts: `${rw},relatime`, blocks: MEM_KB, usedKb: used };
  }
  void p;
  return { source: m.source, path: m.path, fstype: m.fstype, opts: `${rw},relatime`, blocks: DISK_KB, usedKb: DISK_USED_KB };
}

export const mount: Program = function* (p): Gen<number> {
  const o = getopt(p, 'afinrvwt:T:O:o:');
  if (!o) return 1;
  if (o.args.length) {
    // Mounting needs CAP_SYS_ADMIN, which containers do not have by default.
    fail(p, 'permission denied (are you root?)');
    return 1;
  }
  const type = o.get('t');
  out(p, mountTable(p).filter((m) => !type || m.fstype === type).map((m) => `${m.source} on ${m.path} type ${m.fstype} (${m.opts})\n`).join(''));
  return 0;
};

/** busybox make_human_readable_str for df/du -h: one decimal from K upwards, plain 0. */
export function human(kb: number): string {
  if (kb === 0) return '0';
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = kb;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)}${units[i]}`;
}

export const df: Program = function* (p): Gen<number> {
  const o = getopt(p, 'PkmhTt:aiB:');
  if (!o || refuseUnmodelled(p, o, 'iB')) return 1;
  const h = o.has('h');
  const mb = o.has('m');
  const showType = o.has('T');
  const table = mountTable(p);
  let rows = table.filter((m) => o.has('a') || m.blocks > 0);
  if (o.has('t')) rows = rows.filter((m) => m.fstype === o.get('t'));
  let status = 0;
  if (o.args.length) {
    rows = [];
    for (const a of o.args) {
      const path = a.startsWith('/') ? a : `${p.cwd}/${a}`;
      if (!p.host.fs.stat(path)) {
        fail(p, `${a}: can't find mount point`);
        status = 1;
        continue;
      }
      const best = table.filter((m) => path === m.path || path.startsWith(m.path === '/' ? '/' : m.path + '/')).sort((x, y) => y.path.length - x.path.length)[0];
      if (best) rows.push(best);
    }
  }
  if (!rows.length && status) return status;
  const unitHdr = h ? '     Size' : mb ? '1M-blocks' : '1K-blocks';
  out(p, `Filesystem           ${showType ? 'Type       ' : ''}${unitHdr}      Used Available Use% Mounted on\n`);
  const fmt = (kb: number) => (h ? human(kb) : String(mb ? Math.floor(kb / 1024) : kb)).padStart(9);
  for (const m of rows) {
    const used = Math.min(m.usedKb, m.blocks);
    const avail = m.blocks - used;
    const pct = m.blocks ? Math.ceil((used * 100) / (used + avail)) : 0;
    let dev = m.source.padEnd(20);
    if (m.source.length > 20) dev = `${m.source}\n${''.padEnd(20)}`;
    out(p, `${dev} ${showType ? m.fstype.padEnd(10) + ' ' : ''}${fmt(m.blocks)} ${fmt(used)} ${fmt(avail)} ${String(pct).padStart(3)}% ${m.path}\n`);
  }
  return status;
};

export const du: Program = function* (p): Gen<number> {
  const o = getopt(p, 'aHLd:clsxhmk');
  if (!o) return 1;
  if (o.has('s') && o.has('d')) return showUsage(p);
  const maxDepth = o.has('s') ? 0 : o.has('d') ? Number(o.get('d')) : Infinity;
  const fmt = (kb: number) => (o.has('h') ? human(kb) : String(o.has('m') ? Math.ceil(kb / 1024) : kb));
  let status = 0;
  let total = 0;
  const walk = (path: string, shown: string, depth: number): number => {
    const n = p.host.fs.stat(path);
    if (!n) return 0;
    if (n.type !== 'dir') {
      const kb = treeKb(n);
      if (depth === 0 || (o.has('a') && depth <= maxDepth)) out(p, `${fmt(kb)}\t${shown}\n`);
      return kb;
    }
    let kb = 4;
    for (const c of p.host.fs.readdir(path)) kb += walk(path === '/' ? `/${c}` : `${path}/${c}`, shown === '/' ? `/${c}` : `${shown.replace(/\/$/, '')}/${c}`, depth + 1);
    if (depth <= maxDepth) out(p, `${fmt(kb)}\t${shown}\n`);
    return kb;
  };
  for (const a of o.args.length ? o.args : ['.']) {
    const path = a.startsWith('/') ? a : `${p.cwd}/${a}`;
    if (!p.host.fs.stat(path)) {
      fail(p, `${a}: No such file or directory`);
      status = 1;
      continue;
    }
    total += walk(path.replace(/\/+$/, '') || '/', a, 0);
  }
  if (o.has('c')) out(p, `${fmt(total)}\ttotal\n`);
  return status;
};
