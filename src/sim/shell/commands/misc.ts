/** xargs and expr. */
import type { Program } from '../../runtime/process';
import { abs, errText, fail, getopt, readAll, showUsage, type Gen, refuseUnmodelled } from './util';
import { run } from './find';
import { compile, RegexError } from './regex';

/** Split xargs input the default way: blanks separate, quotes and backslash group. */
function splitArgs(s: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"') {
      const j = s.indexOf(c, i + 1);
      if (j < 0) return `unmatched ${c === '"' ? 'double' : 'single'} quote`;
      cur += s.slice(i + 1, j);
      has = true;
      i = j;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export const xargs: Program = function* (p): Gen<number> {
  const o = getopt(p, '+0a:ortpE:I:n:s:P:x');
  if (!o || refuseUnmodelled(p, o, 'psPx')) return 1;
  const cmd = o.args.length ? o.args : ['echo'];
  let input: string;
  if (o.has('a')) {
    try {
      input = p.host.fs.readFile(abs(p, o.get('a')!));
    } catch (e) {
      fail(p, `can't open '${o.get('a')}': ${errText(e)}`);
      return 1;
    }
  } else input = yield* readAll(p);
  let items: string[];
  if (o.has('0')) items = input.split('\0').filter((s) => s !== '');
  else if (o.has('I')) items = input.split('\n').map((l) => l.replace(/^\s+/, '')).filter((l) => l !== '');
  else {
    const r = splitArgs(input);
    if (typeof r === 'string') {
      fail(p, r);
      return 1;
    }
    items = r;
  }
  const eof = o.get('E');
  if (eof) {
    const at = items.indexOf(eof);
    if (at >= 0) items = items.slice(0, at);
  }
  const batches: string[][] = [];
  if (o.has('I')) {
    const rep = o.get('I')!;
    for (const it of items) batches.push(cmd.map((a) => a.replaceAll(rep, it)));
  } else {
    const n = o.has('n') ? Number(o.get('n')) : Infinity;
    if (!(n > 0)) return showUsage(p);
    for (let i = 0; i < items.length; i += n === Infinity ? items.length : n) batches.push([...cmd, ...items.slice(i, n === Infinity ? undefined : i + n)]);
    if (!items.length && !o.has('r')) batches.push([...cmd]);
  }
  let status = 0;
  for (const argv of batches) {
    if (o.has('t')) p.fds.stderr.write(argv.join(' ') + '\n');
    const code = yield* run(p, argv);
    if (code === 127 || code === 126) return code;
    if (code === 255) {
      fail(p, `${argv[0]}: exited with status 255; aborting`);
      return 124;
    }
    if (code >= 128) return 125;
    if (code) status = 123;
  }
  return status;
};

class ExprError extends Error {}

/** expr: recursive descent over argv with POSIX precedence: or, and, compare, add, multiply, match. */
export const expr: Program = function* (p): Gen<number> {
  const a = p.argv.slice(1);
  if (!a.length) return showUsage(p);
  let i = 0;
  const isInt = (s: string) => /^[-+]?\d+$/.test(s);
  const toInt = (s: string) => {
    if (!isInt(s)) throw new ExprError('non-numeric argument');
    return BigInt(s);
  };
  const truthy = (s: string) => s !== '' && !(isInt(s) && BigInt(s) === 0n);
  const primary = (): string => {
    const t = a[i];
    if (t === undefined) throw new ExprError('syntax error');
    if (t === '(') {
      i++;
      const v = orE();
      if (a[i++] !== ')') throw new ExprError('syntax error');
      return v;
    }
    i++;
    if (t === 'quote') {
      if (a[i] === undefined) throw new ExprError('syntax error');
      return a[i++];
    }
    if (t === 'length') return String([...primary()].length);
    if (t === 'match') {
      const s = primary();
      return matchE(s, primary());
    }
    if (t === 'substr') {
      const s = primary();
      const pos = Number(primary());
      const len = Number(primary());
      return pos < 1 || len < 1 ? '' : [...s].slice(pos - 1, pos - 1 + len).join('');
    }
    if (t === 'index') {
      const s = primary();
      const chars = primary();
      const idx = [...s].findIndex((c) => chars.includes(c));
      return String(idx + 1);
    }
    return t;
  };
  const matchE = (s: string, re: string): string => {
    let r: RegExp;
    try {
      r = compile(re);
    } catch (e) {
      throw new ExprError(e instanceof RegexError ? e.message : 'Invalid regular expression');
    }
    const m = new RegExp('^(?:' + r.source + ')').exec(s);
    if (/\\\(/.test(re)) return m && m[1] !== undefined ? m[1] : '';
    return String(m ? m[0].length : 0);
  };
  const colon = (): string => {
    let v = primary();
    while (a[i] === ':') {
      i++;
      v = matchE(v, primary());
    }
    return v;
  };
  const mul = (): string => {
    let v = colon();
    while (a[i] === '*' || a[i] === '/' || a[i] === '%') {
      const op = a[i++];
      const l = toInt(v);
      const r = toInt(colon());
      if (op !== '*' && r === 0n) throw new ExprError('division by zero');
      v = String(op === '*' ? l * r : op === '/' ? l / r : l % r);
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (a[i] === '+' || a[i] === '-') {
      const op = a[i++];
      const l = toInt(v);
      const r = toInt(mul());
      v = String(op === '+' ? l + r : l - r);
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (['<', '<=', '=', '==', '!=', '>=', '>'].includes(a[i])) {
      const op = a[i++];
      const r = add();
      const c = isInt(v) && isInt(r) ? (BigInt(v) < BigInt(r) ? -1 : BigInt(v) > BigInt(r) ? 1 : 0) : v < r ? -1 : v > r ? 1 : 0;
      const res = { '<': c < 0, '<=': c <= 0, '=': c === 0, '==': c === 0, '!=': c !== 0, '>=': c >= 0, '>': c > 0 }[op]!;
      v = res ? '1' : '0';
    }
    return v;
  };
  const andE = (): string => {
    let v = cmp();
    while (a[i] === '&') {
      i++;
      const r = cmp();
      v = truthy(v) && truthy(r) ? v : '0';
    }
    return v;
  };
  const orE = (): string => {
    let v = andE();
    while (a[i] === '|') {
      i++;
      const r = andE();
      v = truthy(v) ? v : truthy(r) ? r : '0';
    }
    return v;
  };
  let result: string;
  try {
    result = orE();
    if (i < a.length) throw new ExprError('syntax error');
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    fail(p, e.message);
    return 2;
  }
  p.fds.stdout.write(result + '\n');
  return truthy(result) ? 0 : 1;
};
