/**
 * Render-time figures for the timeline (render to commit per update, measured in the panel), kept for the
 * e2e test and anyone looking in the console: `window.__podlabTimelineRender`.
 */
interface RenderStats {
  commits: number;
  lastMs: number;
  maxMs: number;
  totalMs: number;
  rows: number;
}

const stats: RenderStats = { commits: 0, lastMs: 0, maxMs: 0, totalMs: 0, rows: 0 };
(globalThis as { __podlabTimelineRender?: RenderStats }).__podlabTimelineRender = stats;

export function reportRender(ms: number, rows: number): void {
  stats.commits++;
  stats.lastMs = ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
  stats.totalMs += ms;
  stats.rows = rows;
}
