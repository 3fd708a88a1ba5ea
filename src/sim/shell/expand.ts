/**
 * Word expansion in POSIX order: parameter, command and arithmetic expansion, then field
 * splitting of unquoted results on IFS, then pathname expansion (globbing) of unquoted pattern
 * characters. Command substitution runs a child shell process, so expansion is a generator too.
 */
import type { Word, WordPart } from './ast';
import type { Syscall, SyscallResult } from '../runtime/process';
import { ArithError, evalArith } from './arith';
import { globMatch, globToRegExpSource } from './pattern';
import type { ShellCtx } from './context';
import { ShellError } from './context';

type Gen<T> = Generator<Syscall, T, SyscallResult>;

/** A piece of expanded text and whether it came from a quoted context (no splitting/globbing). */
interface Seg {
  text: string;
  quoted: boolean;
  /** Field break forced here ("$@" between arguments). */
  breakBefore?: boolean;
}

export function* expandWords(ctx: ShellCtx, words: Word[]): Gen<string[]> {
  const out: string[] = [];
  for (const w of words) out.push(...(yield* expandWord(ctx, w, true)));
  return out;
}

/** Expand to one string (assignments, redirection targets, case words: no splitting or globbing). */
export function* expandOne(ctx: ShellCtx, w: Word): Gen<string> {
  const segs = yield* expandParts(ctx, w.parts);
  return segs.map((s) => s.text).join('');
}

export function* expandWord(ctx: ShellCtx, w: Word, splitAndGlob: boolean): Gen<string[]> {
  // Fast path: a plain literal word.
  if (w.parts.length === 1 && w.parts[0].t === 'lit' && (w.parts[0].quoted || !/[*?[~]/.test(w.parts[0].v))) return [w.parts[0].v];
  const segs = yield* expandParts(ctx, w.parts);
  if (!splitAndGlob) return [segs.map((s) => s.text).join('')];
  const fields = splitFields(ctx, segs);
  const out: string[] = [];
  for (const f of fields) {
    const text = f.map((s) => s.text).join('');
    const mask: boolean[] = [];
    for (const s of f) for (let i = 0; i < s.text.length; i++) mask.push(s.quoted);
    const globbable = f.some((s) => !s.quoted && /[*?[]/.test(s.text));
    if (globbable) {
      const matches = pathnameExpand(ctx, text, mask);
      if (matches.length) {
        out.push(...matches);
        continue;
      }
    }
    out.push(text);
  }
  return out;
}

function splitFields(ctx: ShellCtx, segs: Seg[]): Seg[][] {
  const ifs = ctx.getVar('IFS') ?? ' \t\n';
  const fields: Seg[][] = [];
  let cur: Seg[] = [];
  let has = false; // current field has content (or a quoted empty string)
  for (const s of segs) {
    if (s.breakBefore) {
      fields.push(cur);
      cur = [];
      has = false;
    }
    if (s.quoted || !ifs) {
      cur.push(s);
      has = true;
      continue;
    }
    let buf = '';
    for (const ch of s.text) {
      if (ifs.includes(ch)) {
        if (buf) cur.push({ text: buf, quoted: false });
        buf = '';
        if (has || cur.length) fields.push(cur);
        cur = [];
        has = false;
      } else buf += ch;
    }
    if (buf) {
      cur.push({ text: buf, quoted: false });
      has = true;
    }
  }
  if (has || cur.length) fields.push(cur);
  return fields;
}

function pathnameExpand(ctx: ShellCtx, pattern: string, mask: boolean[]): string[] {
  const fs = ctx.proc.host.fs;
  const abs = pattern.startsWith('/');
  const comps = pattern.split('/');
  let offset = 0;
  let bases: string[] = [abs ? '/' : ''];
  for (let ci = 0; ci < comps.length; ci++) {
    const comp = comps[ci];
    const compMask = mask.slice(offset, offset + comp.length);
    offset += comp.length + 1;
    if (comp === '' ) continue;
    const isPat = [...comp].some((c, i) => !compMask[i] && /[*?[]/.test(c));
    const next: string[] = [];
    for (const b of bases) {
      const dir = b === '' ? ctx.proc.cwd : b;
      if (!isPat) {
        const p = b === '' ? comp : b === '/' ? `/${comp}` : `${b}/${comp}`;
        const full = p.startsWith('/') ? p : `${ctx.proc.cwd}/${p}`;
        if (fs.stat(full)) next.push(p);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = new RegExp(`^${globToRegExpSource(comp, compMask)}$`);
      for (const n of names) {
        if (n.startsWith('.') && !comp.startsWith('.')) continue;
        if (re.test(n)) next.push(b === '' ? n : b === '/' ? `/${n}` : `${b}/${n}`);
      }
    }
    bases = next;
    if (!bases.length) return [];
  }
  return bases.sort();
}

function* expandParts(ctx: ShellCtx, parts: WordPart[]): Gen<Seg[]> {
  const out: Seg[] = [];
  for (const [k, p] of parts.entries()) {
    switch (p.t) {
      case 'lit': {
        // Tilde expansion: an unquoted `~` starting the word (alone or before `/`) is $HOME.
        const home = k === 0 && !p.quoted && p.v[0] === '~' && (p.v.length === 1 || p.v[1] === '/') ? ctx.getVar('HOME') : undefined;
        if (home !== undefined) out.push({ text: home, quoted: true }, { text: p.v.slice(1), quoted: false });
        else out.push({ text: p.v, quoted: p.quoted });
        break;
      }
      case 'param':
        out.push(...(yield* expandParam(ctx, p)));
        break;
      case 'cmdsub': {
        const text = yield* ctx.commandSubstitution(p.body);
        out.push({ text: text.replace(/\n+$/, ''), quoted: p.quoted });
        break;
      }
      case 'arith': {
        const expr = yield* expandOne(ctx, p.expr);
        try {
          const v = evalArith(expr, { get: (n) => ctx.getVar(n), set: (n, v) => ctx.setVar(n, v) });
          out.push({ text: String(v), quoted: p.quoted });
        } catch (e) {
          if (e instanceof ArithError) throw new ShellError(`${e.message}`, 2);
          throw e;
        }
        break;
      }
    }
  }
  return out;
}

function* expandParam(ctx: ShellCtx, p: WordPart & { t: 'param' }): Gen<Seg[]> {
  const { name, op, quoted } = p;
  if (name === '@' || name === '*') {
    const args = ctx.positional;
    if (name === '@' && quoted) {
      return args.map((a, i) => ({ text: a, quoted: true, breakBefore: i > 0 }));
    }
    const sep = name === '*' && quoted ? (ctx.getVar('IFS') ?? ' ')[0] ?? '' : ' ';
    return [{ text: args.join(sep), quoted }];
  }
  let val = ctx.getSpecial(name);
  if (op === 'length') return [{ text: String((val ?? '').length), quoted }];
  if (!op) {
    if (val === undefined && ctx.opts.nounset) throw new ShellError(`${name}: parameter not set`, 2);
    return [{ text: val ?? '', quoted }];
  }
  const colon = op.startsWith(':');
  const unsetOrNull = val === undefined || (colon && val === '');
  const arg = async function* () {}; // placeholder to keep TS happy about generator types
  void arg;
  const argText = function* (): Gen<string> {
    return p.arg ? yield* expandOne(ctx, p.arg) : '';
  };
  switch (op) {
    case ':-':
    case '-':
      if (unsetOrNull) {
        if (p.arg && !quoted) {
          // unquoted default words are split like any other expansion
          const segs = yield* expandParts(ctx, p.arg.parts);
          return segs;
        }
        return [{ text: yield* argText(), quoted }];
      }
      return [{ text: val!, quoted }];
    case ':=':
    case '=':
      if (unsetOrNull) {
        val = yield* argText();
        ctx.setVar(name, val);
      }
      return [{ text: val!, quoted }];
    case ':+':
    case '+':
      return [{ text: unsetOrNull ? '' : yield* argText(), quoted }];
    case ':?':
    case '?':
      if (unsetOrNull) {
        const msg = (yield* argText()) || 'parameter not set';
        throw new ShellError(`${name}: ${msg}`, 2);
      }
      return [{ text: val!, quoted }];
    case '#':
    case '##':
    case '%':
    case '%%': {
      const v = val ?? '';
      const pat = yield* argText();
      return [{ text: trimPattern(v, pat, op), quoted }];
    }
    // bash only (the parser accepts these with its bash option)
    case '/':
    case '//': {
      const pat = yield* argText();
      const repl = p.arg2 ? yield* expandOne(ctx, p.arg2) : '';
      return [{ text: replacePattern(val ?? '', pat, repl, op === '//'), quoted }];
    }
    case ':': {
      const [off, len] = splitOnce(yield* argText(), ':');
      const v = val ?? '';
      const ar = (e: string) => evalArith(e, { get: (n) => ctx.getVar(n), set: (n, x) => ctx.setVar(n, x) });
      let start = ar(off);
      if (start < 0) start = Math.max(0, v.length + start);
      let end = v.length;
      if (len !== undefined) {
        const l = ar(len);
        end = l < 0 ? v.length + l : start + l;
      }
      return [{ text: v.slice(start, Math.max(start, end)), quoted }];
    }
    case '^^':
    case '^':
      return [{ text: op === '^^' ? (val ?? '').toUpperCase() : (val ?? '').charAt(0).toUpperCase() + (val ?? '').slice(1), quoted }];
    case ',,':
    case ',':
      return [{ text: op === ',,' ? (val ?? '').toLowerCase() : (val ?? '').charAt(0).toLowerCase() + (val ?? '').slice(1), quoted }];
  }
  return [{ text: val ?? '', quoted }];
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** ${v/pat/rep}: the longest match at the first position that matches (`#`/`%` anchor it); `//` every one. */
function replacePattern(v: string, pat: string, rep: string, all: boolean): string {
  let anchor = '';
  if (pat.startsWith('#') || pat.startsWith('%')) {
    anchor = pat[0];
    pat = pat.slice(1);
  }
  if (!pat && !anchor) return v;
  let out = '';
  let i = 0;
  while (i <= v.length) {
    let matched = -1;
    if (!(anchor === '#' && i > 0)) {
      for (let j = v.length; j >= i; j--) {
        if (anchor === '%' && j !== v.length) break;
        if ((j > i || !pat) && globMatch(pat, v.slice(i, j))) {
          matched = j;
          break;
        }
      }
    }
    if (matched >= 0) {
      out += rep;
      if (!all || anchor) return out + v.slice(matched);
      i = matched; // a non-empty match: go on after it
      continue;
    }
    if (i < v.length) out += v[i];
    i++;
  }
  return out;
}

function trimPattern(v: string, pat: string, op: string): string {
  if (op === '#' || op === '##') {
    const lens = [...Array(v.length + 1).keys()];
    if (op === '##') lens.reverse();
    for (const n of lens) if (globMatch(pat, v.slice(0, n))) return v.slice(n);
    return v;
  }
  const lens = [...Array(v.length + 1).keys()];
  if (op === '%') lens.reverse();
  for (const n of lens) if (globMatch(pat, v.slice(n))) return v.slice(0, n);
  return v;
}
