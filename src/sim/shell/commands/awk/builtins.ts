/**
 * awk's builtin functions (length, substr, split, sub/gsub, match, sprintf, the math and bitwise
 * functions, rand/srand, close, system) as busybox awk implements them. They run against the
 * interpreter's state — the current record, variables, the regex cache — so they take it as `it`.
 */
import { Prng } from '../../../clock/prng';
import type { Gen } from '../util';
import { AwkArray } from './array';
import type { Expr, LValue } from './ast';
import { formatOne, parseSpec } from './format';
import type { Interpreter } from './interpreter';
import { AwkError, EMSG } from './lexer';
import { Strnum, toNum, type Val } from './values';

export function* builtin(it: Interpreter, name: string, args: Expr[], line: number): Gen<Val> {
  const need = (n: number) => {
    if (args.length < n) throw new AwkError(EMSG.tooFewArgs, line);
  };
  const num = function* (i: number): Gen<number> {
    return toNum(yield* it.ev(args[i]));
  };
  const str = function* (i: number): Gen<string> {
    return it.str(yield* it.ev(args[i]));
  };
  switch (name) {
    case 'length': {
      if (!args.length) return it.str(it.record).length;
      const a = args[0];
      if (a.k === 'var') {
        const cur = a.ref.local !== undefined ? it.frame![a.ref.local] : it.globals.get(a.ref.name);
        if (cur instanceof AwkArray) return cur.size;
      }
      return (yield* str(0)).length;
    }
    case 'substr': {
      need(2);
      // busybox truncates the start and length instead of rounding: substr(s, 0, 2) is s's first two characters.
      const s = yield* str(0);
      let i = Math.trunc((yield* num(1)) - 1);
      if (i > s.length) i = s.length;
      if (i < 0) i = 0;
      let n = args.length > 2 ? Math.trunc(yield* num(2)) : s.length - i;
      if (n < 0) n = 0;
      return s.slice(i, i + n);
    }
    case 'index': {
      need(2);
      const s = yield* str(0);
      const t = yield* str(1);
      return t === '' ? 0 : s.indexOf(t) + 1;
    }
    case 'split': {
      need(2);
      const s = yield* str(0);
      const target = args[1];
      if (target.k !== 'var') throw new AwkError(EMSG.notArray, line);
      let parts: string[];
      if (args.length > 2) {
        const sep = args[2];
        if (sep.k === 're') parts = it.splitText(s, '', sep.src);
        else {
          const fs = yield* str(2);
          parts = fs === ' ' || fs.length <= 1 ? it.splitText(s, fs) : it.splitText(s, '', fs);
        }
      } else parts = it.splitText(s, it.str(it.g('FS')));
      const arr = it.array(target.ref);
      arr.clear();
      parts.forEach((f, i) => arr.set(String(i + 1), new Strnum(f)));
      return parts.length;
    }
    case 'sub':
    case 'gsub': {
      need(2);
      const re = yield* it.regexOf(args[0], true);
      const repl = yield* str(1);
      const target: LValue = args[2] && (args[2].k === 'var' || args[2].k === 'idx' || args[2].k === 'field') ? args[2] : { k: 'field', e: { k: 'num', v: 0 } };
      const pl = yield* it.place(target);
      const [res, n] = substitute(it.str(pl.get()), re, repl, name === 'gsub');
      if (n > 0) pl.set(res);
      return n;
    }
    case 'match': {
      need(2);
      const s = yield* str(0);
      const re = yield* it.regexOf(args[1]);
      const m = re.exec(s);
      const start = m ? m.index + 1 : 0;
      it.globals.set('RSTART', start);
      it.globals.set('RLENGTH', m ? m[0].length : -1);
      return start;
    }
    case 'sprintf':
      need(1);
      return yield* sprintf(it, args);
    case 'tolower':
    case 'toupper': {
      need(1);
      const s = yield* str(0);
      // ASCII letters only, as busybox does.
      return s.replace(/[A-Za-z]/g, (c) => (name === 'toupper' ? c.toUpperCase() : c.toLowerCase()));
    }
    case 'int':
      need(1);
      return Math.trunc(yield* num(0));
    case 'sqrt':
    case 'exp':
    case 'log':
    case 'sin':
    case 'cos': {
      need(1);
      const x = yield* num(0);
      return { sqrt: Math.sqrt, exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos }[name](x);
    }
    case 'atan2': {
      need(2);
      const y = yield* num(0);
      return Math.atan2(y, yield* num(1));
    }
    case 'rand':
      return it.prng.next();
    case 'srand': {
      const prev = it.seed;
      // Without an argument the seed is the time of day: virtual seconds here.
      it.seed = args.length ? Math.trunc(yield* num(0)) >>> 0 : Math.floor(it.p.host.now() / 1000) >>> 0;
      it.prng = new Prng(it.seed);
      return prev;
    }
    case 'systime':
      return Math.floor(it.p.host.now() / 1000);
    case 'system': {
      const cmd = args.length ? yield* str(0) : '';
      it.p.fds.stderr.write(`awk: system(${JSON.stringify(cmd)}): running commands from awk is not supported here\n`);
      return 127;
    }
    case 'close':
      if (args.length) {
        const n = yield* str(0);
        it.io.close(n);
      }
      return 0;
    case 'fflush':
      return 0;
    case 'and':
    case 'or':
    case 'xor':
    case 'lshift':
    case 'rshift': {
      need(2);
      const a = BigInt(Math.trunc(yield* num(0))) & 0xffffffffffffffffn;
      const b = BigInt(Math.trunc(yield* num(1))) & 0xffffffffffffffffn;
      const r = { and: a & b, or: a | b, xor: a ^ b, lshift: (a << b) & 0xffffffffffffffffn, rshift: a >> b }[name];
      return Number(r);
    }
    case 'compl':
      need(1);
      return Number(~BigInt(Math.trunc(yield* num(0))) & 0xffffffffffffffffn);
  }
  throw new AwkError(EMSG.undefFunc, line);
}

/** sprintf(fmt, ...), also behind the printf statement: each `%` conversion takes the next argument. */
export function* sprintf(it: Interpreter, args: Expr[]): Gen<string> {
  const fmt = it.str(yield* it.ev(args[0]));
  let out = '';
  let ai = 1;
  for (let i = 0; i < fmt.length; ) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    const r = parseSpec(fmt, pct);
    i = r.next;
    if (!r.spec) {
      out += r.literal;
      continue;
    }
    const v = ai < args.length ? yield* it.ev(args[ai++]) : undefined;
    out += formatOne(r.spec, { num: () => toNum(v), str: () => it.str(v), isNum: () => typeof v === 'number' || (v instanceof Strnum && v.looksNumeric) });
  }
  return out;
}

/**
 * sub/gsub: '&' in the replacement is the matched text, `\&` a literal '&', `\\&` a backslash
 * then the match (busybox's awk_sub backslash counting). After an empty match one character is
 * copied, so gsub(/x*\/, "-") on "abc" gives "-a-b-c-".
 */
export function substitute(s: string, re: RegExp, repl: string, global: boolean): [string, number] {
  let out = '';
  let pos = 0;
  let n = 0;
  while (pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    n++;
    out += s.slice(pos, m.index) + expand(repl, m[0]);
    const end = m.index + m[0].length;
    if (m[0] === '') {
      if (m.index < s.length) out += s[m.index];
      pos = m.index + 1;
    } else pos = end;
    if (!global) break;
  }
  return n ? [out + s.slice(pos), n] : [s, 0];
}

function expand(repl: string, matched: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    let nbs = 0;
    while (repl[i] === '\\') {
      nbs++;
      i++;
    }
    const c = repl[i];
    if (c === '&') {
      out += '\\'.repeat(nbs >> 1) + (nbs % 2 ? '&' : matched);
    } else {
      out += '\\'.repeat(nbs) + (c ?? '');
    }
  }
  return out;
}
