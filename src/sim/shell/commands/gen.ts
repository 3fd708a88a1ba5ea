/** Small generators and name tools: seq, yes, basename, dirname, which. */
import type { Program } from '../../runtime/process';
import { getopt, out, showUsage, stdoutBroken, type Gen } from './util';

export const seq: Program = function* (p): Gen<number> {
  const o = getopt(p, '+ws:');
  if (!o) return 1;
  const a = o.args;
  const nums = a.map((s) => (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN));
  if (a.length < 1 || a.length > 3 || nums.some((n) => Number.isNaN(n))) return showUsage(p);
  const last = nums[nums.length - 1];
  const first = a.length >= 2 ? nums[0] : 1;
  const inc = a.length === 3 ? nums[1] : 1;
  // Width and decimals as coreutils 6.10 (which busybox follows): from FIRST and INC, not LAST.
  let width = 0;
  let frac = 0;
  a.forEach((s, i) => {
    const dot = s.indexOf('.');
    width = Math.max(width, dot < 0 ? s.length : dot);
    if (i < a.length - 1) frac = Math.max(frac, dot < 0 ? 0 : s.length - dot);
  });
  if (frac) {
    frac--;
    if (frac) width += frac + 1;
  }
  if (!o.has('w')) width = 0;
  const sep = o.get('s') ?? '\n';
  const fmt = (v: number) => {
    const s = v.toFixed(frac);
    const neg = s.startsWith('-');
    const body = neg ? s.slice(1) : s;
    return (neg ? '-' : '') + body.padStart(width - (neg ? 1 : 0), '0');
  };
  let n = 0;
  let buf = '';
  for (let v = first; inc >= 0 ? v <= last : v >= last; v = first + ++n * inc) {
    buf += (n ? sep : '') + fmt(v);
    if (inc === 0 && n > 100000) break;
    // Stream in chunks so `seq 1 1000000 | head` does not build the whole output first.
    if (buf.length > 4096) {
      out(p, buf);
      buf = '';
      yield { op: 'cpu', ms: 1 };
      if (stdoutBroken(p)) return 141;
    }
  }
  if (n) out(p, buf + '\n');
  return 0;
};

/** `yes`: prints until the reader goes away (EPIPE, exit 141) or it is killed; charges CPU. */
export const yes: Program = function* (p): Gen<number> {
  const line = (p.argv.length > 1 ? p.argv.slice(1).join(' ') : 'y') + '\n';
  const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  for (;;) {
    if (stdoutBroken(p)) return 141;
    out(p, chunk);
    yield { op: 'cpu', ms: 1 };
  }
};

export const basename: Program = function* (p): Gen<number> {
  const o = getopt(p, '+as:');
  if (!o) return 1;
  const all = o.has('a') || o.has('s');
  if (!o.args.length || (!all && o.args.length > 2)) return showUsage(p);
  const suffix = o.get('s') ?? (all ? '' : (o.args[1] ?? ''));
  const names = all ? o.args : [o.args[0]];
  for (const n of names) {
    let b = n.replace(/\/+$/, '');
    b = b === '' ? (n.startsWith('/') ? '/' : '') : b.slice(b.lastIndexOf('/') + 1);
    if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
    out(p, b + '\n');
  }
  return 0;
};

export const dirname: Program = function* (p): Gen<number> {
  const o = getopt(p, '');
  if (!o) return 1;
  if (o.args.length !== 1) return showUsage(p);
  const s = o.args[0].replace(/\/+$/, '');
  if (s === '') {
    out(p, o.args[0].startsWith('/') ? '/\n' : '.\n');
    return 0;
  }
  const i = s.lastIndexOf('/');
  out(p, (i < 0 ? '.' : s.slice(0, i).replace(/\/+$/, '') || '/') + '\n');
  return 0;
};

export const which: Program = function* (p): Gen<number> {
  const o = getopt(p, 'a');
  if (!o) return 1;
  if (!o.args.length) return showUsage(p);
  const path = p.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  let status = 0;
  for (const name of o.args) {
    const dirs = name.includes('/') ? [''] : path.split(':').map((d) => d || '.');
    let found = false;
    for (const d of dirs) {
      const full = d ? `${d}/${name}` : name;
      const st = p.host.fs.stat(full.startsWith('/') ? full : `${p.cwd}/${full}`);
      if (st && st.type !== 'dir' && st.mode & 0o111) {
        out(p, full + '\n');
        found = true;
        if (!o.has('a')) break;
      }
    }
    if (!found) status = 1;
  }
  return status;
};
