import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/clock';
import { Prng } from '../clock/prng';
import { Trace } from '../trace/trace';
import { ObjectStore, type WatchEvent } from './store';
import { EventRecorder } from './events';
import { parseSelector } from './selector';
import type { Event, KubeObject } from './types';

function setup() {
  const clock = new VirtualClock(Date.UTC(2025, 0, 15, 10));
  const trace = new Trace();
  const store = new ObjectStore(clock, new Prng(1), trace);
  return { clock, trace, store, events: new EventRecorder(store, clock, trace) };
}

const cm = (name: string, labels?: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { a: '1' } });

describe('ObjectStore', () => {
  it('assigns uid, creationTimestamp and a growing resourceVersion; rejects duplicates', () => {
    const { store } = setup();
    const a = store.create(cm('a'));
    const b = store.create(cm('b'));
    expect(a.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata?.creationTimestamp).toBe('2025-01-15T10:00:00Z');
    expect(a.metadata?.namespace).toBe('default');
    expect(Number(b.metadata?.resourceVersion)).toBeGreaterThan(Number(a.metadata?.resourceVersion));
    expect(() => store.create(cm('a'))).toThrow('configmaps "a" already exists');
  });

  it('does not write (or notify) a no-op update', () => {
    const { store } = setup();
    store.create(cm('a'));
    const seen: WatchEvent[] = [];
    store.watch('ConfigMap', 'default', (e) => seen.push(e));
    const same = store.update('ConfigMap', 'default', 'a', (o) => o);
    store.update('ConfigMap', 'default', 'a', (o) => ({ ...o, data: { a: '2' } }));
    store.remove('ConfigMap', 'default', 'a');
    expect(seen.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    expect(Number(seen[0].object.metadata?.resourceVersion)).toBeGreaterThan(Number(same.metadata?.resourceVersion));
  });

  it('lists by label selector, in name order, as copies', () => {
    const { store } = setup();
    store.create(cm('zeta', { app: 'web', tier: 'fe' }));
    store.create(cm('alpha', { app: 'web' }));
    store.create(cm('mid', { app: 'db' }));
    expect(store.list('ConfigMap', 'default', parseSelector('app=web')).map((o) => o.metadata?.name)).toEqual(['alpha', 'zeta']);
    expect(store.list('ConfigMap', 'default', parseSelector('app in (db),!tier')).map((o) => o.metadata?.name)).toEqual(['mid']);
    const copy = store.list('ConfigMap')[0];
    (copy.data as Record<string, string>).a = 'changed';
    expect((store.get('ConfigMap', 'default', copy.metadata!.name!)!.data as Record<string, string>).a).toBe('1');
  });
});

describe('EventRecorder', () => {
  it('de-duplicates identical events into a count with first/last timestamps', () => {
    const { store, events, clock } = setup();
    const pod = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } });
    for (let i = 0; i < 3; i++) {
      events.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet', host: 'node01' });
      clock.runUntil(clock.now() + 60_000);
    }
    const evs = store.list('Event', 'default') as unknown as Event[];
    expect(evs).toHaveLength(1);
    expect(evs[0].count).toBe(3);
    expect(evs[0].firstTimestamp).toBe('2025-01-15T10:00:00Z');
    expect(evs[0].lastTimestamp).toBe('2025-01-15T10:02:00Z');
    expect(evs[0].involvedObject.name).toBe('web');
  });

  it('combines more than 10 distinct messages for one reason', () => {
    const { store, events } = setup();
    const pod = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } });
    for (let i = 0; i < 12; i++) events.record(pod, 'Warning', 'Failed', `error ${i}`, { component: 'kubelet' });
    const msgs = (store.list('Event', 'default') as unknown as Event[]).map((e) => e.message);
    expect(msgs.filter((m) => m?.startsWith('(combined from similar events): '))).toHaveLength(1);
  });
});
