import { describe, expect, it } from 'vitest';
import { IpcNamespace, IPC_PRIVATE, mqReceive, mqSend, msgrcv, msgsnd, semop } from './ipc';
import type { Pipe } from './pipe';

/** Step a blocking helper by hand: returns its result, or the pipe it blocks on. */
function step<T>(g: Generator<unknown, T, unknown>, resume?: unknown): { done: true; value: T } | { done: false; pipe: Pipe } {
  const r = g.next(resume);
  if (r.done) return { done: true, value: r.value };
  return { done: false, pipe: (r.value as { pipe: Pipe }).pipe };
}

describe('IpcNamespace', () => {
  it('POSIX mqueue: open by name, ENOENT before creation, blocking when full, unlink keeps open queues', () => {
    const ns = new IpcNamespace();
    expect(ns.mqOpen('/q')).toBe('ENOENT');
    const q = ns.mqOpen('/q', { create: true, maxmsg: 1 });
    if (typeof q === 'string') throw new Error(q);
    expect(step(mqSend(q, 'a'))).toEqual({ done: true, value: undefined });
    const blocked = mqSend(q, 'b');
    const s = step(blocked);
    expect(s.done).toBe(false);
    expect(step(mqReceive(q))).toEqual({ done: true, value: 'a' });
    expect(!s.done && s.pipe.closed).toBe(true);
    expect(step(blocked, { data: null })).toEqual({ done: true, value: undefined });
    expect(ns.mqUnlink('/q')).toBeUndefined();
    expect(ns.mqOpen('/q')).toBe('ENOENT');
    expect(step(mqReceive(q))).toEqual({ done: true, value: 'b' });
  });

  it('SysV message queues: keys, ids 0,1..., IPC_EXCL, typed receive, IPC_RMID wakes with EIDRM', () => {
    const ns = new IpcNamespace();
    expect(ns.msgget(0x1234)).toBe('ENOENT');
    const a = ns.msgget(0x1234, { create: true });
    const b = ns.msgget(IPC_PRIVATE, { create: true });
    if (typeof a === 'string' || typeof b === 'string') throw new Error();
    expect([a.perm.id, b.perm.id]).toEqual([0, 1]);
    expect(ns.msgget(0x1234, { create: true, excl: true })).toBe('EEXIST');
    expect(ns.msgget(0x1234)).toBe(a);
    step(msgsnd(ns, 0, 2, 'two'));
    step(msgsnd(ns, 0, 1, 'one'));
    expect(step(msgrcv(ns, 0, 1))).toEqual({ done: true, value: { type: 1, text: 'one' } });
    expect(step(msgrcv(ns, 0, 0))).toEqual({ done: true, value: { type: 2, text: 'two' } });
    expect(step(msgrcv(ns, 0, 0, true))).toEqual({ done: true, value: 'ENOMSG' });
    const waiting = msgrcv(ns, 0);
    expect(step(waiting).done).toBe(false);
    ns.msgRemove(0);
    expect(step(waiting, { data: null })).toEqual({ done: true, value: 'EIDRM' });
  });

  it('semaphores block below zero; shared memory counts attachments and is destroyed on last detach', () => {
    const ns = new IpcNamespace();
    const s = ns.semget(42, 1, { create: true });
    if (typeof s === 'string') throw new Error(s);
    const down = semop(ns, s.perm.id, [{ num: 0, op: -1 }]);
    expect(step(down).done).toBe(false);
    step(semop(ns, s.perm.id, [{ num: 0, op: 1 }]));
    expect(step(down, { data: null })).toEqual({ done: true, value: undefined });
    expect(s.values).toEqual([0]);
    const m = ns.shmget(7, 4096, { create: true });
    if (typeof m === 'string') throw new Error(m);
    const at = ns.shmat(m.perm.id);
    expect(at).toBe(m);
    ns.shmRemove(m.perm.id);
    expect(ns.snapshot().shm[0].dest).toBe(true);
    ns.shmdt(m);
    expect(ns.snapshot().shm).toEqual([]);
  });
});
