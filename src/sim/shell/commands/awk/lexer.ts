/**
 * awk program text → tokens. Whether '/' starts a regex or divides depends on the previous token
 * (after an operand it divides), the same rule busybox's next_token applies through its
 * "expected token class" mask. Errors carry busybox's messages and the program line number.
 */

export type TokKind = 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';

export interface Tok {
  k: TokKind;
  /** The operator or keyword text, the name, the string's value or the regex source. */
  s: string;
  n?: number;
  line: number;
}

/** busybox awk's error texts (EMSG_* in editors/awk.c). */
export const EMSG = {
  unexpToken: 'Unexpected token',
  unexpEos: 'Unexpected end of string',
  divByZero: 'Division by zero',
  invFmt: 'Invalid format specifier',
  tooFewArgs: 'Too few arguments for builtin',
  notArray: 'Not an array',
  possibleError: 'Possible syntax error',
  undefFunc: 'Call to undefined function',
  negativeField: 'Access to negative field',
};

/** A syntax or runtime error, reported as `awk: PROGNAME:LINE: MESSAGE`. */
export class AwkError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(message);
  }
}

/** A fatal error already worded in full (no `PROG:LINE:` prefix), such as a file that will not open. */
export class AwkFatal extends Error {}

const KEYWORDS = new Set([
  'BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile',
  'exit', 'return', 'delete', 'getline', 'print', 'printf', 'in',
]);

export const BUILTINS = new Set([
  'length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp',
  'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush', 'and', 'or', 'xor', 'compl', 'lshift',
  'rshift', 'systime',
]);

// Longest first, so `**=` wins over `**` and `*`.
const OPS = [
  '**=', '&&', '||', '==', '!=', '<=', '>=', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '**', '!~', '>>',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=',
];

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', '/': '/' };

/**
 * One escape sequence after a backslash at s[i] (i points past the backslash): \n \t ... \ooo.
 * An unknown `\z` is `z`, as busybox's nextchar does. Returns [text, next index].
 */
export function unescapeAt(s: string, i: number): [string, number] {
  const c = s[i];
  if (c === undefined) return ['\\', i];
  if (/[0-7]/.test(c)) {
    const m = /^[0-7]{1,3}/.exec(s.slice(i))![0];
    return [String.fromCharCode(parseInt(m, 8) & 0xff), i + m.length];
  }
  return [C_ESCAPES[c] ?? c, i + 1];
}

/** Escapes in a -v/operand assignment or -F value, as busybox's unescape_string_in_place. */
export function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out += s[i];
      continue;
    }
    const [t, next] = unescapeAt(s, i + 1);
    out += t;
    i = next - 1;
  }
  return out;
}

/** After these a '/' divides; anywhere else it opens a regex. */
function endsOperand(t: Tok | undefined): boolean {
  if (!t) return false;
  if (t.k === 'num' || t.k === 'str' || t.k === 'ere' || t.k === 'name') return true;
  if (t.k === 'builtin') return t.s === 'length';
  return t.k === 'op' && (t.s === ')' || t.s === ']' || t.s === '++' || t.s === '--');
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let line = 1;
  let i = 0;
  const push = (k: TokKind, s: string, n?: number) => toks.push({ k, s, n, line });
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push('nl', '\n');
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        const d = src[i];
        if (d === undefined || d === '\n') throw new AwkError(EMSG.unexpEos, line);
        if (d === '"') break;
        if (d === '\\') {
          const [t, next] = unescapeAt(src, i + 1);
          s += t;
          i = next;
          continue;
        }
        s += d;
        i++;
      }
      i++;
      push('str', s);
      continue;
    }
    if (c === '/' && !endsOperand(toks.at(-1))) {
      // A regex literal: `\/` is a slash; other escapes stay for the regex translator.
      let s = '';
      i++;
      for (;;) {
        const d = src[i];
        if (d === undefined || d === '\n') throw new AwkError(EMSG.unexpEos, line);
        if (d === '/') break;
        if (d === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
          continue;
        }
        if (d === '\\' && i + 1 < src.length) {
          s += d + src[i + 1];
          i += 2;
          continue;
        }
        s += d;
        i++;
      }
      i++;
      push('ere', s);
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(src.slice(i));
      if (!m) throw new AwkError(EMSG.unexpToken, line);
      i += m[0].length;
      // busybox: a number directly followed by '.' (`1.2.3`) is an error.
      if (src[i] === '.') throw new AwkError(EMSG.unexpToken, line);
      push('num', m[0], /^0[xX]/.test(m[0]) ? parseInt(m[0], 16) : Number(m[0]));
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const w = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      i += w.length;
      if (KEYWORDS.has(w)) push('kw', w);
      else if (BUILTINS.has(w)) push('builtin', w);
      else push(src[i] === '(' ? 'funcname' : 'name', w);
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkError(EMSG.unexpToken, line);
    i += op.length;
    push('op', op === '**' ? '^' : op === '**=' ? '^=' : op);
  }
  push('eof', '');
  return toks;
}
