import { describe, expect, it } from 'vitest';
import { goDurationString, goDurationStringNs, humanDuration, pullDurationString, shortHumanDuration, translateTimestampSince } from './duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (apimachinery HumanDuration, FIDELITY §1.6)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'], // int(-1.999s) = -1: still "almost now"
    [-1 * s, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [999, '0s'],
    [90 * s, '90s'],
    [119 * s + 999, '119s'],
    [120 * s, '2m'],
    [125 * s, '2m5s'],
    [5 * m, '5m'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [364 * d, '364d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [730 * d + 5 * d, '2y5d'],
    [8 * 365 * d - d, '7y364d'],
    [8 * 365 * d, '8y'],
    [20 * 365 * d + 100 * d, '20y'],
  ])('%i ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-5 * s, '<invalid>'],
    [-500, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m, '59m'],
    [23 * h, '23h'],
    [364 * d, '364d'],
    [365 * d, '1y'],
  ])('%i ms → %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});

describe('translateTimestampSince', () => {
  it('absent timestamp is <unknown>', () => {
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
    expect(translateTimestampSince(null, 0)).toBe('<unknown>');
  });
  it('truncates, never rounds', () => {
    expect(translateTimestampSince('2025-01-01T00:00:00Z', Date.parse('2025-01-01T00:01:59.999Z'))).toBe('119s');
  });
});

describe("Go's time.Duration.String()", () => {
  it.each([
    [0, '0s'],
    [1, '1ns'],
    [1500, '1.5µs'],
    [684_000_000, '684ms'],
    [1_561_000_000, '1.561s'],
    [10_000_000_000, '10s'],
    [80_000_000_000, '1m20s'],
    [160_000_000_000, '2m40s'],
    [300_000_000_000, '5m0s'],
    [3_600_000_000_000, '1h0m0s'],
    [-1_500_000_000, '-1.5s'],
  ])('%i ns → %s', (ns, want) => {
    expect(goDurationStringNs(ns)).toBe(want);
  });
  it('milliseconds input', () => {
    expect(goDurationString(1561)).toBe('1.561s');
    expect(goDurationString(148.39384)).toBe('148.39384ms');
  });
  it('pull durations are truncated to the millisecond', () => {
    expect(pullDurationString(1561.987)).toBe('1.561s');
    expect(pullDurationString(684.4)).toBe('684ms');
  });
});
