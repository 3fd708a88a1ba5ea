/**
 * /proc as a container sees it: one directory per process of its PID namespace (the pod's when
 * shareProcessNamespace is set, so PID 1 is /pause), /proc/self, /proc/mounts, /proc/uptime.
 * Files are generated on every read from the live process table, as the kernel does.
 *
 * /proc/<pid>/root and /proc/<pid>/cwd are "magic links": they look like symlinks to `/`, but
 * walking through them enters the target process's own mount namespace, which is how a debugging
 * container reads another container's files. The kernel only allows it when the caller may
 * ptrace the target: same uid here (containers lack CAP_SYS_PTRACE by default), so root can
 * read nginx's master but not /pause (uid 65535) or nginx's workers (uid 101).
 *
 * `listProcesses` gives `ps` the same facts the files carry.
 */
import type { ProcResult, ProcView } from './containerfs';
import type { FsNode } from './fs';
import type { PidNamespace, Process } from './process';
import { mountTable } from '../shell/commands/mounts';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** User name when /etc/passwd of the process's container knows the uid, else the number. */
  user: string;
  uid: number;
  gid: number;
  /** R running (the caller itself), S sleeping, Z zombie. */
  state: 'R' | 'S' | 'Z';
  /** Virtual memory size and resident set in KiB; 0 for zombies. */
  vszKb: number;
  rssKb: number;
  /** Empty for a zombie: its memory, command line included, is gone. */
  argv: string[];
  commandLine: string;
  /** The kernel's comm: executable basename, at most 15 characters. */
  comm: string;
  /** Virtual ms. */
  startTime: number;
  cpuMs: number;
  process: Process;
}

/** Typical sizes of the programs we ship (KiB), so `ps` columns look like a real node's. */
const MEMORY: Array<[RegExp, number, number]> = [
  [/^pause$/, 1020, 4],
  [/^nginx: master/, 11412, 7680],
  [/^nginx: worker/, 11876, 2836],
  [/^nginx/, 11412, 7680],
  [/^python/, 25424, 19384],
  [/^(bash|redis-server|haproxy|fluent-bit|git-sync)/, 4388, 3240],
];
const BUSYBOX_MEMORY: [number, number] = [1632, 968];

export function commOf(q: Process): string {
  return q.comm;
}

/** Rows of an /etc/passwd file as seen by a process (empty when the image has none, like pause). */
function passwdRows(p: Process): string[][] {
  try {
    return p.host.fs.readFile('/etc/passwd').split('\n').map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/**
 * uid/gid from the passwd file of the container the process runs in; the *name* from the
 * viewer's passwd, as ps and ls do — which is why busybox ps in a shared PID namespace shows
 * nginx's workers as `101`.
 */
function identity(q: Process, viewer?: Process): { user: string; uid: number; gid: number } {
  const own = passwdRows(q);
  let uid: number;
  let gid: number;
  if (/^\d+$/.test(q.user)) {
    uid = Number(q.user);
    const row = own.find((r) => r[2] === q.user);
    gid = row ? Number(row[3]) : uid;
  } else {
    const row = own.find((r) => r[0] === q.user);
    uid = row ? Number(row[2]) : q.user === 'root' ? 0 : 65534;
    gid = row ? Number(row[3]) : uid;
  }
  const names = viewer ? passwdRows(viewer) : own;
  const named = names.find((r) => r[2] === String(uid));
  return { user: named ? named[0] : String(uid), uid, gid };
}

export function processInfo(q: Process, viewer?: Process): ProcessInfo {
  const zombie = q.state === 'zombie';
  const comm = commOf(q);
  const mem = MEMORY.find(([re]) => re.test(q.argv[0] ?? '') || re.test(comm));
  const [vsz, rss] = mem ? [mem[1], mem[2]] : BUSYBOX_MEMORY;
  const id = identity(q, viewer);
  return {
    pid: q.pid,
    ppid: q.ppid,
    ...id,
    // Only the caller is on a CPU while it reads /proc; a busy loop (charged CPU time) counts as running.
    state: zombie ? 'Z' : q === viewer || q.blocked?.op === 'cpu' ? 'R' : 'S',
    vszKb: zombie ? 0 : vsz,
    rssKb: zombie ? 0 : rss,
    argv: zombie ? [] : [...q.argv],
    commandLine: zombie ? '' : q.commandLine,
    comm,
    startTime: q.startTime,
    cpuMs: q.cpuMs,
    process: q,
  };
}

/** What `ps` lists for a process: everything in its PID namespace that has not been reaped, by pid. */
export function listProcesses(viewer: Process): ProcessInfo[] {
  return visible(viewer.ns).map((q) => processInfo(q, viewer));
}

function visible(ns: PidNamespace | undefined): Process[] {
  if (!ns) return [];
  return [...ns.procs.values()].filter((q) => q.alive || q.state === 'zombie').sort((a, b) => a.pid - b.pid);
}

const STATE_TEXT = { R: 'R (running)', S: 'S (sleeping)', Z: 'Z (zombie)' };

/** /proc/<pid>/status: the fields tools read, in the kernel's order. */
export function statusFile(q: Process, viewer?: Process): string {
  const i = processInfo(q, viewer);
  const lines = [
    `Name:\t${i.comm}`,
    'Umask:\t0022',
    `State:\t${STATE_TEXT[i.state]}`,
    `Tgid:\t${i.pid}`,
    'Ngid:\t0',
    `Pid:\t${i.pid}`,
    `PPid:\t${i.ppid}`,
    'TracerPid:\t0',
    `Uid:\t${i.uid}\t${i.uid}\t${i.uid}\t${i.uid}`,
    `Gid:\t${i.gid}\t${i.gid}\t${i.gid}\t${i.gid}`,
    'FDSize:\t64',
    'Groups:\t ',
    `NStgid:\t${i.pid}`,
    `NSpid:\t${i.pid}`,
    `NSpgid:\t${i.pid}`,
    `NSsid:\t${i.pid}`,
  ];
  if (i.state !== 'Z') lines.push(`VmPeak:\t${String(i.vszKb).padStart(8)} kB`, `VmSize:\t${String(i.vszKb).padStart(8)} kB`, `VmRSS:\t${String(i.rssKb).padStart(8)} kB`);
  lines.push('Threads:\t1', 'SigQ:\t0/31861', `CapEff:\t${i.uid === 0 ? '00000000a80425fb' : '0000000000000000'}`, 'Seccomp:\t2');
  return lines.join('\n') + '\n';
}

/** Clock ticks (USER_HZ) per second, for /proc/<pid>/stat. */
const HZ = 100;

function statFile(q: Process, bootTime: number, viewer?: Process): string {
  const i = processInfo(q, viewer);
  const ticks = (ms: number) => Math.floor((ms * HZ) / 1000);
  const f = [i.pid, `(${i.comm})`, i.state, i.ppid, i.pid, i.pid, 0, -1, 4194560, 0, 0, 0, 0, ticks(i.cpuMs), 0, 0, 0, 20, 0, 1, 0, ticks(i.startTime - bootTime), i.vszKb * 1024, i.rssKb / 4];
  while (f.length < 52) f.push(0);
  return f.join(' ') + '\n';
}

const file = (data: string, mode = 0o444, mtime = 0): FsNode => ({ type: 'file', data, mode, mtime });
const link = (target: string, mtime = 0): FsNode => ({ type: 'symlink', target, mode: 0o777, mtime });
function dir(names: string[], mtime = 0, mode = 0o555): FsNode {
  // Children are placeholders: readdir needs the names, every lookup regenerates the real node.
  return { type: 'dir', mode, mtime, children: new Map(names.map((n) => [n, file('')])) };
}

const PID_ENTRIES = ['cgroup', 'cmdline', 'comm', 'cwd', 'environ', 'mounts', 'root', 'stat', 'status'];

export class ProcFs implements ProcView {
  constructor(
    /** The PID namespace the container's processes live in (created when its main process starts). */
    private readonly ns: () => PidNamespace | undefined,
    /** The process making the call, for /proc/self and the ptrace check. */
    private readonly caller: () => Process | undefined,
    private readonly now: () => number,
    /** When the node booted (virtual ms), for /proc/uptime and start times. */
    private readonly bootTime: number,
  ) {}

  lookup(parts: string[], followLast: boolean): ProcResult {
    const procs = visible(this.ns());
    const me = this.caller();
    const self = me && procs.includes(me) ? me : undefined;
    const t = this.now();
    if (parts.length === 0) return { node: dir([...procs.map((q) => String(q.pid)), 'self', 'mounts', 'uptime', 'cgroups'], t) };
    let [head, ...rest] = parts;
    if (head === 'self') {
      if (!self) return undefined;
      if (rest.length === 0 && !followLast) return { node: link(String(self.pid), t) };
      head = String(self.pid);
    }
    if (head === 'mounts' && rest.length === 0) return self ? { node: file(mountsFile(self), 0o444, t) } : undefined;
    if (head === 'uptime' && rest.length === 0) {
      const up = (t - this.bootTime) / 1000;
      return { node: file(`${up.toFixed(2)} ${(up * 3.7).toFixed(2)}\n`, 0o444, t) };
    }
    if (head === 'cgroups' && rest.length === 0) return { node: file('#subsys_name\thierarchy\tnum_cgroups\tenabled\n', 0o444, t) };
    if (!/^\d+$/.test(head)) return undefined;
    const q = procs.find((x) => x.pid === Number(head));
    if (!q) return undefined;
    const started = q.startTime;
    if (rest.length === 0) return { node: dir(PID_ENTRIES, started) };
    const [entry, ...below] = rest;
    const zombie = q.state === 'zombie';
    if (entry === 'root' || entry === 'cwd') {
      const base = entry === 'root' ? '/' : q.cwd;
      if (below.length === 0 && !followLast) return { node: link(zombie ? '' : base, started) };
      if (zombie) return undefined;
      if (me && me !== q && me.user !== q.user) return { error: 'EACCES' };
      return { enter: q.host.fs, path: `${base}/${below.join('/')}` };
    }
    if (below.length) return { error: 'ENOTDIR' };
    switch (entry) {
      case 'cmdline':
        return { node: file(zombie ? '' : q.argv.map((a) => a + '\0').join(''), 0o444, t) };
      case 'comm':
        return { node: file(commOf(q) + '\n', 0o644, t) };
      case 'status':
        return { node: file(statusFile(q, me), 0o444, t) };
      case 'stat':
        return { node: file(statFile(q, this.bootTime, me), 0o444, t) };
      case 'environ':
        if (me && me !== q && me.user !== q.user) return { error: 'EACCES' };
        return { node: file(zombie ? '' : [...q.env].map(([k, v]) => `${k}=${v}\0`).join(''), 0o400, t) };
      case 'cgroup':
        // cgroup v2 with a private cgroup namespace: the container's cgroup is its root.
        return { node: file('0::/\n', 0o444, t) };
      case 'mounts':
        return { node: file(zombie ? '' : mountsFile(q), 0o444, t) };
    }
    return undefined;
  }
}

/** /proc/mounts: the same table `mount` prints, in fstab form. */
function mountsFile(q: Process): string {
  return mountTable(q).map((m) => `${m.source} ${m.path} ${m.fstype} ${m.opts} 0 0\n`).join('');
}

