/** `date` and `sleep`. Containers run in UTC, as the public images do without a TZ setting. */
import type { Program } from '../../runtime/process';
import { fail, out, usage, type Gen } from './util';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime for the conversions scripts use, in UTC. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case 'a': return DAYS[d.getUTCDay()];
      case 'A': return FULL_DAYS[d.getUTCDay()];
      case 'b':
      case 'h': return MONTHS[d.getUTCMonth()];
      case 'B': return FULL_MONTHS[d.getUTCMonth()];
      case 'd': return p2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'H': return p2(d.getUTCHours());
      case 'I': return p2(((d.getUTCHours() + 11) % 12) + 1);
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'y': return p2(d.getUTCFullYear() % 100);
      case 'Y': return String(d.getUTCFullYear());
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'j': return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0');
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 's': return String(Math.floor(ms / 1000));
      case 'N': return String((ms % 1000) * 1000000).padStart(9, '0');
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'D': return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case 'R': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case 'u': return String(d.getUTCDay() || 7);
      case 'w': return String(d.getUTCDay());
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return m;
    }
  });
}

export const date: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1);
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  for (const a of args) {
    if (a.startsWith('+')) fmt = a.slice(1);
    else if (a === '-u' || a === '--utc') continue;
    else if (a === '-R') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I') fmt = '%Y-%m-%d';
    else {
      fail(p, `invalid date '${a}'`);
      return 1;
    }
  }
  out(p, strftime(fmt, p.host.now()) + '\n');
  return 0;
};

/** busybox sleep: N[smhd] and fractions; several arguments add up. */
export const sleep: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1);
  if (!args.length) return usage(p, 'Usage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays');
  let ms = 0;
  for (const a of args) {
    const m = a.match(/^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/);
    if (!m) {
      fail(p, `invalid number '${a}'`);
      return 1;
    }
    const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2]]!;
    ms += Math.round(Number(m[1]) * mult);
  }
  // A signal the process catches ends the sleep; default-action signals are handled by the kernel.
  yield { op: 'sleep', ms };
  return 0;
};
