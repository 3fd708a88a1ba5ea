/**
 * The sliver of Python that `python -c` runs in Pod Lab: `print(...)` calls whose arguments are
 * literals (strings, numbers, True/False/None) and arithmetic on them, separated by `;` or
 * newlines. Enough for `python -c 'print("hello")'` in a lesson; anything else is reported as not
 * supported rather than guessed at, so a learner never sees a made-up result.
 */

export class Unsupported extends Error {}

type Value = string | number | boolean | null | { float: number };

/** Run a program text; returns what it prints. Throws Unsupported for anything beyond print(). */
export function runTrivial(src: string): string {
  let out = '';
  for (const raw of src.split(/[;\n]/)) {
    const stmt = raw.trim();
    if (!stmt || stmt.startsWith('#')) continue;
    const m = stmt.match(/^print\s*\((.*)\)$/s);
    if (!m) throw new Unsupported(stmt);
    const p = new Parser(m[1]);
    const args: Value[] = [];
    p.skip();
    while (!p.done()) {
      args.push(p.expr());
      p.skip();
      if (p.done()) break;
      p.expect(',');
      p.skip();
    }
    out += args.map(str).join(' ') + '\n';
  }
  return out;
}

function num(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v && typeof v === 'object') return v.float;
  throw new Unsupported('operand');
}

function isFloat(v: Value): boolean {
  return !!v && typeof v === 'object';
}

/** str(): Python prints floats with a decimal point (1.0) and booleans capitalised. */
function str(v: Value): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'object') return Number.isInteger(v.float) ? `${v.float}.0` : String(v.float);
  return String(v);
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  skip(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  expect(c: string): void {
    if (this.s[this.i] !== c) throw new Unsupported(this.s);
    this.i++;
  }

  expr(): Value {
    let v = this.term();
    for (;;) {
      this.skip();
      const c = this.s[this.i];
      if (c !== '+' && c !== '-') return v;
      this.i++;
      const r = this.term();
      if (c === '+' && typeof v === 'string' && typeof r === 'string') v = v + r;
      else v = arith(v, r, (a, b) => (c === '+' ? a + b : a - b));
    }
  }

  private term(): Value {
    let v = this.unary();
    for (;;) {
      this.skip();
      const two = this.s.slice(this.i, this.i + 2);
      const op = two === '//' || two === '**' ? two : this.s[this.i];
      if (op !== '*' && op !== '/' && op !== '//' && op !== '%' && op !== '**') return v;
      this.i += op.length;
      const r = this.unary();
      if (op === '*' && typeof v === 'string' && typeof r === 'number') v = v.repeat(Math.max(0, r));
      else if (op === '/') {
        if (num(r) === 0) throw new Unsupported('ZeroDivisionError');
        v = { float: num(v) / num(r) };
      } else if (op === '//' || op === '%') {
        if (num(r) === 0) throw new Unsupported('ZeroDivisionError');
        const q = Math.floor(num(v) / num(r));
        v = arith(v, r, (a, b) => (op === '//' ? q : a - b * q));
      } else v = arith(v, r, (a, b) => (op === '*' ? a * b : a ** b));
    }
  }

  private unary(): Value {
    this.skip();
    if (this.s[this.i] === '-') {
      this.i++;
      const v = this.unary();
      return isFloat(v) ? { float: -num(v) } : -num(v);
    }
    return this.atom();
  }

  private atom(): Value {
    this.skip();
    const rest = this.s.slice(this.i);
    const q = rest[0];
    if (q === '"' || q === "'") {
      let out = '';
      let j = 1;
      for (; j < rest.length && rest[j] !== q; j++) {
        if (rest[j] === '\\' && j + 1 < rest.length) {
          const e = rest[++j];
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else out += rest[j];
      }
      if (j >= rest.length) throw new Unsupported(rest);
      this.i += j + 1;
      return out;
    }
    if (q === '(') {
      this.i++;
      const v = this.expr();
      this.skip();
      this.expect(')');
      return v;
    }
    const n = rest.match(/^\d+(\.\d*)?/);
    if (n) {
      this.i += n[0].length;
      return n[1] !== undefined ? { float: Number(n[0]) } : Number(n[0]);
    }
    const w = rest.match(/^(True|False|None)\b/);
    if (w) {
      this.i += w[0].length;
      return w[1] === 'None' ? null : w[1] === 'True';
    }
    throw new Unsupported(rest);
  }
}

function arith(a: Value, b: Value, f: (x: number, y: number) => number): Value {
  if (typeof a === 'string' || typeof b === 'string' || a === null || b === null) throw new Unsupported('operand');
  const r = f(num(a), num(b));
  return isFloat(a) || isFloat(b) ? { float: r } : r;
}
