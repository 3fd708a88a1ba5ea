/**
 * busybox sed: addresses (N, $, /re/, ranges, !), commands s y p P d D q Q n N = a i c h H g G x
 * { } and labels-free scripts; options -n -e -f -i[SFX] -E/-r -s. Streams stdin line by line.
 */
import type { Program } from '../../runtime/process';
import { abs, errText, fail, getopt, linesOf, out, readOrFail, showUsage, type Gen } from './util';
import { compile, RegexError } from './regex';

type Addr = { t: 'line'; n: number } | { t: 'last' } | { t: 're'; re: RegExp | null };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  op: string;
  /** s: regex (null = last used), replacement, flags; y: maps; a/i/c: text; {: index of matching }. */
  re?: RegExp | null;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  from?: string;
  to?: string;
  jump?: number;
  /** Range state: inside a range that started on an earlier line. */
  active?: boolean;
  endLine?: number;
}

class SedError extends Error {}

function parse(script: string, ere: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  const opens: number[] = [];
  let i = 0;
  const s = script;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const delimited = (d: string): string => {
    let r = '';
    for (; i < s.length; i++) {
      if (s[i] === '\\' && i + 1 < s.length) {
        // `\d` for the delimiter is the delimiter itself; `\n` a newline; other escapes are kept.
        if (s[i + 1] === d) r += d;
        else if (s[i + 1] === 'n') r += '\n';
        else r += s[i] + s[i + 1];
        i++;
        continue;
      }
      if (s[i] === d) {
        i++;
        return r;
      }
      r += s[i];
    }
    throw new SedError(`unmatched '${d}'`);
  };
  const regex = (src: string, flags = ''): RegExp | null => {
    if (src === '') return null;
    try {
      return compile(src, { extended: ere, icase: flags.includes('i') || flags.includes('I'), global: true });
    } catch (e) {
      throw new SedError(`bad regex '${src}': ${e instanceof RegexError ? e.message : 'Invalid regular expression'}`);
    }
  };
  const addr = (): Addr | undefined => {
    if (/\d/.test(s[i] ?? '')) {
      const m = s.slice(i).match(/^\d+/)!;
      i += m[0].length;
      return { t: 'line', n: Number(m[0]) };
    }
    if (s[i] === '$') {
      i++;
      return { t: 'last' };
    }
    if (s[i] === '/' || s[i] === '\\') {
      const d = s[i] === '\\' ? s[++i] : '/';
      i++;
      const src = delimited(d);
      let flags = '';
      if (s[i] === 'I') flags = s[i++];
      return { t: 're', re: regex(src, flags) };
    }
    return undefined;
  };
  const textArg = (): string => {
    // `a\` newline text, or GNU one-liner `a text`; backslash-newline continues the text.
    ws();
    if (s[i] === '\\') {
      i++;
      if (s[i] === '\n') i++;
    }
    let t = '';
    for (; i < s.length && s[i] !== '\n'; i++) {
      if (s[i] === '\\' && i + 1 < s.length) t += s[++i];
      else t += s[i];
    }
    return t;
  };
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s[i])) i++;
    if (i >= s.length) break;
    if (s[i] === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    const c: Cmd = { neg: false, op: '' };
    c.a1 = addr();
    if (c.a1 && s[i] === ',') {
      i++;
      c.a2 = addr();
      if (!c.a2) throw new SedError('unexpected \',\'');
    }
    ws();
    if (s[i] === '!') {
      c.neg = true;
      i++;
      ws();
    }
    const op = s[i++];
    if (op === undefined) throw new SedError('missing command');
    c.op = op;
    switch (op) {
      case '{':
        opens.push(cmds.length);
        break;
      case '}':
        if (!opens.length) throw new SedError('unexpected }');
        cmds[opens.pop()!].jump = cmds.length + 1;
        break;
      case 's': {
        const d = s[i++];
        c.re = regex(delimited(d), '') ?? null;
        const reSrc = c.re;
        c.repl = delimited(d);
        let flags = '';
        while (i < s.length && /[gpiIe0-9w]/.test(s[i])) flags += s[i++];
        c.global = flags.includes('g');
        c.print = flags.includes('p');
        const n = flags.match(/\d+/);
        c.nth = n ? Number(n[0]) : 1;
        if (reSrc && /[iI]/.test(flags)) c.re = new RegExp(reSrc.source, 'gi');
        break;
      }
      case 'y': {
        const d = s[i++];
        c.from = delimited(d);
        c.to = delimited(d);
        if ([...c.from].length !== [...c.to].length) throw new SedError('strings for y command are different lengths');
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        c.text = textArg();
        break;
      case 'q':
      case 'Q': {
        ws();
        const m = s.slice(i).match(/^\d+/);
        if (m) {
          c.nth = Number(m[0]);
          i += m[0].length;
        }
        break;
      }
      case 'p': case 'P': case 'd': case 'D': case 'n': case 'N': case '=': case 'h': case 'H': case 'g': case 'G': case 'x': case 'l':
        break;
      default:
        throw new SedError(`unsupported command ${op}`);
    }
    cmds.push(c);
  }
  if (opens.length) throw new SedError('missing }');
  return cmds;
}

/** Expand a replacement: & is the match, \1..\9 groups, \n newline, \& a literal &. */
function expand(repl: string, m: RegExpExecArray): string {
  let r = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && i + 1 < repl.length) {
      const d = repl[++i];
      if (/[0-9]/.test(d)) r += m[Number(d)] ?? '';
      else if (d === 'n') r += '\n';
      else if (d === 't') r += '\t';
      else r += d;
    } else if (c === '&') r += m[0];
    else r += c;
  }
  return r;
}

export const sed: Program = function* (p): Gen<number> {
  const parsed = getopt(p, 'nrEse:f:i::');
  if (!parsed) return 1;
  const o = parsed;
  const parts = [...o.all('e')];
  for (const f of o.all('f')) {
    const t = readOrFail(p, f);
    if (t === undefined) return 1;
    parts.push(t.replace(/\n$/, ''));
  }
  const args = [...o.args];
  if (!parts.length) {
    if (!args.length) return showUsage(p);
    parts.push(args.shift()!);
  }
  let cmds: Cmd[];
  try {
    cmds = parse(parts.join('\n'), o.has('r') || o.has('E'));
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    fail(p, e.message);
    return 1;
  }
  const inPlace = o.has('i');
  if (inPlace && !args.length) {
    fail(p, 'no input files');
    return 1;
  }
  let status = 0;
  let lastRe: RegExp | null = null;
  let hold = '';
  let quitCode: number | undefined;

  function* runOn(text: string | undefined, emit: (s: string) => void, isLastSource: boolean): Gen<void> {
    const lines = linesOf(p, text);
    let next = yield* lines.next();
    let lineNo = 0;
    const isLast = () => next === null && isLastSource;
    const pull = function* (): Gen<string | null> {
      const cur = next;
      if (cur === null) return null;
      next = yield* lines.next();
      lineNo++;
      return cur;
    };
    let raw = yield* pull();
    while (raw !== null && quitCode === undefined) {
      let nl = raw.endsWith('\n');
      let ps = nl ? raw.slice(0, -1) : raw;
      const appendQ: string[] = [];
      let deleted = false;
      let autoprint = !o.has('n');
      const matchAddr = (a: Addr): boolean => {
        if (a.t === 'line') return lineNo === a.n;
        if (a.t === 'last') return isLast();
        const re = a.re ?? lastRe;
        if (!re) return false;
        lastRe = re;
        re.lastIndex = 0;
        return re.test(ps);
      };
      const selects = (c: Cmd): boolean => {
        if (!c.a1) return true;
        if (!c.a2) return matchAddr(c.a1);
        if (c.active) {
          const end = c.a2.t === 'line' ? lineNo >= c.a2.n : matchAddr(c.a2);
          if (end || (c.a2.t === 'line' && lineNo >= c.a2.n)) c.active = false;
          return true;
        }
        if (matchAddr(c.a1)) {
          // A line-number end at or before the start line closes the range at once.
          c.active = !(c.a2.t === 'line' ? c.a2.n <= lineNo : c.a2.t === 'last' && isLast());
          return true;
        }
        return false;
      };
      let pc = 0;
      let restart = false;
      while (pc < cmds.length) {
        const c = cmds[pc];
        const sel = selects(c) !== c.neg;
        if (c.op === '}') {
          pc++;
          continue;
        }
        if (!sel) {
          pc = c.op === '{' ? c.jump! : pc + 1;
          continue;
        }
        pc++;
        switch (c.op) {
          case 's': {
            const re = c.re ?? lastRe;
            if (!re) break;
            lastRe = re;
            re.lastIndex = 0;
            let res = '';
            let pos = 0;
            let n = 0;
            let did = false;
            let m: RegExpExecArray | null;
            while ((m = re.exec(ps))) {
              n++;
              if (n >= c.nth! && (c.global || n === c.nth)) {
                res += ps.slice(pos, m.index) + expand(c.repl!, m);
                pos = m.index + m[0].length;
                did = true;
                if (!c.global) break;
              }
              if (m[0] === '') re.lastIndex++;
            }
            if (did) {
              ps = res + ps.slice(pos);
              if (c.print) emit(ps + '\n');
            }
            break;
          }
          case 'y':
            ps = [...ps].map((ch) => {
              const k = [...c.from!].indexOf(ch);
              return k < 0 ? ch : [...c.to!][k];
            }).join('');
            break;
          case 'p':
            emit(ps + '\n');
            break;
          case 'P':
            emit(ps.split('\n')[0] + '\n');
            break;
          case 'd':
            deleted = true;
            pc = cmds.length;
            break;
          case 'D': {
            const k = ps.indexOf('\n');
            if (k < 0) deleted = true;
            else {
              ps = ps.slice(k + 1);
              restart = true;
            }
            pc = cmds.length;
            break;
          }
          case '=':
            emit(`${lineNo}\n`);
            break;
          case 'a':
            appendQ.push(c.text! + '\n');
            break;
          case 'i':
            emit(c.text! + '\n');
            break;
          case 'c':
            if (!c.a2 || !c.active) emit(c.text! + '\n');
            deleted = true;
            pc = cmds.length;
            break;
          case 'h':
            hold = ps;
            break;
          case 'H':
            hold += '\n' + ps;
            break;
          case 'g':
            ps = hold;
            break;
          case 'G':
            ps += '\n' + hold;
            break;
          case 'x':
            [ps, hold] = [hold, ps];
            break;
          case 'l':
            emit(ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t') + '$\n');
            break;
          case 'n': {
            if (autoprint) emit(ps + (nl ? '\n' : ''));
            const r = yield* pull();
            if (r === null) {
              autoprint = false;
              pc = cmds.length;
              break;
            }
            nl = r.endsWith('\n');
            ps = nl ? r.slice(0, -1) : r;
            break;
          }
          case 'N': {
            const r = yield* pull();
            if (r === null) {
              pc = cmds.length;
              break;
            }
            nl = r.endsWith('\n');
            ps += '\n' + (nl ? r.slice(0, -1) : r);
            break;
          }
          case 'q':
            quitCode = c.nth ?? 0;
            pc = cmds.length;
            break;
          case 'Q':
            quitCode = c.nth ?? 0;
            autoprint = false;
            deleted = true;
            pc = cmds.length;
            break;
        }
      }
      if (!deleted && autoprint) emit(ps + (nl ? '\n' : ''));
      for (const a of appendQ) emit(a);
      if (restart) {
        raw = ps + '\n';
        continue;
      }
      raw = yield* pull();
    }
  }

  if (inPlace) {
    for (const f of args) {
      const text = readOrFail(p, f);
      if (text === undefined) {
        status = 1;
        continue;
      }
      let res = '';
      yield* runOn(text, (s) => void (res += s), true);
      try {
        const sfx = o.get('i');
        if (sfx) p.host.fs.writeFile(abs(p, f + sfx), text);
        p.host.fs.writeFile(abs(p, f), res);
      } catch (e) {
        fail(p, `can't create '${f}': ${errText(e)}`);
        status = 1;
      }
      quitCode = undefined;
    }
    return status;
  }
  const emit = (s: string) => out(p, s);
  const files = args.length ? args : ['-'];
  // Without -s, all inputs form one stream: `$` is the last line of the last file.
  for (let k = 0; k < files.length && quitCode === undefined; k++) {
    const f = files[k];
    let text: string | undefined;
    if (f !== '-') {
      text = readOrFail(p, f);
      if (text === undefined) {
        status = 2;
        continue;
      }
    }
    yield* runOn(text, emit, o.has('s') || k === files.length - 1);
  }
  return quitCode ?? status;
};
