/**
 * A recursive-descent parser for POSIX sh with ash's error messages. It works on characters rather
 * than a separate token stream because shell tokenisation depends on context (reserved words only
 * in command position, here-documents read after the next newline, `$(...)` nesting).
 *
 * Errors are thrown as ShellSyntaxError with ash's wording: `sh: syntax error: unexpected "fi"`,
 * `sh: syntax error: unterminated quoted string`, `sh: syntax error: unexpected end of file`.
 *
 * Words, quoting and expansions are read by ./word-scanner.ts, which this class extends.
 *
 * `{ bash: true }` (the workstation's bash) adds bash's own syntax: here-strings `<<< word`,
 * `&>`/`&>>`, `[[ … ]]`, `(( … ))` and `function NAME { … }`. Without it those are errors, as in
 * the containers' ash and dash.
 */
import type { Command, List, Redir, Word } from './ast';
import { ShellSyntaxError, WordScanner } from './word-scanner';

export { ShellSyntaxError } from './word-scanner';

export interface ParseOptions {
  /** bash's extensions (see the comment at the top). */
  bash?: boolean;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);

export class Parser extends WordScanner {
  static parse(src: string, opts: ParseOptions = {}): List {
    const p = new Parser(src, !!opts.bash);
    const list = p.parseList(new Set());
    p.skipSpace();
    if (p.i < p.src.length) p.unexpected();
    return list;
  }

  protected parseCommands(src: string, bash: boolean): List {
    return Parser.parse(src, { bash });
  }

  protected child(src: string, bash: boolean): Parser {
    return new Parser(src, bash);
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
}
