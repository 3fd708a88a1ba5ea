/**
 * A pod's IPC namespace (FIDELITY §22: every container of a pod shares it; other pods never see
 * it). It holds what Linux keeps per IPC namespace:
 * - POSIX message queues (mq_open/mq_send/mq_receive/mq_unlink), named like "/ch6_ipc";
 * - System V message queues (msgget/msgsnd/msgrcv/msgctl IPC_RMID), semaphore sets
 *   (semget/semop) and shared memory segments (shmget/shmat/shmdt), found by key and id;
 * - POSIX shared memory: files in a tmpfs the runtime mounts at /dev/shm in every container of
 *   the sandbox (shm_open is open(2) on that directory), so `ls /dev/shm` shows them.
 *
 * Blocking calls (a full or empty queue, a semaphore that would go negative) are generator
 * helpers: the process blocks reading a wake-up pipe that the object closes when its state
 * changes, then retries — a caught signal interrupts the read, which is EINTR.
 */
import type { Syscall, SyscallResult } from './process';
import { FsTree } from './fs';
import { Pipe } from './pipe';

export const IPC_PRIVATE = 0;
/** Linux defaults (/proc/sys/fs/mqueue/msg_max, msgsize_max; kernel.msgmnb). */
export const MQ_MAXMSG_DEFAULT = 10;
export const MQ_MSGSIZE_DEFAULT = 8192;
export const MSGMNB = 16384;

export type IpcErrno = 'EACCES' | 'ENOENT' | 'EEXIST' | 'EINVAL' | 'EAGAIN' | 'EINTR' | 'EIDRM' | 'ENOMSG' | 'EMSGSIZE' | 'E2BIG' | 'EFBIG';

export const IPC_ERRNO_TEXT: Record<IpcErrno, string> = {
  EACCES: 'Permission denied',
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EINVAL: 'Invalid argument',
  EAGAIN: 'Resource temporarily unavailable',
  EINTR: 'Interrupted system call',
  EIDRM: 'Identifier removed',
  ENOMSG: 'No message of desired type',
  EMSGSIZE: 'Message too long',
  E2BIG: 'Argument list too long',
  EFBIG: 'File too large',
};

type Blocking<T> = Generator<Syscall, T, SyscallResult>;

/** Something processes wait on: each change wakes every current waiter (they re-check and retry). */
class Waitable {
  private waiters: Pipe[] = [];
  removed = false;
  waiter(): Pipe {
    const p = new Pipe();
    this.waiters.push(p);
    return p;
  }
  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const p of w) p.close();
  }
}

/** Block until `obj` changes; false when a signal interrupted the wait. */
function* waitFor(obj: Waitable): Blocking<boolean> {
  const r = yield { op: 'read', pipe: obj.waiter() };
  return !(r && 'interrupted' in r);
}

// ---- POSIX message queues ----

export class PosixMq extends Waitable {
  readonly messages: Array<{ text: string; prio: number }> = [];
  /** Set by the namespace that created the queue: reports traffic to its onMessage. */
  notify?: (op: 'send' | 'receive', bytes: number) => void;
  constructor(
    readonly name: string,
    readonly maxmsg: number,
    readonly msgsize: number,
    readonly mode: number,
  ) {
    super();
  }
}

export interface MqOpenFlags {
  create?: boolean;
  excl?: boolean;
  maxmsg?: number;
  msgsize?: number;
  mode?: number;
}

/** mq_send: blocks while the queue holds maxmsg messages (unless nonblocking → EAGAIN). */
export function* mqSend(q: PosixMq, text: string, prio = 0, nonblock = false): Blocking<IpcErrno | undefined> {
  if (text.length > q.msgsize) return 'EMSGSIZE';
  while (q.messages.length >= q.maxmsg) {
    if (nonblock) return 'EAGAIN';
    if (!(yield* waitFor(q))) return 'EINTR';
  }
  // Highest priority first, FIFO within a priority.
  let i = q.messages.length;
  while (i > 0 && q.messages[i - 1].prio < prio) i--;
  q.messages.splice(i, 0, { text, prio });
  q.wake();
  q.notify?.('send', text.length);
  return undefined;
}

/** mq_receive: the oldest message of the highest priority; blocks while the queue is empty. */
export function* mqReceive(q: PosixMq, nonblock = false): Blocking<string | IpcErrno> {
  while (!q.messages.length) {
    if (nonblock) return 'EAGAIN';
    if (!(yield* waitFor(q))) return 'EINTR';
  }
  const m = q.messages.shift()!;
  q.wake();
  q.notify?.('receive', m.text.length);
  return m.text;
}

// ---- System V objects ----

export interface SysvPerm {
  key: number;
  id: number;
  owner: string;
  mode: number;
}

export class SysvMsgQueue extends Waitable {
  readonly messages: Array<{ type: number; text: string }> = [];
  qbytes = MSGMNB;
  constructor(readonly perm: SysvPerm) {
    super();
  }
  get usedBytes(): number {
    return this.messages.reduce((n, m) => n + m.text.length, 0);
  }
}

export class SysvSemSet extends Waitable {
  readonly values: number[];
  constructor(
    readonly perm: SysvPerm,
    nsems: number,
  ) {
    super();
    this.values = new Array(nsems).fill(0);
  }
}

export class SysvShm {
  data = '';
  nattch = 0;
  /** Marked for destruction (IPC_RMID while attached): `ipcs -m` shows status "dest". */
  dest = false;
  constructor(
    readonly perm: SysvPerm,
    readonly size: number,
  ) {}
}

export interface SysvGetFlags {
  create?: boolean;
  excl?: boolean;
  mode?: number;
  owner?: string;
}

/** One id space per kind (msq, sem, shm), allocated as the kernel's ipc_idr_alloc does: 0, 1, 2... */
class IdSpace<T extends { perm: SysvPerm }> {
  readonly byId = new Map<number, T>();
  private next = 0;
  find(key: number): T | undefined {
    if (key === IPC_PRIVATE) return undefined;
    for (const o of this.byId.values()) if (o.perm.key === key) return o;
    return undefined;
  }
  get(key: number, f: SysvGetFlags, make: (perm: SysvPerm) => T): T | IpcErrno {
    const cur = this.find(key);
    if (cur) return f.create && f.excl ? 'EEXIST' : cur;
    if (!f.create && key !== IPC_PRIVATE) return 'ENOENT';
    const o = make({ key, id: this.next++, owner: f.owner ?? 'root', mode: f.mode ?? 0o644 });
    this.byId.set(o.perm.id, o);
    return o;
  }
  list(): T[] {
    return [...this.byId.values()].sort((a, b) => a.perm.id - b.perm.id);
  }
}

export class IpcNamespace {
  private readonly mqueues = new Map<string, PosixMq>();
  private readonly msq = new IdSpace<SysvMsgQueue>();
  private readonly sem = new IdSpace<SysvSemSet>();
  private readonly shm = new IdSpace<SysvShm>();
  /** The tmpfs behind /dev/shm in every container of the pod (POSIX shm_open files live here). */
  readonly shmTree = new FsTree();
  /** Told of every message sent or received (the runtime traces it for the pod diagram). */
  onMessage?: (object: string, op: 'send' | 'receive', bytes: number) => void;

  // -- POSIX mqueue --

  mqOpen(name: string, f: MqOpenFlags = {}): PosixMq | IpcErrno {
    if (!/^\/[^/]+$/.test(name)) return name.startsWith('/') ? 'EACCES' : 'EINVAL';
    const cur = this.mqueues.get(name);
    if (cur) return f.create && f.excl ? 'EEXIST' : cur;
    if (!f.create) return 'ENOENT';
    const q = new PosixMq(name, f.maxmsg ?? MQ_MAXMSG_DEFAULT, f.msgsize ?? MQ_MSGSIZE_DEFAULT, f.mode ?? 0o644);
    q.notify = (op, bytes) => this.onMessage?.(`mqueue ${name}`, op, bytes);
    this.mqueues.set(name, q);
    return q;
  }

  /** Removes the name; processes that have the queue open keep using it (as with unlink(2)). */
  mqUnlink(name: string): IpcErrno | undefined {
    if (!this.mqueues.delete(name)) return 'ENOENT';
    return undefined;
  }

  mqNames(): string[] {
    return [...this.mqueues.keys()].sort();
  }

  // -- System V message queues --

  msgget(key: number, f: SysvGetFlags = {}): SysvMsgQueue | IpcErrno {
    return this.msq.get(key, f, (perm) => new SysvMsgQueue(perm));
  }

  msgById(id: number): SysvMsgQueue | undefined {
    return this.msq.byId.get(id);
  }

  /** msgctl(IPC_RMID): blocked senders and receivers fail with EIDRM. */
  msgRemove(id: number): IpcErrno | undefined {
    const q = this.msq.byId.get(id);
    if (!q) return 'EINVAL';
    this.msq.byId.delete(id);
    q.removed = true;
    q.wake();
    return undefined;
  }

  // -- semaphores --

  semget(key: number, nsems: number, f: SysvGetFlags = {}): SysvSemSet | IpcErrno {
    const cur = this.sem.find(key);
    if (cur && nsems > cur.values.length) return 'EINVAL';
    return this.sem.get(key, f, (perm) => new SysvSemSet(perm, nsems));
  }

  semById(id: number): SysvSemSet | undefined {
    return this.sem.byId.get(id);
  }

  semRemove(id: number): IpcErrno | undefined {
    const s = this.sem.byId.get(id);
    if (!s) return 'EINVAL';
    this.sem.byId.delete(id);
    s.removed = true;
    s.wake();
    return undefined;
  }

  // -- shared memory segments --

  shmget(key: number, size: number, f: SysvGetFlags = {}): SysvShm | IpcErrno {
    const cur = this.shm.find(key);
    if (cur && size > cur.size) return 'EINVAL';
    return this.shm.get(key, f, (perm) => new SysvShm(perm, size));
  }

  shmById(id: number): SysvShm | undefined {
    return this.shm.byId.get(id);
  }

  shmat(id: number): SysvShm | IpcErrno {
    const s = this.shm.byId.get(id);
    if (!s || s.dest) return 'EINVAL';
    s.nattch++;
    return s;
  }

  shmdt(s: SysvShm): void {
    s.nattch = Math.max(0, s.nattch - 1);
    if (s.dest && s.nattch === 0) this.shm.byId.delete(s.perm.id);
  }

  /** IPC_RMID: gone at once when unattached, otherwise when the last process detaches. */
  shmRemove(id: number): IpcErrno | undefined {
    const s = this.shm.byId.get(id);
    if (!s) return 'EINVAL';
    if (s.nattch === 0) this.shm.byId.delete(id);
    else s.dest = true;
    return undefined;
  }

  /** What `ipcs` lists. */
  snapshot(): { msq: SysvMsgQueue[]; sem: SysvSemSet[]; shm: SysvShm[] } {
    return { msq: this.msq.list(), sem: this.sem.list(), shm: this.shm.list() };
  }
}

/** msgsnd: blocks while the queue would exceed msg_qbytes. */
export function* msgsnd(ns: IpcNamespace, id: number, type: number, text: string, nowait = false): Blocking<IpcErrno | undefined> {
  if (type < 1) return 'EINVAL';
  for (;;) {
    const q = ns.msgById(id);
    if (!q) return 'EINVAL';
    if (q.usedBytes + text.length <= q.qbytes) {
      q.messages.push({ type, text });
      q.wake();
      ns.onMessage?.(`msqid ${id}`, 'send', text.length);
      return undefined;
    }
    if (nowait) return 'EAGAIN';
    if (!(yield* waitFor(q))) return 'EINTR';
    if (q.removed) return 'EIDRM';
  }
}

/**
 * msgrcv: type 0 takes the first message, type > 0 the first of that type, type < 0 the first of
 * the lowest type ≤ |type|. Blocks until one arrives (IPC_NOWAIT → ENOMSG).
 */
export function* msgrcv(ns: IpcNamespace, id: number, type = 0, nowait = false): Blocking<{ type: number; text: string } | IpcErrno> {
  for (;;) {
    const q = ns.msgById(id);
    if (!q) return 'EINVAL';
    let i = -1;
    if (type === 0) i = q.messages.length ? 0 : -1;
    else if (type > 0) i = q.messages.findIndex((m) => m.type === type);
    else {
      let best = Infinity;
      q.messages.forEach((m, j) => {
        if (m.type <= -type && m.type < best) {
          best = m.type;
          i = j;
        }
      });
    }
    if (i >= 0) {
      const [m] = q.messages.splice(i, 1);
      q.wake();
      ns.onMessage?.(`msqid ${id}`, 'receive', m.text.length);
      return m;
    }
    if (nowait) return 'ENOMSG';
    if (!(yield* waitFor(q))) return 'EINTR';
    if (q.removed) return 'EIDRM';
  }
}

/** semop: applies all operations atomically, blocking while any would make a value negative. */
export function* semop(ns: IpcNamespace, id: number, ops: Array<{ num: number; op: number; nowait?: boolean }>): Blocking<IpcErrno | undefined> {
  for (;;) {
    const s = ns.semById(id);
    if (!s) return 'EINVAL';
    if (ops.some((o) => o.num < 0 || o.num >= s.values.length)) return 'EFBIG';
    const ready = ops.every((o) => (o.op === 0 ? s.values[o.num] === 0 : s.values[o.num] + o.op >= 0));
    if (ready) {
      for (const o of ops) s.values[o.num] += o.op;
      s.wake();
      return undefined;
    }
    if (ops.some((o) => o.nowait)) return 'EAGAIN';
    if (!(yield* waitFor(s))) return 'EINTR';
    if (s.removed) return 'EIDRM';
  }
}
