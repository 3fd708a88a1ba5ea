/**
 * A recursive-descent parser for POSIX sh with ash's error messages. It works on characters rather
 * than a separate token stream because shell tokenisation depends on context (reserved words only
 * in command position, here-documents read after the next newline, `$(...)` nesting).
 *
 * Errors are thrown as ShellSyntaxError with ash's wording: `sh: syntax error: unexpected "fi"`,
 * `sh: syntax error: unterminated quoted string`, `sh: syntax error: unexpected end of file`.
 *
 * `{ bash: true }` (the workstation's bash) adds bash's own syntax: here-strings `<<< word`,
 * `&>`/`&>>`, `[[ … ]]`, `(( … ))` and `function NAME { … }`. Without it those are errors, as in
 * the containers' ash and dash.
 */
import type { Command, List, Redir, Word, WordPart } from './ast';

export class ShellSyntaxError extends Error {
  constructor(message: string, public readonly line: number) {
    super(message);
  }
}

export interface ParseOptions {
  /** bash's extensions (see the comment at the top). */
  bash?: boolean;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);
const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')', '\n']);

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

export class Parser {
  private i = 0;
  private line = 1;
  private heredocs: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    private readonly bash = false,
  ) {}

  static parse(src: string, opts: ParseOptions = {}): List {
    const p = new Parser(src, !!opts.bash);
    const list = p.parseList(new Set());
    p.skipSpace();
    if (p.i < p.src.length) p.unexpected();
    return list;
  }

  // ---- low-level scanning ----

  private peek(off = 0): string {
    return this.src[this.i + off] ?? '';
  }

  private skipSpace(): void {
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
  private skipNewlines(): void {
    for (;;) {
      this.skipSpace();
      if (this.peek() === '\n') this.newline();
      else break;
    }
  }

  private newline(): void {
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
      h.redir.heredoc = h.quoted ? { parts: [{ t: 'lit', v: body, quoted: true }], raw: body } : new Parser(body, this.bash).parseHeredocBody();
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

  private unexpected(): never {
    const rest = this.src.slice(this.i);
    if (!rest.trim()) throw new ShellSyntaxError('syntax error: unexpected end of file', this.line);
    const tok = rest.match(/^(;;|&&|\|\||[;&|()<>]|[^\s;&|()<>]+)/)?.[0] ?? rest[0];
    throw new ShellSyntaxError(`syntax error: unexpected "${tok}"`, this.line);
  }

  /** The next bare word without consuming it (for reserved-word checks). */
  private peekWord(): string | undefined {
    this.skipSpace();
    const m = this.src.slice(this.i).match(/^[^\s;&|()<>'"`$\\]+/);
    if (!m) return undefined;
    const next = this.src[this.i + m[0].length];
    if (next !== undefined && !/[\s;&|()<>]/.test(next)) return undefined;
    return m[0];
  }

  private eatWord(w: string): boolean {
    if (this.peekWord() === w) {
      this.i += w.length;
      return true;
    }
    return false;
  }

  private expectWord(w: string): void {
    if (!this.eatWord(w)) this.unexpected();
  }

  private eatOp(op: string): boolean {
    this.skipSpace();
    if (this.src.startsWith(op, this.i)) {
      // don't take `;` out of `;;`, `&` out of `&&`, `|` out of `||`
      if ((op === ';' || op === '&' || op === '|') && this.peek(1) === op) return false;
      this.i += op.length;
      return true;
    }
    return false;
  }

  // ---- grammar ----

  /** A list ends at EOF or at one of the terminator words/ops given. */
  parseList(terminators: Set<string>): List {
    const items: List['items'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.i >= this.src.length) break;
      const w = this.peekWord();
      if (w !== undefined && terminators.has(w)) break;
      if (this.peek() === ')' && terminators.has(')')) break;
      if (this.src.startsWith(';;', this.i) && terminators.has(';;')) break;
      const cmd = this.parseAndOr();
      let async = false;
      this.skipSpace();
      if (this.eatOp('&')) async = true;
      else if (this.eatOp(';')) {
        /* sequential */
      } else if (this.peek() === '\n') {
        this.newline();
      } else if (this.i < this.src.length) {
        const w2 = this.peekWord();
        const atTerm = (w2 !== undefined && terminators.has(w2)) || (this.peek() === ')' && terminators.has(')')) || (this.src.startsWith(';;', this.i) && terminators.has(';;'));
        if (!atTerm) this.unexpected();
      }
      items.push({ cmd, async });
    }
    return { items };
  }

  private parseAndOr(): Command {
    const first = this.parsePipeline();
    const rest: Array<{ op: '&&' | '||'; cmd: Command }> = [];
    for (;;) {
      this.skipSpace();
      let op: '&&' | '||' | undefined;
      if (this.src.startsWith('&&', this.i)) op = '&&';
      else if (this.src.startsWith('||', this.i)) op = '||';
      if (!op) break;
      this.i += 2;
      this.skipNewlines();
      rest.push({ op, cmd: this.parsePipeline() });
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  }

  private parsePipeline(): Command {
    let bang = false;
    if (this.eatWord('!')) bang = true;
    const cmds = [this.parseCommand()];
    for (;;) {
      this.skipSpace();
      if (this.peek() === '|' && this.peek(1) !== '|') {
        this.i++;
        this.skipNewlines();
        cmds.push(this.parseCommand());
      } else break;
    }
    return cmds.length === 1 && !bang ? cmds[0] : { t: 'pipeline', cmds, bang };
  }

  private parseCommand(): Command {
    this.skipSpace();
    const w = this.peekWord();
    let cmd: Command | undefined;
    if (this.bash && w === '[[') cmd = this.parseCond();
    else if (this.bash && this.src.startsWith('((', this.i) && this.arithEnd() > 0) cmd = this.parseArithCommand();
    else if (this.bash && w === 'function') cmd = this.parseFunctionKeyword();
    else if (w === 'if') cmd = this.parseIf();
    else if (w === 'while' || w === 'until') cmd = this.parseWhile(w === 'until');
    else if (w === 'for') cmd = this.parseFor();
    else if (w === 'case') cmd = this.parseCase();
    else if (w === '{') {
      this.i++;
      const body = this.parseList(new Set(['}']));
      this.expectWord('}');
      cmd = { t: 'group', body, redirs: [] };
    } else if (this.peek() === '(') {
      this.i++;
      const body = this.parseList(new Set([')']));
      this.skipNewlines();
      if (this.peek() !== ')') this.unexpected();
      this.i++;
      cmd = { t: 'subshell', body, redirs: [] };
    } else if (w !== undefined && RESERVED.has(w)) {
      this.unexpected();
    }
    if (cmd) {
      if ('redirs' in cmd) this.parseRedirs(cmd.redirs);
      return cmd;
    }
    return this.parseSimple();
  }

  private parseRedirs(into: Redir[]): void {
    for (;;) {
      this.skipSpace();
      const r = this.tryRedir();
      if (!r) return;
      into.push(r);
    }
  }

  private tryRedir(): Redir | undefined {
    if (this.bash) {
      const b = this.src.slice(this.i).match(/^(?:(\d?)<<<|&>>|&>)/);
      if (b) {
        this.i += b[0].length;
        this.skipSpace();
        const target = this.parseWord();
        if (!target) this.unexpected();
        if (b[0].endsWith('<<<')) return { fd: b[1] ? Number(b[1]) : 0, op: '<<<', target };
        // `&> file` is `> file 2>&1`; the second redirection rides along on the first.
        return { fd: 1, op: b[0] === '&>>' ? '>>' : '>', target, alsoStderr: true };
      }
    }
    const m = this.src.slice(this.i).match(/^(\d?)(<<-|<<|>>|>&|<&|>\||<>|<|>)/);
    if (!m) return undefined;
    this.i += m[0].length;
    const op = m[2] as Redir['op'];
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    this.skipSpace();
    const target = this.parseWord();
    if (!target) this.unexpected();
    const r: Redir = { fd, op, target };
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p) => p.t === 'lit' && p.quoted);
      const delim = target.parts.map((p) => (p.t === 'lit' ? p.v : '')).join('');
      this.heredocs.push({ redir: r, delim, strip: op === '<<-', quoted });
    }
    return r;
  }

  private parseSimple(): Command {
    const line = this.line;
    const assigns: Array<{ name: string; value: Word }> = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (!c || c === '\n' || c === ';' || (c === '&' && !(this.bash && this.peek(1) === '>')) || c === '|' || c === ')') break;
      if (c === '(' ) {
        // `name() { ...; }` function definition
        if (words.length === 1 && assigns.length === 0 && this.src.startsWith('()', this.i) ) {
          this.i += 2;
          this.skipNewlines();
          const body = this.parseCommand();
          const name = words[0].raw;
          return { t: 'func', name, body };
        }
        this.unexpected();
      }
      const r = this.tryRedir();
      if (r) {
        redirs.push(r);
        continue;
      }
      const start = this.i;
      const w = this.parseWord();
      if (!w) this.unexpected();
      if (words.length === 0) {
        const am = w.raw.match(/^([A-Za-z_][A-Za-z0-9_]*)=/);
        if (am) {
          this.i = start + am[0].length;
          const value = this.parseWord() ?? { parts: [], raw: '' };
          assigns.push({ name: am[1], value });
          continue;
        }
      }
      words.push(w);
      // `f ()` with a space before the parentheses
      if (words.length === 1 && assigns.length === 0) {
        const save = this.i;
        this.skipSpace();
        if (this.src.startsWith('()', this.i)) {
          this.i += 2;
          this.skipNewlines();
          return { t: 'func', name: w.raw, body: this.parseCommand() };
        }
        this.i = save;
      }
    }
    if (!words.length && !assigns.length && !redirs.length) this.unexpected();
    return { t: 'simple', assigns, words, redirs, line };
  }

  private parseIf(): Command {
    this.expectWord('if');
    const clauses: Array<{ cond: List; body: List }> = [];
    let elseBody: List | undefined;
    const cond = this.parseList(new Set(['then']));
    this.expectWord('then');
    clauses.push({ cond, body: this.parseList(new Set(['elif', 'else', 'fi'])) });
    for (;;) {
      if (this.eatWord('elif')) {
        const c = this.parseList(new Set(['then']));
        this.expectWord('then');
        clauses.push({ cond: c, body: this.parseList(new Set(['elif', 'else', 'fi'])) });
      } else if (this.eatWord('else')) {
        elseBody = this.parseList(new Set(['fi']));
      } else break;
    }
    this.expectWord('fi');
    return { t: 'if', clauses, else: elseBody, redirs: [] };
  }

  private parseWhile(until: boolean): Command {
    this.i += until ? 5 : 5;
    const cond = this.parseList(new Set(['do']));
    this.expectWord('do');
    const body = this.parseList(new Set(['done']));
    this.expectWord('done');
    return { t: 'while', until, cond, body, redirs: [] };
  }

  private parseFor(): Command {
    this.expectWord('for');
    this.skipSpace();
    const name = this.src.slice(this.i).match(/^[A-Za-z_][A-Za-z0-9_]*/)?.[0];
    if (!name) this.unexpected();
    this.i += name.length;
    let items: Word[] | undefined;
    this.skipSpace();
    if (this.peek() === ';') this.i++;
    this.skipNewlines();
    if (this.eatWord('in')) {
      items = [];
      for (;;) {
        this.skipSpace();
        const c = this.peek();
        if (!c || c === ';' || c === '\n') break;
        const w = this.parseWord();
        if (!w) this.unexpected();
        items.push(w);
      }
      if (this.peek() === ';') this.i++;
    }
    this.skipNewlines();
    this.expectWord('do');
    const body = this.parseList(new Set(['done']));
    this.expectWord('done');
    return { t: 'for', name, items, body, redirs: [] };
  }

  private parseCase(): Command {
    this.expectWord('case');
    this.skipSpace();
    const word = this.parseWord();
    if (!word) this.unexpected();
    this.skipNewlines();
    this.expectWord('in');
    const items: Array<{ patterns: Word[]; body: List }> = [];
    for (;;) {
      this.skipNewlines();
      if (this.eatWord('esac')) break;
      if (this.peek() === '(') this.i++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipSpace();
        const p = this.parseWord();
        if (!p) this.unexpected();
        patterns.push(p);
        this.skipSpace();
        if (this.peek() === '|') {
          this.i++;
          continue;
        }
        if (this.peek() === ')') {
          this.i++;
          break;
        }
        this.unexpected();
      }
      const body = this.parseList(new Set([';;', 'esac']));
      items.push({ patterns, body });
      this.skipNewlines();
      if (this.src.startsWith(';;', this.i)) this.i += 2;
      else if (this.peekWord() !== 'esac') this.unexpected();
    }
    return { t: 'case', word, items, redirs: [] };
  }

  // ---- bash's compound commands ----

  /** `[[ … ]]`: words and the operators `&& || ! ( ) < >`, up to `]]`; no splitting or globbing later. */
  private parseCond(): Command {
    const line = this.line;
    this.i += 2;
    const items: Array<{ op: string } | { word: Word }> = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === '\n') {
        this.newline();
        continue;
      }
      if (this.i >= this.src.length) throw new ShellSyntaxError('syntax error: unexpected end of file', this.line);
      if (this.eatWord(']]')) break;
      const op = this.src.slice(this.i).match(/^(&&|\|\||[()<>!])/)?.[0];
      if (op && !(op === '!' && !/[\s]/.test(this.peek(1)))) {
        this.i += op.length;
        items.push({ op });
        continue;
      }
      if (this.peek() === ';' || this.peek() === '&' || this.peek() === '|') this.unexpected();
      const last = items[items.length - 1];
      // The right side of `=~` is a regular expression: its parentheses and `|` are its own.
      const w = last && 'word' in last && last.word.raw === '=~' ? this.parseRegexWord() : this.parseWord();
      if (!w) this.unexpected();
      items.push({ word: w });
    }
    return { t: 'cond', items, redirs: [], line };
  }

  /** `[[ x =~ RE ]]`: RE runs to a blank outside parentheses and quotes. */
  private parseRegexWord(): Word | undefined {
    const start = this.i;
    let depth = 0;
    while (this.i < this.src.length) {
      const c = this.peek();
      if (depth === 0 && (c === ' ' || c === '\t' || c === '\n')) break;
      if (c === '\\') this.i += 2;
      else if (c === "'" || c === '"') {
        const end = this.src.indexOf(c, this.i + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string', this.line);
        this.i = end + 1;
      } else {
        if (c === '(') depth++;
        else if (c === ')') depth--;
        this.i++;
      }
    }
    if (this.i === start) return undefined;
    const raw = this.src.slice(start, this.i);
    return { parts: new Parser(raw, true).parseParamArg().parts, raw };
  }

  /** Where the `))` closing an arithmetic command starting at `((` is; -1 when it is a subshell in a subshell. */
  private arithEnd(): number {
    let depth = 0;
    for (let j = this.i + 2; j < this.src.length; j++) {
      const c = this.src[j];
      if (c === '\n' || c === ';' || c === '&' && this.src[j + 1] !== '&') return -1;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return this.src[j + 1] === ')' ? j : -1;
        depth--;
      }
    }
    return -1;
  }

  private parseArithCommand(): Command {
    const end = this.arithEnd();
    const expr = new Parser(this.src.slice(this.i + 2, end), true).parseHeredocBody();
    this.i = end + 2;
    return { t: 'arith', expr, redirs: [] };
  }

  /** `function NAME { …; }` and `function NAME() { …; }`. */
  private parseFunctionKeyword(): Command {
    this.i += 'function'.length;
    this.skipSpace();
    const name = this.src.slice(this.i).match(/^[^\s;&|()<>'"`$\\]+/)?.[0];
    if (!name) this.unexpected();
    this.i += name.length;
    this.skipSpace();
    if (this.src.startsWith('()', this.i)) this.i += 2;
    this.skipNewlines();
    return { t: 'func', name, body: this.parseCommand() };
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
      return { t: 'cmdsub', body: Parser.parse(body, { bash: this.bash }), quoted };
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
      const expr = new Parser(this.src.slice(start, this.i), this.bash).parseHeredocBody();
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
        const pat = new Parser(argSrc.slice(0, k), true).parseParamArg();
        const repl = k < argSrc.length ? new Parser(argSrc.slice(k + 1), true).parseParamArg() : { parts: [], raw: '' };
        return { t: 'param', name, op: m[0], arg: pat, arg2: repl, quoted };
      }
      const argParser = new Parser(argSrc, this.bash);
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
