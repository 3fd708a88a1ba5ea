import { describe, expect, it } from 'vitest';
import { tickStep, windowOf, zoom, ZOOM_SPANS } from './scale';

const START = Date.UTC(2025, 0, 15, 10, 0, 0);

describe('timeline scale', () => {
  it('fits the whole run by default and follows now', () => {
    const w = windowOf({ span: null, end: null }, START, START + 3_600_000);
    // The run from its first instant, with a little room on the right of now.
    expect(w.from).toBe(START);
    expect(w.to - w.from).toBeCloseTo(3_600_000 * 1.02);
  });

  it('zooms in step by step down to ten seconds, keeping the pointer instant in place', () => {
    const now = START + 3_600_000;
    let v = { span: null as number | null, end: null as number | null };
    const anchor = START + 1_800_000;
    v = zoom(v, START, now, -1, anchor);
    expect(v.span).toBe(3_600_000);
    const w = windowOf(v, START, now);
    // The anchor was at the middle of the fitted window; it still is.
    expect((anchor - w.from) / (w.to - w.from)).toBeCloseTo(0.5, 1);
    for (let i = 0; i < 10; i++) v = zoom(v, START, now, -1, anchor);
    expect(v.span).toBe(ZOOM_SPANS[0]);
  });

  it('zooming out past the whole run returns to fit', () => {
    const now = START + 600_000;
    expect(zoom({ span: 300_000, end: null }, START, now, 1)).toEqual({ span: null, end: null });
  });

  it('spaces ticks about 90 px apart on round steps', () => {
    expect(tickStep(3_600_000, 1200)).toBe(300_000);
    expect(tickStep(10_000, 1000)).toBe(1000);
  });
});
