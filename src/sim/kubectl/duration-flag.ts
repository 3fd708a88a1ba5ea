/**
 * Go's time.ParseDuration, for kubectl's duration flags (`logs --since=5m`, `wait --timeout=30s`):
 * a signed sequence of decimal numbers with units ns, us, µs, ms, s, m, h (`1h30m`, `1.5s`, `-2m`);
 * a bare `0` is allowed. Returns milliseconds, or undefined where Go returns an error
 * (goDurationError gives its text).
 */
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(s: string): number | undefined {
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest) {
    const m = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** The error Go's time.ParseDuration returns for a string parseGoDuration rejects. */
export function goDurationError(s: string): string {
  const body = s.replace(/^[-+]/, '');
  if (/^(\d+\.?\d*|\.\d+)$/.test(body)) return `time: missing unit in duration "${s}"`;
  const unit = /^(?:\d+\.?\d*|\.\d+)([^\d.]+)/.exec(body);
  if (unit && !/^(ns|us|µs|μs|ms|s|m|h)/.test(unit[1])) return `time: unknown unit "${unit[1].replace(/\d.*$/, '')}" in duration "${s}"`;
  return `time: invalid duration "${s}"`;
}
