/** head, tail (with -f following a file in virtual time) and wc. */
import type { Process, Program } from '../../runtime/process';
import { abs, fail, getopt, LineReader, out, readAll, readOrFail, splitLines, stdoutBroken, utf8Len, type Gen } from './util';

const SUFFIX: Record<string, number> = { '': 1, b: 512, k: 1024, m: 1024 * 1024 };

/** busybox xatoul_sfx: digits with an optional b/k/m multiplier, else `invalid number 'X'`. */
function count(p: Process, s: string): number | undefined {
  const m = s.match(/^(\d+)([bkm]?)$/);
  if (!m) {
    fail(p, `invalid number '${s}'`);
    return undefined;
  }
  return Number(m[1]) * SUFFIX[m[2]];
}

export const head: Program = function* (p): Gen<number> {
  // Legacy `head -5` means `head -n 5`.
  if (/^-\d/.test(p.argv[1] ?? '')) p.argv = [p.argv[0], '-n', p.argv[1].slice(1), ...p.argv.slice(2)];
  const o = getopt(p, 'n:c:qv');
  if (!o) return 1;
  let bytes = false;
  let allBut = false;
  let n = 10;
  const spec = o.has('c') ? o.get('c')! : o.get('n');
  if (spec !== undefined) {
    bytes = o.has('c');
    allBut = spec.startsWith('-');
    const v = count(p, allBut ? spec.slice(1) : spec);
    if (v === undefined) return 1;
    n = v;
  }
  const files = o.args.length ? o.args : ['-'];
  const headers = o.has('v') || (files.length > 1 && !o.has('q'));
  let status = 0;
  let first = true;
  for (const f of files) {
    let text: string | undefined;
    if (f !== '-') {
      text = readOrFail(p, f);
      if (text === undefined) {
        status = 1;
        continue;
      }
    }
    if (headers) out(p, `${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    first = false;
    if (bytes || allBut) {
      const t = text ?? (yield* readAll(p));
      if (bytes) out(p, allBut ? t.slice(0, Math.max(0, t.length - n)) : t.slice(0, n));
      else {
        const lines = splitLines(t);
        out(p, lines.slice(0, Math.max(0, lines.length - n)).join(''));
      }
      continue;
    }
    if (text !== undefined) {
      out(p, splitLines(text).slice(0, n).join(''));
      continue;
    }
    // From a pipe, stop reading once N lines are out: `yes | head -3` must end.
    const r = new LineReader(p.fds.stdin);
    for (let i = 0; i < n; i++) {
      const line = yield* r.next();
      if (line === null) break;
      out(p, line);
    }
  }
  return status;
};

export const tail: Program = function* (p): Gen<number> {
  if (/^[-+]\d/.test(p.argv[1] ?? '') && p.argv[1] !== undefined) p.argv = [p.argv[0], '-n', p.argv[1].replace(/^-/, ''), ...p.argv.slice(2)];
  const o = getopt(p, 'fFn:c:qs:v');
  if (!o) return 1;
  const bytes = o.has('c');
  const spec = bytes ? o.get('c')! : (o.get('n') ?? '10');
  const fromStart = spec.startsWith('+');
  const n = count(p, spec.replace(/^[-+]/, ''));
  if (n === undefined) return 1;
  const follow = o.has('f') || o.has('F');
  let sleepMs = 1000;
  if (o.has('s')) {
    const s = Number(o.get('s'));
    if (!Number.isFinite(s) || s < 0) {
      fail(p, `invalid number '${o.get('s')}'`);
      return 1;
    }
    sleepMs = Math.round(s * 1000);
  }
  const files = o.args.length ? o.args : ['-'];
  const headers = o.has('v') || (files.length > 1 && !o.has('q'));
  let status = 0;
  let lastShown: string | undefined;
  const header = (f: string) => {
    if (!headers || lastShown === f) return;
    out(p, `${lastShown === undefined ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    lastShown = f;
  };
  const pick = (t: string): string => {
    if (bytes) return fromStart ? t.slice(Math.max(0, n - 1)) : n === 0 ? '' : t.slice(-n);
    const lines = splitLines(t);
    return (fromStart ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n)).join('');
  };
  const followed: Array<{ f: string; len: number }> = [];
  for (const f of files) {
    if (f === '-') {
      const t = yield* readAll(p);
      header(f);
      out(p, pick(t));
      continue;
    }
    const text = readOrFail(p, f);
    if (text === undefined) {
      status = 1;
      continue;
    }
    header(f);
    out(p, pick(text));
    followed.push({ f, len: text.length });
  }
  if (!follow || !followed.length) return status;
  // Poll each file once per interval of virtual time, printing what was appended, until killed.
  for (;;) {
    yield { op: 'sleep', ms: sleepMs };
    if (stdoutBroken(p)) return 141;
    for (const w of followed) {
      const st = p.host.fs.stat(abs(p, w.f));
      if (!st || st.type !== 'file') continue;
      if (st.data.length < w.len) {
        fail(p, `${w.f}: file truncated`);
        w.len = 0;
      }
      if (st.data.length > w.len) {
        header(w.f);
        out(p, st.data.slice(w.len));
        w.len = st.data.length;
      }
    }
  }
};

export const wc: Program = function* (p): Gen<number> {
  const o = getopt(p, 'lwmcL');
  if (!o) return 1;
  // Column order is fixed (lines, words, chars, bytes, longest) whatever the flag order.
  let cols = ['l', 'w', 'm', 'c', 'L'].filter((c) => o.has(c));
  if (!cols.length) cols = ['l', 'w', 'c'];
  const files = o.args.length ? o.args : [];
  const single = files.length <= 1 && cols.length === 1;
  const totals: Record<string, number> = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  const line = (counts: Record<string, number>, name?: string) =>
    cols.map((c, i) => (single ? String(counts[c]) : (i ? ' ' : '') + String(counts[c]).padStart(9))).join('') + (name === undefined ? '\n' : ` ${name}\n`);
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    const text = f === '-' ? yield* readAll(p) : readOrFail(p, f);
    if (text === undefined) {
      status = 1;
      continue;
    }
    const counts = {
      l: (text.match(/\n/g) ?? []).length,
      w: (text.match(/[^\s]+/g) ?? []).length,
      m: [...text].length,
      c: utf8Len(text),
      L: Math.max(0, ...text.split('\n').map((l) => l.length)),
    };
    for (const k of Object.keys(totals)) totals[k] = k === 'L' ? Math.max(totals[k], counts[k as 'l']) : totals[k] + counts[k as 'l'];
    out(p, line(counts, files.length ? f : undefined));
  }
  if (files.length > 1) out(p, line(totals, 'total'));
  return status;
};
