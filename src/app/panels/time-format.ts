/** Virtual instants as the panels show them: UTC wall time, and the offset from the run's start. */
export function hms(t: number): string {
  return new Date(t).toISOString().slice(11, 19);
}

export function hmsMs(t: number): string {
  return new Date(t).toISOString().slice(11, 23);
}

/** "1 h 2 min 3 s", "45 s", "0 s". */
export function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const parts = [h && `${h} h`, m && `${m} min`, (r || (!h && !m)) && `${r} s`].filter(Boolean);
  return parts.join(' ');
}

/** What the cursor slider says to a screen reader. */
export function cursorText(t: number, start: number, live: boolean): string {
  return `${hms(t)} UTC, ${duration(t - start)} after the start${live ? ' (live)' : ''}`;
}
