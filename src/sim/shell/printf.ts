/** printf(1) formatting as busybox implements it: the format is reused until all arguments are consumed. */
import { unescapeC } from './builtins';

export function formatPrintf(format: string, args: string[]): { out: string; errors: string[] } {
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  const next = () => (ai < args.length ? args[ai++] : undefined);
  do {
    const start = ai;
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sdioxXucbeEfgG%])|\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)|([^%\\]+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(format))) {
      if (m[6] !== undefined) {
        out += m[6];
        continue;
      }
      if (m[5] !== undefined) {
        if (m[5] === 'c') return { out, errors };
        out += unescapeC('\\' + m[5]);
        continue;
      }
      const [, flags, widthS, precS, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = widthS === '*' ? Number(next() ?? 0) : widthS ? Number(widthS) : 0;
      const prec = precS === '*' ? Number(next() ?? 0) : precS !== undefined ? Number(precS) : undefined;
      const arg = next();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b':
          s = unescapeC(arg ?? '');
          break;
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          const n = toInt(arg, errors);
          s = conv === 'o' ? n.toString(8) : conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : String(n);
          if (flags.includes('+') && n >= 0 && (conv === 'd' || conv === 'i')) s = '+' + s;
          if (prec !== undefined) s = s.padStart(prec, '0');
          break;
        }
        default: {
          const f = arg === undefined ? 0 : Number(arg);
          if (Number.isNaN(f)) errors.push(`invalid number '${arg}'`);
          s = conv === 'e' || conv === 'E' ? f.toExponential(prec ?? 6) : conv === 'g' || conv === 'G' ? String(Number(f.toPrecision(prec || 6))) : f.toFixed(prec ?? 6);
        }
      }
      if (s.length < width) s = flags.includes('-') ? s.padEnd(width) : flags.includes('0') && conv !== 's' ? s.padStart(width, '0') : s.padStart(width);
      out += s;
    }
    if (ai === start) break;
  } while (ai < args.length);
  return { out, errors };
}

function toInt(arg: string | undefined, errors: string[]): number {
  if (arg === undefined || arg === '') return 0;
  if (/^'./.test(arg) || /^"./.test(arg)) return arg.charCodeAt(1);
  const n = /^0x/i.test(arg) ? parseInt(arg, 16) : Number(arg);
  if (!Number.isFinite(n)) {
    errors.push(`invalid number '${arg}'`);
    return 0;
  }
  return Math.trunc(n);
}
