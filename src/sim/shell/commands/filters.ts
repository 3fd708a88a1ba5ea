/** Line filters: cut, tr, sort, uniq, tee. */
import type { Process, Program } from '../../runtime/process';
import { abs, errText, fail, getopt, inputs, LineReader, linesOf, out, readOrFail, showUsage, splitLines, type Gen, refuseUnmodelled } from './util';

/** A cut LIST ("1,3-5,7-") as inclusive 1-based ranges, or undefined when malformed. */
function parseList(s: string): Array<[number, number]> | undefined {
  const r: Array<[number, number]> = [];
  for (const part of s.split(',')) {
    const m = part.match(/^(\d*)(-?)(\d*)$/);
    if (!m || (!m[1] && !m[3])) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a < 1 || b < a) return undefined;
    r.push([a, b]);
  }
  return r;
}

export const cut: Program = function* (p): Gen<number> {
  const o = getopt(p, 'b:c:d:f:snO:');
  if (!o || refuseUnmodelled(p, o, 'O')) return 1;
  const listArg = o.get('f') ?? o.get('c') ?? o.get('b');
  const modes = ['b', 'c', 'f'].filter((c) => o.has(c));
  if (modes.length !== 1 || listArg === undefined) {
    fail(p, 'expected a list of bytes, characters, or fields');
    return 1;
  }
  const list = parseList(listArg);
  if (!list) {
    fail(p, `invalid byte, character or field list`);
    return 1;
  }
  const delim = o.get('d') ?? '\t';
  if (o.has('f') && delim.length !== 1) {
    fail(p, 'the delimiter must be a single character');
    return 1;
  }
  const inList = (i: number) => list.some(([a, b]) => i >= a && i <= b);
  let status = 0;
  for (const f of o.args.length ? o.args : ['-']) {
    const text = f === '-' ? undefined : readOrFail(p, f);
    if (f !== '-' && text === undefined) {
      status = 1;
      continue;
    }
    const lines = linesOf(p, text);
    for (;;) {
      const raw = yield* lines.next();
      if (raw === null) break;
      const line = raw.replace(/\n$/, '');
      if (!o.has('f')) {
        out(p, [...line].filter((_, i) => inList(i + 1)).join('') + '\n');
        continue;
      }
      if (!line.includes(delim)) {
        if (!o.has('s')) out(p, line + '\n');
        continue;
      }
      out(p, line.split(delim).filter((_, i) => inList(i + 1)).join(o.get('O') ?? delim) + '\n');
    }
  }
  return status;
};

/** Expand a tr SET: ranges, [:class:], backslash escapes (\n \t \\ \NNN). */
function expandSet(s: string): string[] {
  const chars: string[] = [];
  const classes: Record<string, string> = {
    alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    lower: 'abcdefghijklmnopqrstuvwxyz',
    digit: '0123456789',
    alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    space: '\t\n\v\f\r ',
    blank: '\t ',
    punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
    xdigit: '0123456789ABCDEFabcdef',
  };
  const one = (i: number): [string, number] => {
    if (s[i] !== '\\' || i + 1 >= s.length) return [s[i], i + 1];
    const oct = s.slice(i + 1).match(/^[0-7]{1,3}/);
    if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), i + 1 + oct[0].length];
    const e: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\' };
    return [e[s[i + 1]] ?? s[i + 1], i + 2];
  };
  for (let i = 0; i < s.length; ) {
    const cls = s.slice(i).match(/^\[:([a-z]+):\]/);
    if (cls && classes[cls[1]]) {
      chars.push(...classes[cls[1]]);
      i += cls[0].length;
      continue;
    }
    const [c, next] = one(i);
    if (s[next] === '-' && next + 1 < s.length) {
      const [d, after] = one(next + 1);
      for (let k = c.charCodeAt(0); k <= d.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
      i = after;
      continue;
    }
    chars.push(c);
    i = next;
  }
  return chars;
}

export const tr: Program = function* (p): Gen<number> {
  const o = getopt(p, 'cdsC');
  if (!o) return 1;
  const del = o.has('d');
  const squeeze = o.has('s');
  if (!o.args.length || (!del && !squeeze && o.args.length < 2)) return showUsage(p);
  let set1 = expandSet(o.args[0]);
  const set2 = o.args[1] !== undefined ? expandSet(o.args[1]) : [];
  const complement = o.has('c') || o.has('C');
  const in1 = new Set(set1);
  const isIn1 = (c: string) => in1.has(c) !== complement;
  if (complement) set1 = [];
  const map = new Map<string, string>();
  if (!del && set2.length) {
    set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)]));
  }
  // With -d, -s squeezes SET2; otherwise it squeezes the translated output's SET2 (or SET1) chars.
  const squeezeSet = new Set(del || set2.length ? set2 : set1);
  const squeezeIsIn = (c: string) => (del || set2.length ? squeezeSet.has(c) : isIn1(c));
  let last = '';
  const r = new LineReader(p.fds.stdin);
  for (;;) {
    const chunk = yield* r.next();
    if (chunk === null) return 0;
    let res = '';
    for (const c of chunk) {
      if (del && isIn1(c)) continue;
      let t = c;
      if (!del && set2.length && isIn1(c)) t = complement ? set2[set2.length - 1] : (map.get(c) ?? c);
      if (squeeze && t === last && squeezeIsIn(t)) continue;
      res += t;
      last = t;
    }
    out(p, res);
  }
};

interface SortKey {
  start: number;
  end: number;
  numeric: boolean;
  reverse: boolean;
}

export const sort: Program = function* (p): Gen<number> {
  const o = getopt(p, 'nrufbsk:t:o:cgM');
  if (!o || refuseUnmodelled(p, o, 'cgM')) return 1;
  const sep = o.get('t');
  if (sep !== undefined && sep.length !== 1) {
    fail(p, 'bad -t parameter');
    return 1;
  }
  const keys: SortKey[] = [];
  for (const k of o.all('k')) {
    const m = k.match(/^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/);
    if (!m) {
      fail(p, `bad field specification '${k}'`);
      return 1;
    }
    const flags = m[2] + (m[4] ?? '');
    keys.push({ start: Number(m[1]), end: m[3] ? Number(m[3]) : Infinity, numeric: flags.includes('n') || flags.includes('g'), reverse: flags.includes('r') });
  }
  const fields = (line: string): string[] => (sep !== undefined ? line.split(sep) : line.match(/\s*\S+/g) ?? ['']);
  const keyOf = (line: string, k: SortKey): string => {
    const f = fields(line);
    return f.slice(k.start - 1, k.end === Infinity ? undefined : k.end).join(sep ?? '');
  };
  const num = (s: string) => {
    const m = s.match(/^\s*-?\d*\.?\d+/);
    return m ? Number(m[0]) : 0;
  };
  const fold = o.has('f');
  const cmpStr = (a: string, b: string) => {
    if (fold) {
      a = a.toUpperCase();
      b = b.toUpperCase();
    }
    if (o.has('b')) {
      a = a.trimStart();
      b = b.trimStart();
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const numeric = o.has('n') || o.has('g');
  const cmpKey = (a: string, b: string, isNum: boolean) => (isNum ? num(a) - num(b) : cmpStr(a, b));
  const compare = (a: string, b: string): number => {
    for (const k of keys) {
      const c = cmpKey(keyOf(a, k), keyOf(b, k), k.numeric || numeric);
      if (c) return k.reverse ? -c : c;
    }
    if (!keys.length) {
      const c = cmpKey(a, b, numeric);
      if (c) return c;
    }
    // Last resort: whole-line byte comparison (unless -s or -u), as busybox does.
    return o.has('s') || o.has('u') ? 0 : a < b ? -1 : a > b ? 1 : 0;
  };
  const ins = yield* inputs(p, o.args);
  if (ins.some((i) => i.text === undefined)) return 2;
  const lines = ins.flatMap((i) => splitLines(i.text!).map((l) => l.replace(/\n$/, '')));
  const sorted = lines.map((l, i) => [l, i] as const).sort((x, y) => {
    const c = compare(x[0], y[0]);
    return (o.has('r') ? -c : c) || x[1] - y[1];
  }).map((x) => x[0]);
  const result = o.has('u') ? sorted.filter((l, i) => i === 0 || compare(sorted[i - 1], l) !== 0) : sorted;
  const text = result.map((l) => l + '\n').join('');
  if (o.has('o')) {
    try {
      p.host.fs.writeFile(abs(p, o.get('o')!), text);
    } catch (e) {
      fail(p, `can't open '${o.get('o')}': ${errText(e)}`);
      return 1;
    }
  } else out(p, text);
  return 0;
};

export const uniq: Program = function* (p): Gen<number> {
  const o = getopt(p, 'cduif:s:w:z');
  if (!o) return 1;
  if (o.args.length > 2) return showUsage(p);
  const inFile = o.args[0] && o.args[0] !== '-' ? o.args[0] : undefined;
  let text: string | undefined;
  if (inFile !== undefined) {
    text = readOrFail(p, inFile);
    if (text === undefined) return 1;
  }
  const outFile = o.args[1];
  let collected = '';
  const emit = (s: string) => (outFile ? (collected += s) : out(p, s));
  const skipF = Number(o.get('f') ?? 0);
  const skipC = Number(o.get('s') ?? 0);
  const width = o.has('w') ? Number(o.get('w')) : Infinity;
  const key = (l: string) => {
    let s = l;
    for (let i = 0; i < skipF; i++) s = s.replace(/^\s*\S+/, '');
    s = s.slice(skipC, skipC + width);
    return o.has('i') ? s.toLowerCase() : s;
  };
  const flush = (line: string | undefined, n: number) => {
    if (line === undefined) return;
    if (o.has('d') && n < 2) return;
    if (o.has('u') && n > 1) return;
    emit((o.has('c') ? `${String(n).padStart(7)} ` : '') + line + '\n');
  };
  const lines = linesOf(p, text);
  let cur: string | undefined;
  let n = 0;
  for (;;) {
    const raw = yield* lines.next();
    if (raw === null) break;
    const l = raw.replace(/\n$/, '');
    if (cur !== undefined && key(cur) === key(l)) {
      n++;
      continue;
    }
    flush(cur, n);
    cur = l;
    n = 1;
  }
  flush(cur, n);
  if (outFile) {
    try {
      p.host.fs.writeFile(abs(p, outFile), collected);
    } catch (e) {
      fail(p, `can't open '${outFile}': ${errText(e)}`);
      return 1;
    }
  }
  return 0;
};

export const tee: Program = function* (p): Gen<number> {
  const o = getopt(p, 'ai');
  if (!o) return 1;
  let status = 0;
  const targets: string[] = [];
  for (const f of o.args) {
    try {
      const path = abs(p, f);
      if (!o.has('a') || !p.host.fs.stat(path)) p.host.fs.writeFile(path, '');
      targets.push(path);
    } catch (e) {
      fail(p, `${f}: ${errText(e)}`);
      status = 1;
    }
  }
  const r = new LineReader(p.fds.stdin);
  for (;;) {
    const chunk = yield* r.next();
    if (chunk === null) return status;
    out(p, chunk);
    for (const t of targets) writeQuiet(p, t, chunk);
  }
};

function writeQuiet(p: Process, path: string, data: string): void {
  try {
    p.host.fs.writeFile(path, data, true);
  } catch {
    /* the error was reported when the file was opened */
  }
}
