/**
 * GNU date's front end on the workstation: +FORMAT, -u, -R, -I[TIMESPEC] / --iso-8601, and
 * -d STRING for the forms people type (`@EPOCH`, ISO dates and times, `now`, `yesterday`,
 * `tomorrow`, `N unit(s) ago`, `+N unit(s)`). Formatting is the busybox date's strftime; the
 * clock is the simulation's (LANG=C.UTF-8, TZ=UTC).
 */
import type { Program } from '../../runtime/process';
import { out, type Gen } from '../../shell/commands/util';
import { strftime } from '../../shell/commands/time';

const UNIT_MS: Record<string, number> = { sec: 1e3, second: 1e3, min: 6e4, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5, fortnight: 12096e5 };

/** A -d STRING as an instant, or undefined when GNU would say "invalid date". */
export function parseDate(s: string, now: number): number | undefined {
  const t = s.trim().toLowerCase();
  if (t === '' || t === 'now' || t === 'today') return now;
  if (t === 'yesterday') return now - 864e5;
  if (t === 'tomorrow') return now + 864e5;
  const epoch = t.match(/^@(-?\d+(?:\.\d+)?)$/);
  if (epoch) return Math.round(Number(epoch[1]) * 1000);
  const rel = t.match(/^([+-]?\d+)?\s*(sec|second|min|minute|hour|day|week|fortnight)s?(\s+ago)?$/);
  if (rel) {
    const n = Number(rel[1] ?? 1) * (rel[3] ? -1 : 1);
    return now + n * UNIT_MS[rel[2]];
  }
  const iso = s.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', se = '0', zone] = iso;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
    const off = zone?.match(/^([+-])(\d{2}):?(\d{2})$/);
    if (off) ms -= (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) * 6e4;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
    return ms;
  }
  return undefined;
}

const ISO: Record<string, string> = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H+00:00', minutes: '%Y-%m-%dT%H:%M+00:00', seconds: '%Y-%m-%dT%H:%M:%S+00:00', ns: '%Y-%m-%dT%H:%M:%S,%N+00:00' };

export const gnuDate: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1);
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  let when = p.host.now();
  const bad = (msg: string) => {
    p.fds.stderr.write(`date: ${msg}\nTry 'date --help' for more information.\n`);
    return 1;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const long = a.match(/^--(date|iso-8601)(?:=(.*))?$/);
    if (a.startsWith('+')) fmt = a.slice(1);
    else if (a === '-u' || a === '--utc' || a === '--universal') continue;
    else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S +0000';
    else if (a === '-I' || a.startsWith('-I') || long?.[1] === 'iso-8601') {
      const spec = long ? long[2] ?? 'date' : a.slice(2) || 'date';
      const f = ISO[spec.startsWith('n') ? 'ns' : spec];
      if (!f) {
        p.fds.stderr.write(`date: invalid argument ‘${spec}’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n`);
        return 1;
      }
      fmt = f;
    } else if (a === '-d' || a.startsWith('-d') || long?.[1] === 'date') {
      const s = long ? long[2] ?? args[++i] : a === '-d' ? args[++i] : a.slice(2);
      if (s === undefined) return bad("option requires an argument -- 'd'");
      const t = parseDate(s, p.host.now());
      if (t === undefined) {
        p.fds.stderr.write(`date: invalid date ‘${s}’\n`);
        return 1;
      }
      when = t;
    } else if (a.startsWith('--')) return bad(`unrecognized option '${a}'`);
    else if (a.startsWith('-') && a.length > 1) return bad(`invalid option -- '${a[1]}'`);
    else {
      // An operand that is not +FORMAT would set the clock: GNU parses it as MMDDhhmm…
      p.fds.stderr.write(`date: invalid date ‘${a}’\n`);
      return 1;
    }
  }
  out(p, strftime(fmt, when) + '\n');
  return 0;
};
