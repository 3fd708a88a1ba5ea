/** The virtual clock as the workspace shows it: UTC, like the cluster's timestamps. */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** Time since the cluster started: `+0:42`, `+12:05`, `+1:02:03`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `+${h}:${pad(m)}:${pad(s)}` : `+${m}:${pad(s)}`;
}
