import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { Prng } from './prng';

describe('VirtualClock', () => {
  it('runs events in time order, ties in scheduling order, and only moves when drained', () => {
    const c = new VirtualClock(1000);
    const seen: string[] = [];
    c.after(20, () => seen.push('b@20'));
    c.after(10, () => seen.push('a@10'));
    c.after(20, () => seen.push('c@20'));
    expect(c.now()).toBe(1000);
    c.runUntil(1015);
    expect(seen).toEqual(['a@10']);
    expect(c.now()).toBe(1015);
    c.runUntil(2000);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
    expect(c.now()).toBe(2000);
  });

  it('honours events scheduled while running, cancellation, and early stop', () => {
    const c = new VirtualClock(0);
    const seen: number[] = [];
    const id = c.after(5, () => seen.push(5));
    c.after(1, () => c.after(1, () => seen.push(2)));
    c.cancel(id);
    let n = 0;
    c.after(10, () => n++);
    c.after(20, () => n++);
    const stopped = c.runUntil(100, () => n === 1);
    expect(stopped).toBe(true);
    expect(seen).toEqual([2]);
    expect(c.now()).toBe(10);
  });
});

describe('Prng', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = [a.uuid(), a.nameSuffix(), a.hex(8)];
    expect([b.uuid(), b.nameSuffix(), b.hex(8)]).toEqual(sa);
    expect([c.uuid(), c.nameSuffix(), c.hex(8)]).not.toEqual(sa);
  });

  it('makes v4 uuids and generateName suffixes from the apimachinery alphabet', () => {
    const p = new Prng(1);
    for (let i = 0; i < 50; i++) {
      expect(p.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(p.nameSuffix()).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      const n = p.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });
});
