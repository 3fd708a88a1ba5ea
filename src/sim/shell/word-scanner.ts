/**
 * The character-level half of the shell parser: scanning (blanks, comments, line continuations,
 * newlines with their pending here-documents) and shell words with their quoting and expansions —
 * '…', "…", \x, $name, ${…} with its operators, $(…), `…`, $((…)) — as ash and bash read them.
 * The grammar of commands (./parser.ts) extends it; `$(…)` calls back into that grammar through
 * the abstract parseList, and nested words are read by a child parser of the same kind.
 *
 * `bash` enables bash's ${x/pat/rep}, ${x:off:len} and ${x^^}/${x,,} operators.
 */
import type { List, Redir, Word, WordPart } from './ast';

export class ShellSyntaxError extends Error {
  constructor(message: string, public readonly line: number) {
    super(message);
  }
}

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')', '\n']);

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

export abstract class WordScanner {
  protected i = 0;
  protected line = 1;
  protected heredocs: PendingHeredoc[] = [];

  constructor(
    protected readonly src: string,
    protected readonly bash = false,
  ) {}

  /** A command list up to one of `terminators` (the grammar, ./parser.ts). */
  abstract parseList(terminators: Set<string>): List;

  /** A whole script in `src`: the body of `…` command substitution. */
  protected abstract parseCommands(src: string, bash: boolean): List;

  /** A parser of the same kind over `src`, for words nested in a word. */
  protected abstract child(src: string, bash: boolean): WordScanner;

  // ---- low-level scanning ----

  protected peek(off = 0): string {
    return this.src[this.i + off] ?? '';
  }

  protected skipSpace(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.peek(1) === '\n') {
        this.i += 2;
        this.line++;
      } else if (c === '#') {
        while (this.i < this.src.length && this.peek() !== '\n') this.i++;
      } else break;
    }
  }

  /** Skip blanks, comments and newlines (reading pending here-documents at each newline). */
  protected skipNewlines(): void {
    for (;;) {
      this.skipSpace();
      if (this.peek() === '\n') this.newline();
      else break;
    }
  }

  protected newline(): void {
    this.i++;
    this.line++;
    if (this.heredocs.length) this.readHeredocs();
  }

  private readHeredocs(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) {
      let body = '';
      for (;;) {
        if (this.i >= this.src.length) break;
        let end = this.src.indexOf('\n', this.i);
        if (end < 0) end = this.src.length;
        let l = this.src.slice(this.i, end);
        this.i = Math.min(end + 1, this.src.length);
        this.line++;
        if (h.strip) l = l.replace(/^\t+/, '');
        if (l === h.delim) break;
        body += l + '\n';
      }
      h.redir.heredoc = h.quoted ? { parts: [{ t: 'lit', v: body, quoted: true }], raw: body } : this.child(body, this.bash).parseHeredocBody();
    }
  }

  /** Here-document bodies expand $, ` and \ but not quotes. */
  parseHeredocBody(): Word {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit, quoted: true });
      lit = '';
    };
    while (this.i < this.src.length) {
      const c = this.peek();
      if (c === '\\' && '$`\\\n'.includes(this.peek(1))) {
        if (this.peek(1) !== '\n') lit += this.peek(1);
        this.i += 2;
      } else if (c === '$' || c === '`') {
        flush();
        parts.push(this.parseDollarOrBackquote(true));
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    return { parts, raw: this.src };
  }

  protected unexpected(): never {
    const rest = this.src.slice(this.i);
    if (!rest.trim()) throw new ShellSyntaxError('syntax error: unexpected end of file', this.line);
    const tok = rest.match(/^(;;|&&|\|\||[;&|()<>]|[^\s;&|()<>]+)/)?.[0] ?? rest[0];
    throw new ShellSyntaxError(`syntax error: unexpected "${tok}"`, this.line);
  }

  /** The next bare word without consuming it (for reserved-word checks). */
  protected peekWord(): string | undefined {
    this.skipSpace();
    const m = this.src.slice(this.i).match(/^[^\s;&|()<>'"`$\\]+/);
    if (!m) return undefined;
    const next = this.src[this.i + m[0].length];
    if (next !== undefined && !/[\s;&|()<>]/.test(next)) return undefined;
    return m[0];
  }

  protected eatWord(w: string): boolean {
    if (this.peekWord() === w) {
      this.i += w.length;
      return true;
    }
    return false;
  }

  protected expectWord(w: string): void {
    if (!this.eatWord(w)) this.unexpected();
  }

  protected eatOp(op: string): boolean {
    this.skipSpace();
    if (this.src.startsWith(op, this.i)) {
      // don't take `;` out of `;;`, `&` out of `&&`, `|` out of `||`
      if ((op === ';' || op === '&' || op === '|') && this.peek(1) === op) return false;
      this.i += op.length;
      return true;
    }
    return false;
  }

  // ---- words ----

  /** One shell word with its quoting structure; undefined when at an operator or end. */
  parseWord(): Word | undefined {
    const start = this.i;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (quoted = false) => {
      if (lit) parts.push({ t: 'lit', v: lit, quoted });
      lit = '';
    };
    while (this.i < this.src.length) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || OPERATOR_CHARS.has(c)) break;
      if (c === '\\') {
        if (this.peek(1) === '\n') {
          this.i += 2;
          this.line++;
          continue;
        }
        flush();
        parts.push({ t: 'lit', v: this.peek(1), quoted: true });
        this.i += 2;
      } else if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string', this.line);
        const v = this.src.slice(this.i + 1, end);
        this.line += v.split('\n').length - 1;
        parts.push({ t: 'lit', v, quoted: true });
        this.i = end + 1;
      } else if (c === '"') {
        flush();
        this.i++;
        const before = parts.length;
        this.parseDoubleQuoted(parts);
        if (parts.length === before) parts.push({ t: 'lit', v: '', quoted: true });
      } else if (c === '$' || c === '`') {
        const next = this.peek(1);
        if (c === '$' && !/[A-Za-z0-9_{(@*#?$!\-]/.test(next)) {
          lit += c;
          this.i++;
          continue;
        }
        flush();
        parts.push(this.parseDollarOrBackquote(false));
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    if (this.i === start) return undefined;
    return { parts, raw: this.src.slice(start, this.i) };
  }

  private parseDoubleQuoted(parts: WordPart[]): void {
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit, quoted: true });
      lit = '';
    };
    for (;;) {
      if (this.i >= this.src.length) throw new ShellSyntaxError('syntax error: unterminated quoted string', this.line);
      const c = this.peek();
      if (c === '"') {
        this.i++;
        break;
      }
      if (c === '\\' && '$`"\\\n'.includes(this.peek(1))) {
        if (this.peek(1) === '\n') this.line++;
        else lit += this.peek(1);
        this.i += 2;
      } else if ((c === '$' && /[A-Za-z0-9_{(@*#?$!\-]/.test(this.peek(1))) || c === '`') {
        flush();
        parts.push(this.parseDollarOrBackquote(true));
      } else {
        if (c === '\n') this.line++;
        lit += c;
        this.i++;
      }
    }
    flush();
  }

  private parseDollarOrBackquote(quoted: boolean): WordPart {
    if (this.peek() === '`') {
      let j = this.i + 1;
      let body = '';
      while (j < this.src.length && this.src[j] !== '`') {
        if (this.src[j] === '\\' && '$`\\'.includes(this.src[j + 1])) {
          body += this.src[j + 1];
          j += 2;
        } else body += this.src[j++];
      }
      if (j >= this.src.length) throw new ShellSyntaxError('syntax error: unterminated quoted string', this.line);
      this.i = j + 1;
      return { t: 'cmdsub', body: this.parseCommands(body, this.bash), quoted };
    }
    // at '$'
    this.i++;
    const c = this.peek();
    if (c === '(' && this.peek(1) === '(') {
      this.i += 2;
      let depth = 0;
      const start = this.i;
      while (this.i < this.src.length) {
        if (this.peek() === '(') depth++;
        else if (this.peek() === ')') {
          if (depth === 0 && this.peek(1) === ')') break;
          depth--;
        }
        this.i++;
      }
      if (this.i >= this.src.length) throw new ShellSyntaxError('syntax error: unterminated quoted string', this.line);
      const expr = this.child(this.src.slice(start, this.i), this.bash).parseHeredocBody();
      this.i += 2;
      return { t: 'arith', expr, quoted };
    }
    if (c === '(') {
      this.i++;
      const body = this.parseList(new Set([')']));
      this.skipNewlines();
      if (this.peek() !== ')') throw new ShellSyntaxError('syntax error: unexpected end of file (expecting ")")', this.line);
      this.i++;
      return { t: 'cmdsub', body, quoted };
    }
    if (c === '{') {
      this.i++;
      let name = '';
      if (this.peek() === '#' && this.peek(1) !== '}') {
        this.i++;
        name = this.readParamName();
        if (this.peek() !== '}') throw new ShellSyntaxError('syntax error: bad substitution', this.line);
        this.i++;
        return { t: 'param', name, op: 'length', quoted };
      }
      name = this.readParamName();
      if (!name) throw new ShellSyntaxError('syntax error: bad substitution', this.line);
      // bash adds ${x/pat/rep}, ${x//pat/rep}, ${x:off:len} and ${x^^}/${x,,} case changes.
      const m = this.src.slice(this.i).match(this.bash ? /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/|\^\^|\^|,,|,|:)/ : /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%)/);
      if (this.peek() === '}') {
        this.i++;
        return { t: 'param', name, quoted };
      }
      if (!m) throw new ShellSyntaxError('syntax error: bad substitution', this.line);
      this.i += m[0].length;
      // the argument runs to the matching brace
      let depth = 0;
      const start = this.i;
      while (this.i < this.src.length) {
        const ch = this.peek();
        if (ch === '\\') {
          this.i += 2;
          continue;
        }
        if (ch === '{') depth++;
        if (ch === '}') {
          if (depth === 0) break;
          depth--;
        }
        this.i++;
      }
      if (this.i >= this.src.length) throw new ShellSyntaxError('syntax error: missing }', this.line);
      const argSrc = this.src.slice(start, this.i);
      this.i++;
      if (m[0] === '/' || m[0] === '//') {
        // pattern/replacement: split at the first unescaped slash
        let k = 0;
        while (k < argSrc.length && argSrc[k] !== '/') k += argSrc[k] === '\\' ? 2 : 1;
        const pat = this.child(argSrc.slice(0, k), true).parseParamArg();
        const repl = k < argSrc.length ? this.child(argSrc.slice(k + 1), true).parseParamArg() : { parts: [], raw: '' };
        return { t: 'param', name, op: m[0], arg: pat, arg2: repl, quoted };
      }
      const argParser = this.child(argSrc, this.bash);
      const arg = argParser.parseParamArg();
      return { t: 'param', name, op: m[0], arg, quoted };
    }
    const name = this.readParamName();
    return { t: 'param', name, quoted };
  }

  /** ${x:-word}: the word may contain quotes and expansions but not field-splitting operators. */
  parseParamArg(): Word {
    const parts: WordPart[] = [];
    while (this.i < this.src.length) {
      const w = this.parseWordAllowSpaces();
      parts.push(...w);
    }
    return { parts, raw: this.src };
  }

  private parseWordAllowSpaces(): WordPart[] {
    const c = this.peek();
    if (c === ' ' || c === '\t' || OPERATOR_CHARS.has(c)) {
      this.i++;
      return [{ t: 'lit', v: c, quoted: false }];
    }
    return this.parseWord()?.parts ?? [];
  }

  private readParamName(): string {
    const c = this.peek();
    if (/[@*#?$!\-0-9]/.test(c)) {
      this.i++;
      return c;
    }
    const m = this.src.slice(this.i).match(/^[A-Za-z_][A-Za-z0-9_]*/);
    if (!m) return '';
    this.i += m[0].length;
    return m[0];
  }
}
