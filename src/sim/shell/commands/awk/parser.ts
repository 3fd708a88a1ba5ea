/**
 * Tokens → syntax tree, by recursive descent over the POSIX awk grammar. Precedence, lowest
 * first: assignment, ?:, ||, &&, in, ~ !~, comparisons, concatenation, + -, * / %, unary + - !,
 * ^ (right-associative, so -2^2 is -4), ++ --, $. Inside an unparenthesised print argument list
 * '>' is the output redirection, not a comparison. Names used as a function's parameters are
 * resolved to local slots here, so the interpreter never looks them up by name.
 */
import type { AwkProgram, Expr, LValue, Output, Rule, Stmt, VarRef } from './ast';
import { AwkError, EMSG, tokenize, type Tok } from './lexer';

export function parseProgram(sources: string[]): AwkProgram {
  const prog: AwkProgram = { begin: [], end: [], rules: [], funcs: new Map() };
  for (const src of sources) new Parser(tokenize(src), prog).program();
  return prog;
}

class Parser {
  private i = 0;
  /** Parameters of the function being parsed. */
  private params: string[] = [];
  /** Depth of unparenthesised print argument lists, where '>' redirects. */
  private noGt = false;

  constructor(
    private readonly toks: Tok[],
    private readonly prog: AwkProgram,
  ) {}

  private get t(): Tok {
    return this.toks[this.i];
  }

  private peek(n = 1): Tok {
    return this.toks[Math.min(this.i + n, this.toks.length - 1)];
  }

  private is(s: string, k: Tok['k'] = 'op'): boolean {
    return this.t.k === k && this.t.s === s;
  }

  private fail(t: Tok = this.t): never {
    throw new AwkError(t.k === 'nl' || t.k === 'eof' ? EMSG.unexpEos : EMSG.unexpToken, t.line);
  }

  private expect(s: string, k: Tok['k'] = 'op'): Tok {
    if (!this.is(s, k)) this.fail();
    return this.toks[this.i++];
  }

  private accept(s: string, k: Tok['k'] = 'op'): boolean {
    if (!this.is(s, k)) return false;
    this.i++;
    return true;
  }

  private nls(): void {
    while (this.t.k === 'nl') this.i++;
  }

  /** Statement separators: newlines and semicolons. */
  private seps(): void {
    while (this.t.k === 'nl' || this.is(';')) this.i++;
  }

  program(): void {
    for (this.seps(); this.t.k !== 'eof'; this.seps()) {
      if (this.accept('BEGIN', 'kw')) {
        this.nls();
        this.prog.begin.push(...this.block());
      } else if (this.accept('END', 'kw')) {
        this.nls();
        this.prog.end.push(...this.block());
      } else if (this.is('function', 'kw') || this.is('func', 'kw')) {
        this.func();
      } else if (this.is('{')) {
        this.prog.rules.push({ body: this.block() });
      } else {
        const rule: Rule = { pattern: this.expr() };
        if (this.accept(',')) {
          this.nls();
          rule.end = this.expr();
        }
        if (this.is('{')) rule.body = this.block();
        else if (this.t.k !== 'nl' && (this.t.k as string) !== 'eof' && !this.is(';')) this.fail();
        this.prog.rules.push(rule);
      }
    }
  }

  private func(): void {
    this.i++;
    const nameTok = this.t;
    if (nameTok.k !== 'funcname' && nameTok.k !== 'name') this.fail();
    this.i++;
    this.expect('(');
    const params: string[] = [];
    while (!this.accept(')')) {
      if (this.t.k !== 'name') this.fail();
      params.push(this.t.s);
      this.i++;
      this.nls();
      if (!this.is(')')) {
        this.expect(',');
        this.nls();
      }
    }
    this.params = params;
    this.nls();
    const body = this.block();
    this.params = [];
    this.prog.funcs.set(nameTok.s, { name: nameTok.s, params, body });
  }

  private block(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    for (this.seps(); !this.accept('}'); this.seps()) {
      if (this.t.k === 'eof') this.fail();
      body.push(this.stmt());
    }
    return body;
  }

  /** A statement ends at a newline, ';', or before '}' / eof. */
  private endSimple(): void {
    if (this.t.k === 'nl' || this.is(';')) {
      this.i++;
      return;
    }
    if (this.is('}') || this.t.k === 'eof') return;
    this.fail();
  }

  /** The body of if/while/for: a statement, possibly after newlines; `;` alone is empty. */
  private body(): Stmt {
    this.nls();
    if (this.accept(';')) return { k: 'block', body: [], line: this.t.line };
    return this.stmt();
  }

  private stmt(): Stmt {
    const t = this.t;
    const line = t.line;
    if (this.is('{')) return { k: 'block', body: this.block(), line };
    if (t.k === 'kw') {
      switch (t.s) {
        case 'if': {
          this.i++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          const then = this.body();
          // `else` may follow on the next line or after a `;`.
          const save = this.i;
          this.seps();
          if (this.accept('else', 'kw')) return { k: 'if', c, t: then, f: this.body(), line };
          this.i = save;
          return { k: 'if', c, t: then, line };
        }
        case 'while': {
          this.i++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          if (this.accept(';')) return { k: 'while', c, body: { k: 'block', body: [], line }, line };
          return { k: 'while', c, body: this.body(), line };
        }
        case 'do': {
          this.i++;
          const body = this.body();
          this.seps();
          this.expect('while', 'kw');
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          this.endSimple();
          return { k: 'do', body, c, line };
        }
        case 'for':
          return this.forStmt();
        case 'break':
        case 'continue':
        case 'next':
        case 'nextfile':
          this.i++;
          this.endSimple();
          return { k: t.s, line };
        case 'exit':
        case 'return': {
          this.i++;
          const e = this.atSimpleEnd() ? undefined : this.expr();
          this.endSimple();
          return { k: t.s, e, line };
        }
        case 'delete': {
          this.i++;
          const name = this.t;
          if (name.k !== 'name') this.fail();
          this.i++;
          let subs: Expr[] | undefined;
          if (this.accept('[')) subs = this.subscripts();
          this.endSimple();
          return { k: 'delete', ref: this.ref(name.s), subs, line };
        }
        case 'print':
        case 'printf':
          return this.print();
      }
    }
    const e = this.expr();
    this.endSimple();
    return { k: 'expr', e, line };
  }

  private atSimpleEnd(): boolean {
    return this.t.k === 'nl' || this.t.k === 'eof' || this.is(';') || this.is('}');
  }

  private forStmt(): Stmt {
    const line = this.t.line;
    this.i++;
    this.expect('(');
    // for (k in a): look ahead for NAME in NAME ')'.
    if (this.t.k === 'name' && this.peek().k === 'kw' && this.peek().s === 'in' && this.peek(2).k === 'name' && this.peek(3).s === ')') {
      const v = this.ref(this.t.s);
      const arr = this.ref(this.peek(2).s);
      this.i += 4;
      return { k: 'forin', v, arr, body: this.body(), line };
    }
    const init = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.nls();
    const c = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.nls();
    const step = this.is(')') ? undefined : this.expr();
    this.expect(')');
    return { k: 'for', init, c, step, body: this.body(), line };
  }

  private print(): Stmt {
    const line = this.t.line;
    const k = this.t.s as 'print' | 'printf';
    this.i++;
    let args: Expr[] = [];
    const stop = () => this.atSimpleEnd() || this.is('>') || this.is('>>') || this.is('|');
    if (!stop()) {
      // `print (a, b) > "f"`: a parenthesised list is the argument list, not a grouping.
      const save = this.i;
      let grouped = false;
      if (this.is('(')) {
        this.i++;
        const list = this.exprList(')');
        if (stop()) {
          args = list;
          grouped = true;
        } else this.i = save;
      }
      if (!grouped) {
        const prev = this.noGt;
        this.noGt = true;
        args = this.exprList();
        this.noGt = prev;
      }
    }
    let out: Output | undefined;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const mode = this.t.s as Output['mode'];
      this.i++;
      // The destination is a concatenation-level expression (no comparison).
      out = { mode, e: this.concat() };
    }
    this.endSimple();
    return { k, args, out, line };
  }

  /** Comma-separated expressions, up to `close` (consumed) or the end of the statement. */
  private exprList(close?: string): Expr[] {
    const list: Expr[] = [];
    if (close && this.accept(close)) return list;
    for (;;) {
      list.push(this.expr());
      if (!this.accept(',')) break;
      this.nls();
    }
    if (close) this.expect(close);
    return list;
  }

  private subscripts(): Expr[] {
    const prev = this.noGt;
    this.noGt = false;
    const subs = this.exprList(']');
    this.noGt = prev;
    return subs;
  }

  private ref(name: string): VarRef {
    const local = this.params.indexOf(name);
    return local >= 0 ? { name, local } : { name };
  }

  expr(): Expr {
    const lhs = this.ternary();
    const t = this.t;
    if (t.k === 'op' && /^(=|\+=|-=|\*=|\/=|%=|\^=)$/.test(t.s) && isLValue(lhs)) {
      this.i++;
      this.nls();
      return { k: 'assign', op: t.s, target: lhs, e: this.expr() };
    }
    return lhs;
  }

  private ternary(): Expr {
    const c = this.or();
    if (!this.accept('?')) return c;
    this.nls();
    const a = this.expr();
    this.nls();
    this.expect(':');
    this.nls();
    return { k: 'cond', c, a, b: this.expr() };
  }

  private or(): Expr {
    let a = this.and();
    while (this.accept('||')) {
      this.nls();
      a = { k: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.accept('&&')) {
      this.nls();
      a = { k: 'and', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.is('in', 'kw')) {
      this.i++;
      const name = this.t;
      if (name.k !== 'name') this.fail();
      this.i++;
      a = { k: 'in', subs: [a], ref: this.ref(name.s) };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.comparison();
    while (this.is('~') || this.is('!~')) {
      const neg = this.t.s === '!~';
      this.i++;
      a = { k: 'match', neg, a, re: this.comparison() };
    }
    return a;
  }

  private comparison(): Expr {
    let a = this.concat();
    // `"cmd" | getline [var]`: parsed so the interpreter can say pipes are not supported.
    while (this.is('|') && this.peek().k === 'kw' && this.peek().s === 'getline') {
      this.i += 2;
      const target = this.t.k === 'name' || this.is('$') ? this.getlineTarget() : undefined;
      a = { k: 'getline', cmd: a, target };
    }
    const t = this.t;
    if (t.k === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.s) && !(t.s === '>' && this.noGt)) {
      this.i++;
      return { k: 'cmp', op: t.s, a, b: this.concat() };
    }
    return a;
  }

  /** Can this token start an operand that continues a concatenation? */
  private startsConcat(): boolean {
    const t = this.t;
    if (t.k === 'num' || t.k === 'str' || t.k === 'ere' || t.k === 'name' || t.k === 'funcname' || t.k === 'builtin') return true;
    if (t.k === 'kw') return false;
    // Not '-' or '+': `a -1` is a subtraction, which additive() has already taken.
    return t.k === 'op' && (t.s === '$' || t.s === '(' || t.s === '++' || t.s === '--');
  }

  private concat(): Expr {
    let a = this.additive();
    while (this.startsConcat()) {
      a = { k: 'cat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.mul();
    while (this.is('+') || this.is('-')) {
      const op = this.t.s;
      this.i++;
      a = { k: 'bin', op, a, b: this.mul() };
    }
    return a;
  }

  private mul(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.t.s;
      this.i++;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.t.s;
      this.i++;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.pow();
  }

  private pow(): Expr {
    const a = this.incdec();
    if (this.accept('^')) {
      // Right-associative, and the exponent may carry its own sign: 2^-1.
      const b = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.pow();
      return { k: 'bin', op: '^', a, b };
    }
    return a;
  }

  private incdec(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.t.s as '++' | '--';
      this.i++;
      const target = this.incdec();
      if (!isLValue(target)) this.fail();
      return { k: 'incdec', op, prefix: true, target };
    }
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && isLValue(e)) {
      const op = this.t.s as '++' | '--';
      this.i++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.t;
    switch (t.k) {
      case 'num':
        this.i++;
        return { k: 'num', v: t.n! };
      case 'str':
        this.i++;
        return { k: 'str', v: t.s };
      case 'ere':
        this.i++;
        return { k: 're', src: t.s };
      case 'name':
        this.i++;
        if (this.accept('[')) return { k: 'idx', ref: this.ref(t.s), subs: this.subscripts() };
        return { k: 'var', ref: this.ref(t.s) };
      case 'funcname': {
        this.i++;
        this.expect('(');
        return { k: 'call', name: t.s, args: this.callArgs(), line: t.line };
      }
      case 'builtin': {
        this.i++;
        if (this.accept('(')) return { k: 'builtin', name: t.s, args: this.callArgs(), line: t.line };
        // `length` without parentheses is length($0); the other builtins need their list.
        if (t.s === 'length') return { k: 'builtin', name: t.s, args: [], line: t.line };
        return this.fail();
      }
      case 'kw':
        if (t.s === 'getline') {
          this.i++;
          const target = this.t.k === 'name' || this.is('$') ? this.getlineTarget() : undefined;
          let file: Expr | undefined;
          if (this.accept('<')) file = this.incdecOperand();
          return { k: 'getline', target, file };
        }
        return this.fail();
      case 'op':
        if (t.s === '$') return this.field();
        if (t.s === '(') {
          this.i++;
          const prev = this.noGt;
          this.noGt = false;
          const list = this.exprList(')');
          this.noGt = prev;
          if (list.length === 1) return { k: 'group', e: list[0] };
          // `(a, b) in arr`: a parenthesised subscript list, only valid before `in`.
          if (!this.is('in', 'kw')) this.fail();
          this.i++;
          const name = this.t;
          if (name.k !== 'name') this.fail();
          this.i++;
          return { k: 'in', subs: list, ref: this.ref(name.s) };
        }
        return this.fail();
      default:
        return this.fail();
    }
  }

  /** `$expr`: binds tighter than everything but grouping, so `$i++` increments the field. */
  private field(): Expr {
    this.expect('$');
    if (this.is('++') || this.is('--') || this.is('-') || this.is('!')) {
      const op = this.t.s;
      this.i++;
      const e = this.primary();
      if (op === '-' || op === '!') return { k: 'field', e: { k: 'unary', op, e } };
      if (!isLValue(e)) this.fail();
      return { k: 'field', e: { k: 'incdec', op: op as '++' | '--', prefix: true, target: e } };
    }
    return { k: 'field', e: this.primary() };
  }

  private getlineTarget(): LValue {
    const e = this.t.k === 'name' ? this.primary() : this.field();
    if (!isLValue(e)) this.fail();
    return e;
  }

  /** What may follow `getline <`: a primary, so `getline < "f" > 0` compares the result. */
  private incdecOperand(): Expr {
    return this.primary();
  }

  private callArgs(): Expr[] {
    const prev = this.noGt;
    this.noGt = false;
    this.nls();
    const args = this.exprList(')');
    this.noGt = prev;
    return args;
  }
}

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'idx' || e.k === 'field';
}
