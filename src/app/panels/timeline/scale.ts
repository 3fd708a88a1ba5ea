/**
 * The timeline's horizontal scale: a window [end - span, end] of virtual time mapped onto the
 * lanes' pixels. Zoom steps go from ten seconds to three hours; "fit" shows the whole run.
 */
export const ZOOM_SPANS = [10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 10_800_000];

export interface View {
  /** null: the whole run (fit). */
  span: number | null;
  /** null: follow the right edge to now. */
  end: number | null;
}

export function windowOf(view: View, start: number, now: number): { from: number; to: number } {
  const whole = Math.max(now - start, 10_000);
  const span = view.span ?? whole * 1.02;
  const to = view.end ?? Math.max(now, start + span);
  return { from: to - span, to };
}

export function zoom(view: View, start: number, now: number, dir: 1 | -1, anchor?: number): View {
  const { from, to } = windowOf(view, start, now);
  const cur = to - from;
  const next = dir < 0 ? [...ZOOM_SPANS].reverse().find((s) => s < cur * 0.99) ?? ZOOM_SPANS[0] : ZOOM_SPANS.find((s) => s > cur * 1.01);
  // Zooming out past the whole run is "fit": the window never shows more future than past.
  if (next === undefined || (dir > 0 && next >= Math.max(now - start, 10_000) * 1.02)) return { span: null, end: null };
  const a = anchor ?? (view.end === null ? to : (from + to) / 2);
  // Keep the anchor where it is on screen.
  const frac = (a - from) / cur;
  const end = a + (1 - frac) * next;
  return { span: next, end: view.end === null && anchor === undefined ? null : Math.min(end, Math.max(now, end)) };
}

/** Tick spacing for a window: about one tick per 90 px. */
export function tickStep(spanMs: number, widthPx: number): number {
  const target = (spanMs / Math.max(widthPx, 1)) * 90;
  const steps = [1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];
  return steps.find((s) => s >= target) ?? 3_600_000;
}

export function spanLabel(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${+(ms / 3_600_000).toFixed(1)} h`;
}
