/**
 * C printf conversions as awk's printf/sprintf and number-to-string use them (glibc output:
 * two-digit exponents, %g trimming, inf/nan). Integer conversions take the value as a C int, as
 * busybox's fmt_num casts with (int); only values in range are exact.
 */
import { AwkError, EMSG } from './lexer';

export interface Spec {
  flags: string;
  width?: number;
  prec?: number;
  conv: string;
}

function nonFinite(n: number, upper: boolean): string | undefined {
  if (Number.isNaN(n)) return upper ? 'NAN' : 'nan';
  if (!Number.isFinite(n)) return (n < 0 ? '-' : '') + (upper ? 'INF' : 'inf');
  return undefined;
}

/** toFixed with glibc's round-half-to-even on exact binary ties (printf "%.0f" 2.5 is 2). */
function fixed(n: number, prec: number): string {
  const s = Math.abs(n).toFixed(prec);
  const scale = 10 ** prec;
  const scaled = Math.abs(n) * scale;
  if (prec <= 22 && scaled < 2 ** 52 && scaled - Math.floor(scaled) === 0.5 && (Math.floor(scaled) + 0.5) / scale === Math.abs(n)) {
    const down = Math.floor(scaled);
    if (down % 2 === 0) return (n < 0 ? '-' : '') + (down / scale).toFixed(prec);
  }
  return (n < 0 || Object.is(n, -0) ? '-' : '') + s;
}

function expo(n: number, prec: number, upper: boolean): string {
  const [m, e] = n.toExponential(prec).split('e');
  const ex = Number(e);
  const s = `${m}e${ex < 0 ? '-' : '+'}${String(Math.abs(ex)).padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

function general(n: number, prec: number | undefined, alt: boolean, upper: boolean): string {
  const p = prec === undefined ? 6 : prec === 0 ? 1 : prec;
  if (n === 0) return alt ? '0.' + '0'.repeat(p - 1) : Object.is(n, -0) ? '-0' : '0';
  // The exponent %e would print decides between %f and %e style.
  const x = Number(n.toExponential(p - 1).split('e')[1]);
  let s = x < -4 || x >= p ? expo(n, p - 1, upper) : fixed(n, p - 1 - x);
  if (!alt) {
    const [mant, ex] = s.split(/(?=[eE])/);
    const trimmed = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    s = trimmed + (ex ?? '');
  }
  return s;
}

/** A C int, as busybox's `(int)n` on the values where that cast is defined. */
function cInt(n: number): number {
  const t = Math.trunc(n);
  return Number.isFinite(t) ? t : 0;
}

export function formatOne(spec: Spec, arg: { num: () => number; str: () => string; isNum: () => boolean }): string {
  const { flags, width, prec, conv } = spec;
  let body: string;
  let sign = '';
  let numeric = true;
  switch (conv) {
    case 's': {
      numeric = false;
      body = arg.str();
      if (prec !== undefined) body = body.slice(0, prec);
      break;
    }
    case 'c': {
      numeric = false;
      // A number is a character code; a string gives its first character.
      body = arg.isNum() ? String.fromCharCode(cInt(arg.num()) & 0xff) : arg.str().slice(0, 1);
      break;
    }
    case 'd':
    case 'i': {
      const n = cInt(arg.num());
      body = String(Math.abs(n));
      if (prec !== undefined) body = prec === 0 && n === 0 ? '' : body.padStart(prec, '0');
      sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      break;
    }
    case 'o':
    case 'u':
    case 'x':
    case 'X': {
      let n = cInt(arg.num());
      // Negative values print as the unsigned 32-bit int they are in C.
      if (n < 0 && n >= -(2 ** 31)) n = n >>> 0;
      else if (n < 0) n = -n;
      body = conv === 'o' ? n.toString(8) : conv === 'u' ? String(n) : n.toString(16);
      if (conv === 'X') body = body.toUpperCase();
      if (prec !== undefined) body = prec === 0 && n === 0 ? '' : body.padStart(prec, '0');
      if (flags.includes('#') && n !== 0) {
        if (conv === 'o' && !body.startsWith('0')) body = '0' + body;
        if (conv === 'x') sign = '0x';
        if (conv === 'X') sign = '0X';
      }
      break;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const n = arg.num();
      const upper = conv === 'E' || conv === 'G' || conv === 'F';
      const bad = nonFinite(Math.abs(n), upper);
      const neg = n < 0 || Object.is(n, -0);
      if (bad) body = bad;
      else if (conv === 'e' || conv === 'E') body = expo(Math.abs(n), prec ?? 6, upper);
      else if (conv === 'f' || conv === 'F') body = fixed(Math.abs(n), prec ?? 6);
      else body = general(Math.abs(n), prec, flags.includes('#'), upper);
      if (flags.includes('#') && (conv === 'f' || conv === 'e') && prec === 0 && !body.includes('.')) body = body.replace(/^(\d+)/, '$1.');
      sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      if (bad) numeric = false;
      break;
    }
    default:
      throw new AwkError(EMSG.invFmt, 0);
  }
  const len = sign.length + body.length;
  if (width === undefined || len >= width) return sign + body;
  if (flags.includes('-')) return (sign + body).padEnd(width);
  const zero = flags.includes('0') && numeric && !(prec !== undefined && 'diouxX'.includes(conv));
  return zero ? sign + body.padStart(width - sign.length, '0') : (sign + body).padStart(width);
}

/** Parse `%[flags][width][.prec]conv` at fmt[i] === '%'; returns the spec and the next index. */
export function parseSpec(fmt: string, i: number): { spec?: Spec; literal?: string; next: number } {
  const m = /^%([-+ #0]*)(\d+)?(?:\.(\d*))?([a-zA-Z%]?)/.exec(fmt.slice(i))!;
  const conv = m[4];
  if (conv === '%') return { literal: '%', next: i + m[0].length };
  // busybox's own message: it does not take widths from the argument list.
  if (!conv && fmt[i + m[0].length] === '*') throw new AwkError('%*x formats are not supported', 0);
  if (!conv) return { literal: m[0], next: i + m[0].length };
  return {
    spec: { flags: m[1], width: m[2] === undefined ? undefined : Number(m[2]), prec: m[3] === undefined ? undefined : Number(m[3] || 0), conv },
    next: i + m[0].length,
  };
}

/** A number as awk prints it: integers plainly, others with CONVFMT/OFMT (default %.6g). */
export function numToString(n: number, fmt: string): string {
  // busybox prints a value that survives a cast to long long as an integer (fmt_num's int_as_int).
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const bad = nonFinite(n, false);
  if (bad) return bad;
  const m = /^%([-+ #0]*)(\d+)?(?:\.(\d*))?([a-zA-Z])$/.exec(fmt);
  if (!m || !'diouxXeEfFgG'.includes(m[4])) throw new AwkError(EMSG.invFmt, 0);
  const spec: Spec = { flags: m[1], width: m[2] ? Number(m[2]) : undefined, prec: m[3] === undefined ? undefined : Number(m[3] || 0), conv: m[4] };
  return formatOne(spec, { num: () => n, str: () => '', isNum: () => true });
}
