/** Linux signal numbers (x86_64) and names as `kill -l` and exit statuses (128+N) use them. */
export const SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  KILL: 9,
  USR1: 10,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
};

export const SIGNAL_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SIGNALS).map(([k, v]) => [v, k]));

/** Accepts `TERM`, `SIGTERM`, `15`; undefined when unknown. */
export function parseSignal(s: string): number | undefined {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 0 && n < 65 ? n : undefined;
  }
  const name = s.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[name];
}
