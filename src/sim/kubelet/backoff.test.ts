import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { goDuration } from './duration';

describe('crash-loop back-off (flowcontrol.Backoff)', () => {
  it('starts at 10s, doubles to a 300s cap', () => {
    const b = new Backoff();
    const delays = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => b.next('k', i * 1000));
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('is in back-off until the delay since the last finish has passed', () => {
    const b = new Backoff();
    b.next('k', 0);
    expect(b.inBackOffSince('k', 5_000, 14_000)).toBe(true);
    expect(b.inBackOffSince('k', 5_000, 15_000)).toBe(false);
    expect(b.inBackOffSince('other', 5_000, 6_000)).toBe(false);
  });

  it('resets after 10 minutes without a failure', () => {
    const b = new Backoff();
    b.next('k', 0);
    b.next('k', 1000);
    expect(b.next('k', 2000)).toBe(40_000);
    expect(b.next('k', 2000 + 10 * 60_000 + 1)).toBe(10_000);
  });
});

describe('goDuration', () => {
  it('prints like Go time.Duration truncated to ms', () => {
    expect(goDuration(684)).toBe('684ms');
    expect(goDuration(1561)).toBe('1.561s');
    expect(goDuration(4200)).toBe('4.2s');
    expect(goDuration(10_000)).toBe('10s');
    expect(goDuration(80_000)).toBe('1m20s');
    expect(goDuration(300_000)).toBe('5m0s');
  });
});
