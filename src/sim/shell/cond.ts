/**
 * bash's conditional command `[[ … ]]` over already expanded operands: no word splitting or
 * globbing happened, the right side of `==`/`!=` is a glob pattern (its quoted characters match
 * literally), `=~` an extended regular expression, `-eq`… compare arithmetic values, `<`/`>`
 * compare strings, and `&&`, `||`, `!`, `( )` combine. File tests ask the filesystem.
 */
import type { ContainerFs } from '../runtime/containerfs';
import { normalize } from '../runtime/fs';
import { escapeRe, globMatch } from './pattern';

/** An operator the parser kept (`&&`, `(` …) or an expanded word with its quoted-character mask. */
export type CondToken = { op: string } | { text: string; mask: boolean[] };

export interface CondEnv {
  fs: ContainerFs;
  cwd: string;
  /** An integer operand: bash evaluates it as an arithmetic expression. */
  arith(expr: string): number;
  /** `=~` sets BASH_REMATCH to what matched. */
  setMatch(m: string[] | undefined): void;
}

const STRING_BINARY = new Set(['==', '=', '!=', '=~', '<', '>']);
const INT_BINARY = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const FILE_UNARY = new Set(['-e', '-a', '-f', '-d', '-h', '-L', '-s', '-r', '-w', '-x', '-z', '-n', '-v']);

/** true/false, or the error bash reports for a malformed expression. */
export function evalCond(tokens: CondToken[], env: CondEnv, isSet: (name: string) => boolean): boolean | string {
  let i = 0;
  const opOf = (t: CondToken | undefined): string | undefined => (t ? ('op' in t ? t.op : t.mask.some(Boolean) ? undefined : t.text) : undefined);

  const primary = (): boolean => {
    const t = tokens[i];
    if (!t) throw new CondError('syntax error in conditional expression');
    if ('op' in t && t.op === '(') {
      i++;
      const r = or();
      if (opOf(tokens[i]) !== ')') throw new CondError("syntax error in conditional expression: unexpected token `)'");
      i++;
      return r;
    }
    if ('op' in t && t.op === '!') {
      i++;
      return !primary();
    }
    if (!('text' in t)) throw new CondError(`unexpected token \`${t.op}', conditional binary operator expected`);
    const u = opOf(t);
    const next = tokens[i + 1];
    const nextOp = opOf(next);
    // A unary test: `-f FILE`, unless the word after it is a binary operator (`[[ -f == -f ]]`).
    if (u && FILE_UNARY.has(u) && next && 'text' in next && !(nextOp && (STRING_BINARY.has(nextOp) || INT_BINARY.has(nextOp)) && tokens[i + 2])) {
      i += 2;
      return unary(u, next.text);
    }
    const bop = next && ('op' in next ? (next.op === '<' || next.op === '>' ? next.op : undefined) : nextOp);
    if (bop && (STRING_BINARY.has(bop) || INT_BINARY.has(bop))) {
      const rhs = tokens[i + 2];
      if (!rhs || !('text' in rhs)) throw new CondError(`unexpected argument \`${rhs && 'op' in rhs ? rhs.op : ']]'}' to conditional binary operator`);
      i += 3;
      return binary(t.text, bop, rhs);
    }
    i++;
    return t.text.length > 0;
  };
  const and = (): boolean => {
    let r = primary();
    while (opOf(tokens[i]) === '&&' && 'op' in tokens[i]) {
      i++;
      const s = primary();
      r = r && s;
    }
    return r;
  };
  const or = (): boolean => {
    let r = and();
    while (opOf(tokens[i]) === '||' && 'op' in tokens[i]) {
      i++;
      const s = and();
      r = r || s;
    }
    return r;
  };

  const unary = (op: string, arg: string): boolean => {
    if (op === '-z') return arg === '';
    if (op === '-n') return arg !== '';
    if (op === '-v') return isSet(arg);
    const st = env.fs.statFollow(normalize(arg, env.cwd));
    switch (op) {
      case '-e':
      case '-a':
        return !!st;
      case '-f':
        return st?.type === 'file';
      case '-d':
        return st?.type === 'dir';
      case '-h':
      case '-L':
        return env.fs.stat(normalize(arg, env.cwd))?.type === 'symlink';
      case '-s':
        return st?.type === 'file' ? st.data.length > 0 : !!st;
      default:
        return !!st;
    }
  };

  const binary = (lhs: string, op: string, rhs: { text: string; mask: boolean[] }): boolean => {
    switch (op) {
      case '==':
      case '=':
        return globMatch(rhs.text, lhs, rhs.mask);
      case '!=':
        return !globMatch(rhs.text, lhs, rhs.mask);
      case '<':
        return lhs < rhs.text;
      case '>':
        return lhs > rhs.text;
      case '=~': {
        let src = '';
        for (let k = 0; k < rhs.text.length; k++) src += rhs.mask[k] ? escapeRe(rhs.text[k]) : rhs.text[k];
        let re: RegExp;
        try {
          re = new RegExp(src);
        } catch {
          return false; // bash: an invalid regex simply does not match (status 2)
        }
        const m = lhs.match(re);
        env.setMatch(m ? [...m].map((x) => x ?? '') : undefined);
        return !!m;
      }
    }
    const a = env.arith(lhs);
    const b = env.arith(rhs.text);
    switch (op) {
      case '-eq':
        return a === b;
      case '-ne':
        return a !== b;
      case '-lt':
        return a < b;
      case '-le':
        return a <= b;
      case '-gt':
        return a > b;
      default:
        return a >= b;
    }
  };

  try {
    if (!tokens.length) throw new CondError('syntax error in conditional expression');
    const r = or();
    if (i < tokens.length) {
      const t = tokens[i];
      throw new CondError(`syntax error in conditional expression: unexpected token \`${'op' in t ? t.op : t.text}'`);
    }
    return r;
  } catch (e) {
    if (e instanceof CondError) return e.message;
    throw e;
  }
}

class CondError extends Error {}
