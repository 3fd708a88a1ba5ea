/**
 * Duration formatting exactly as kubectl and the kubelet print it.
 *
 * - humanDuration: apimachinery util/duration.HumanDuration (AGE, "(5s ago)", describe event ages).
 * - shortHumanDuration: apimachinery util/duration.ShortHumanDuration.
 * - goDurationString: Go's time.Duration.String() ("1m20s", "5m0s", "1.561s", "684ms"), used in
 *   kubelet messages such as the CrashLoopBackOff delay and the "Successfully pulled" event.
 *
 * All inputs are milliseconds unless the name says otherwise. Go truncates toward zero
 * everywhere below (int conversions and integer division), never rounds.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(float) and integer division both truncate toward zero. */
const trunc = Math.trunc;

/** apimachinery duration.HumanDuration. */
export function humanDuration(ms: number): string {
  // Up to 2s in the future is tolerated as clock skew (prints "0s"); more is "<invalid>".
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    const y = trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** apimachinery duration.ShortHumanDuration. */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(ms / HOUR / 24 / 365)}y`;
}

/**
 * The age kubectl prints for a timestamp: HumanDuration(now - t), or "<unknown>" for a zero
 * (absent) timestamp, as printers.go translateTimestampSince does.
 */
export function translateTimestampSince(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

/** Go's fmtFrac: the fraction digits of v (prec digits), trailing zeros dropped. */
function fmtFrac(v: bigint, prec: number): { frac: string; rest: bigint } {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return { frac: print ? '.' + digits : '', rest: v };
}

/** Go's time.Duration.String() for a duration in nanoseconds. */
export function goDurationStringNs(ns: bigint | number): string {
  let d = typeof ns === 'bigint' ? ns : BigInt(Math.trunc(ns));
  const neg = d < 0n;
  if (neg) d = -d;
  let out: string;
  if (d < 1_000_000_000n) {
    if (d === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (d < 1_000n) {
      prec = 0;
      unit = 'ns';
    } else if (d < 1_000_000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const { frac, rest } = fmtFrac(d, prec);
    out = rest.toString() + frac + unit;
  } else {
    const { frac, rest } = fmtFrac(d, 9);
    let u = rest;
    out = (u % 60n).toString() + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** Go's time.Duration.String() for a duration in milliseconds (fractions of a ms kept). */
export function goDurationString(ms: number): string {
  return goDurationStringNs(BigInt(Math.round(ms * 1_000_000)));
}

/**
 * The kubelet's image pull duration: time.Duration truncated to milliseconds before printing
 * ("1.561s", "684ms"), as in the "Successfully pulled image" event.
 */
export function pullDurationString(ms: number): string {
  return goDurationString(Math.trunc(ms));
}
