/**
 * Runs a parsed awk program against its input. Evaluation is a generator all the way down, so
 * `getline` can wait for a pipe and long loops can yield CPU charges (virtual time advances and
 * `BEGIN { while (1) ; }` can be killed like any busy process). Output goes to stdout as it is
 * produced, record by record. The builtin functions (./builtins.ts) and the input/output streams
 * (./io.ts) live beside it and use the members not marked private.
 */
import type { Process } from '../../../runtime/process';
import { Prng } from '../../../clock/prng';
import { stdoutBroken, type Gen } from '../util';
import { compile, RegexError } from '../regex';
import { AwkArray } from './array';
import type { AwkProgram, Expr, LValue, Stmt, VarRef } from './ast';
import { builtin, sprintf } from './builtins';
import { numToString } from './format';
import { AwkIO } from './io';
import { AwkError, AwkFatal, EMSG, unescape } from './lexer';
import { isNumeric, Strnum, toNum, toStr, truthy, type Val } from './values';

class NextRecord {}
class NextFile {}
class Exit {
  constructor(readonly code: number | undefined) {}
}
class Return {
  constructor(readonly v: Val) {}
}
class Break {}
class Continue {}

/** A function parameter bound to a caller's still-unused variable: becomes an array on first use as one. */
class Pending {
  constructor(
    readonly ref: VarRef,
    readonly frame: Slot[] | undefined,
  ) {}
}

type Slot = Val | AwkArray | Pending;

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/s;

export class Interpreter {
  readonly globals = new Map<string, Slot>();
  frame: Slot[] | undefined;
  record: Val = '';
  /** Fields 1..NF (index 0 unused), or null until $0 is next split. */
  private fields: Val[] | null = [undefined];
  private readonly regexCache = new Map<string, RegExp>();
  /** busybox starts with seed 1 (G.evaluate__seed = 1, glibc's default): the first srand() returns 1. */
  seed = 1;
  prng: Prng;
  private ticks = 0;
  private rangeActive: boolean[] = [];
  /** The statement being run: runtime errors report its line. */
  line = 0;
  /** Main input, getline files and print redirections (./io.ts). */
  readonly io: AwkIO;
  private exitCode = 0;

  constructor(
    readonly p: Process,
    private readonly prog: AwkProgram,
  ) {
    const g = this.globals;
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g', FILENAME: '' })) g.set(k, v);
    for (const k of ['NR', 'FNR', 'RSTART']) g.set(k, 0);
    g.set('RLENGTH', -1);
    const env = new AwkArray();
    for (const [k, v] of p.env) env.set(k, new Strnum(v));
    g.set('ENVIRON', env);
    this.prng = new Prng(this.seed);
    this.io = new AwkIO(this, p);
  }

  /** -v and operand assignments: the value is an escaped string that may look numeric. */
  assignVar(spec: string): boolean {
    if (!ASSIGNMENT.test(spec)) return false;
    const eq = spec.indexOf('=');
    this.setGlobal(spec.slice(0, eq), new Strnum(unescape(spec.slice(eq + 1))));
    return true;
  }

  setArgv(operands: string[]): void {
    const argv = new AwkArray();
    argv.set('0', 'awk');
    operands.forEach((a, i) => argv.set(String(i + 1), new Strnum(a)));
    this.globals.set('ARGV', argv);
    this.globals.set('ARGC', operands.length + 1);
  }

  *run(): Gen<number> {
    try {
      try {
        yield* this.block(this.prog.begin);
        if (this.prog.rules.length || this.prog.end.length) yield* this.mainLoop();
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        if (e.code !== undefined) this.exitCode = e.code;
      }
      try {
        yield* this.block(this.prog.end);
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        if (e.code !== undefined) this.exitCode = e.code;
      }
    } catch (e) {
      if (e instanceof NextRecord || e instanceof NextFile || e instanceof Break || e instanceof Continue || e instanceof Return) {
        // next in BEGIN/END or break outside a loop: busybox's parser rejects some; we just stop.
        return this.exitCode;
      }
      throw e;
    }
    return this.exitCode;
  }

  private *mainLoop(): Gen<void> {
    for (;;) {
      const rec = yield* this.io.nextMainRecord();
      if (rec === null) return;
      this.setRecord(rec);
      try {
        for (let r = 0; r < this.prog.rules.length; r++) {
          const rule = this.prog.rules[r];
          if (!(yield* this.matches(r))) continue;
          if (rule.body) yield* this.block(rule.body);
          else this.io.write(this.p.fds.stdout, toStr(this.record, '%.6g') + this.str(this.g('ORS')));
        }
      } catch (e) {
        if (e instanceof NextFile) this.io.skipFile();
        else if (!(e instanceof NextRecord)) throw e;
      }
      yield* this.tick();
    }
  }

  private *matches(r: number): Gen<boolean> {
    const rule = this.prog.rules[r];
    if (!rule.pattern) return true;
    if (!rule.end) return truthy(yield* this.ev(rule.pattern));
    // Range: on from a record matching the first pattern through one matching the second (maybe the same).
    if (!this.rangeActive[r]) {
      if (!truthy(yield* this.ev(rule.pattern))) return false;
      this.rangeActive[r] = true;
    }
    if (truthy(yield* this.ev(rule.end))) this.rangeActive[r] = false;
    return true;
  }

  rsRegex(): RegExp | undefined {
    const rs = this.str(this.g('RS'));
    return rs.length > 1 ? this.regex(rs, true) : undefined;
  }

  /** Charge CPU now and then, so long loops advance virtual time and stay preemptible. */
  private *tick(): Gen<void> {
    if (++this.ticks % 1000 !== 0) return;
    yield { op: 'cpu', ms: 1 };
    if (stdoutBroken(this.p)) throw new Exit(141);
  }

  // ---- variables -------------------------------------------------------------------------

  g(name: string): Val {
    const v = this.globals.get(name);
    return v instanceof AwkArray || v instanceof Pending ? undefined : v;
  }

  str(v: Val): string {
    return toStr(v, this.convfmt());
  }

  private convfmt(): string {
    const v = this.globals.get('CONVFMT');
    return typeof v === 'string' ? v : v instanceof Strnum ? v.s : '%.6g';
  }

  private setGlobal(name: string, v: Val): void {
    if (name === 'NF') return this.setNF(toNum(v));
    // The current record keeps the FS it was read with (POSIX); split it before FS changes.
    if (name === 'FS') this.splitIfNeeded();
    if (this.globals.get(name) instanceof AwkArray) throw new AwkError(`can't assign to ${name}; it's an array name.`, this.line);
    this.globals.set(name, v);
  }

  private getVar(ref: VarRef): Val {
    if (ref.local !== undefined) {
      const s = this.frame![ref.local];
      return s instanceof AwkArray || s instanceof Pending ? undefined : s;
    }
    if (ref.name === 'NF') {
      this.splitIfNeeded();
      return this.fields!.length - 1;
    }
    return this.g(ref.name);
  }

  private setVar(ref: VarRef, v: Val): void {
    if (ref.local !== undefined) this.frame![ref.local] = v;
    else this.setGlobal(ref.name, v);
  }

  array(ref: VarRef): AwkArray {
    if (ref.local !== undefined) {
      const s = this.frame![ref.local];
      if (s instanceof AwkArray) return s;
      const a = new AwkArray();
      if (s instanceof Pending) {
        // The caller's variable becomes this same array.
        if (s.ref.local !== undefined && s.frame) s.frame[s.ref.local] = a;
        else if (s.ref.local === undefined) this.globals.set(s.ref.name, a);
      }
      this.frame![ref.local] = a;
      return a;
    }
    const s = this.globals.get(ref.name);
    if (s instanceof AwkArray) return s;
    if (s !== undefined) throw new AwkError(EMSG.notArray, this.line);
    const a = new AwkArray();
    this.globals.set(ref.name, a);
    return a;
  }

  // ---- fields ----------------------------------------------------------------------------

  setRecord(s: string): void {
    this.record = new Strnum(s);
    this.fields = null;
  }

  private splitIfNeeded(): void {
    if (this.fields) return;
    this.fields = [undefined, ...this.splitText(this.str(this.record), this.str(this.g('FS'))).map((f) => new Strnum(f))];
  }

  /** Field splitting as busybox's awk_split: " " on blank runs, one character literally, longer FS as a regex. */
  splitText(s: string, fs: string, regexSep?: string): string[] {
    const paragraph = this.str(this.g('RS')) === '';
    if (regexSep === undefined && fs === ' ') return s.split(/[ \t\n\r\f\v]+/).filter((f) => f !== '');
    if (regexSep === undefined && fs === '') return [...s];
    if (s === '') return [];
    let src = regexSep ?? (fs.length === 1 ? fs.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : fs);
    // In paragraph mode a newline always separates fields too.
    if (paragraph) src = `(${src})|\\n`;
    const re = regexSep === undefined && fs.length === 1 && !paragraph ? new RegExp(src, 'g') : this.regex(src, true);
    const out: string[] = [];
    let start = 0;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      out.push(s.slice(start, m.index));
      start = m.index + m[0].length;
    }
    out.push(s.slice(start));
    return out;
  }

  private getField(i: number): Val {
    if (i < 0) throw new AwkError(EMSG.negativeField, this.line);
    if (i === 0) return this.record;
    this.splitIfNeeded();
    return this.fields![i];
  }

  private setField(i: number, v: Val): void {
    if (i < 0) throw new AwkError(EMSG.negativeField, this.line);
    if (i === 0) {
      this.record = typeof v === 'number' ? this.str(v) : v;
      this.fields = null;
      return;
    }
    this.splitIfNeeded();
    const f = this.fields!;
    while (f.length <= i) f.push(undefined);
    f[i] = v;
    this.rebuild();
  }

  private setNF(n: number): void {
    this.splitIfNeeded();
    const f = this.fields!;
    const nf = Math.max(0, Math.trunc(n));
    f.length = Math.min(f.length, nf + 1);
    while (f.length <= nf) f.push(undefined);
    this.rebuild();
  }

  /** $0 from the fields joined with OFS, after a field or NF changed. */
  private rebuild(): void {
    const ofs = this.str(this.g('OFS'));
    this.record = this.fields!.slice(1)
      .map((v) => this.str(v))
      .join(ofs);
  }

  // ---- statements ------------------------------------------------------------------------

  private *block(body: Stmt[]): Gen<void> {
    for (const s of body) yield* this.exec(s);
  }

  private *loopBody(body: Stmt): Gen<boolean> {
    yield* this.tick();
    try {
      yield* this.exec(body);
    } catch (e) {
      if (e instanceof Break) return false;
      if (!(e instanceof Continue)) throw e;
    }
    return true;
  }

  private *exec(s: Stmt): Gen<void> {
    this.line = s.line;
    switch (s.k) {
      case 'expr':
        yield* this.ev(s.e);
        return;
      case 'print': {
        const parts: string[] = [];
        for (const a of s.args) {
          const v = yield* this.ev(a);
          parts.push(typeof v === 'number' ? numToString(v, this.str(this.g('OFMT'))) : this.str(v));
        }
        const text = (s.args.length ? parts.join(this.str(this.g('OFS'))) : this.str(this.getField(0))) + this.str(this.g('ORS'));
        yield* this.io.output(text, s.out);
        return;
      }
      case 'printf': {
        if (!s.args.length) throw new AwkError(EMSG.unexpToken, s.line);
        yield* this.io.output(yield* sprintf(this, s.args), s.out);
        return;
      }
      case 'if':
        if (truthy(yield* this.ev(s.c))) yield* this.exec(s.t);
        else if (s.f) yield* this.exec(s.f);
        return;
      case 'while':
        while (truthy(yield* this.ev(s.c))) if (!(yield* this.loopBody(s.body))) break;
        return;
      case 'do':
        do if (!(yield* this.loopBody(s.body))) break;
        while (truthy(yield* this.ev(s.c)));
        return;
      case 'for':
        if (s.init) yield* this.ev(s.init);
        while (!s.c || truthy(yield* this.ev(s.c))) {
          if (!(yield* this.loopBody(s.body))) break;
          if (s.step) yield* this.ev(s.step);
        }
        return;
      case 'forin': {
        const arr = this.array(s.arr);
        for (const k of arr.keys()) {
          // The key list is a snapshot taken before the loop (busybox's walker), so keys the body deletes still come up.
          this.setVar(s.v, new Strnum(k));
          if (!(yield* this.loopBody(s.body))) break;
        }
        return;
      }
      case 'block':
        yield* this.block(s.body);
        return;
      case 'next':
        throw new NextRecord();
      case 'nextfile':
        throw new NextFile();
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(toNum(yield* this.ev(s.e))) & 0xff : undefined);
      case 'return':
        throw new Return(s.e ? yield* this.ev(s.e) : undefined);
      case 'delete': {
        const arr = this.array(s.ref);
        if (!s.subs) arr.clear();
        else arr.delete(yield* this.subscript(s.subs));
        return;
      }
    }
  }

  // ---- expressions -----------------------------------------------------------------------

  private *subscript(subs: Expr[]): Gen<string> {
    const parts: string[] = [];
    for (const e of subs) parts.push(this.str(yield* this.ev(e)));
    return parts.join(this.str(this.g('SUBSEP')));
  }

  private *get(t: LValue): Gen<Val> {
    if (t.k === 'var') return this.getVar(t.ref);
    if (t.k === 'field') return this.getField(Math.trunc(toNum(yield* this.ev(t.e))));
    return this.array(t.ref).ref(yield* this.subscript(t.subs));
  }

  /** Resolve an lvalue once (so `a[i++] += 1` evaluates i++ once) into a getter and setter. */
  *place(t: LValue): Gen<{ get: () => Val; set: (v: Val) => void }> {
    if (t.k === 'var') return { get: () => this.getVar(t.ref), set: (v) => this.setVar(t.ref, v) };
    if (t.k === 'field') {
      const i = Math.trunc(toNum(yield* this.ev(t.e)));
      return { get: () => this.getField(i), set: (v) => this.setField(i, v) };
    }
    const arr = this.array(t.ref);
    const k = yield* this.subscript(t.subs);
    return { get: () => arr.ref(k), set: (v) => arr.set(k, v) };
  }

  regex(src: string, global = false): RegExp {
    const key = (global ? 'g' : '-') + src;
    let re = this.regexCache.get(key);
    if (!re) {
      try {
        re = compile(src, { extended: true, global });
      } catch (e) {
        throw new AwkFatal(`bad regex '${src}': ${e instanceof RegexError ? e.message : 'Invalid regular expression'}`);
      }
      this.regexCache.set(key, re);
    }
    re.lastIndex = 0;
    return re;
  }

  /** The regex an operand denotes: a /literal/ as is, anything else as a dynamic regex string. */
  *regexOf(e: Expr, global = false): Gen<RegExp> {
    if (e.k === 're') return this.regex(e.src, global);
    return this.regex(this.str(yield* this.ev(e)), global);
  }

  ev(e: Expr): Gen<Val> {
    return this.evaluate(e);
  }

  private *evaluate(e: Expr): Gen<Val> {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'group':
        return yield* this.ev(e.e);
      case 're':
        return this.regex(e.src).test(this.str(this.record)) ? 1 : 0;
      case 'var':
      case 'field':
      case 'idx':
        return yield* this.get(e);
      case 'assign': {
        const pl = yield* this.place(e.target);
        const r = yield* this.ev(e.e);
        if (e.op === '=') {
          pl.set(r);
          return r;
        }
        const v = arith(e.op.slice(0, -1), toNum(pl.get()), toNum(r), this.line);
        pl.set(v);
        return v;
      }
      case 'cond':
        return truthy(yield* this.ev(e.c)) ? yield* this.ev(e.a) : yield* this.ev(e.b);
      case 'and':
        return truthy(yield* this.ev(e.a)) && truthy(yield* this.ev(e.b)) ? 1 : 0;
      case 'or':
        return truthy(yield* this.ev(e.a)) || truthy(yield* this.ev(e.b)) ? 1 : 0;
      case 'in': {
        const k = yield* this.subscript(e.subs);
        return this.array(e.ref).has(k) ? 1 : 0;
      }
      case 'match': {
        const s = this.str(yield* this.ev(e.a));
        const re = yield* this.regexOf(e.re);
        return re.test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const a = yield* this.ev(e.a);
        const b = yield* this.ev(e.b);
        let d: number;
        if (isNumeric(a) && isNumeric(b)) d = toNum(a) - toNum(b);
        else {
          const x = this.str(a);
          const y = this.str(b);
          d = x < y ? -1 : x > y ? 1 : 0;
        }
        const r = { '<': d < 0, '<=': d <= 0, '==': d === 0, '!=': d !== 0, '>=': d >= 0, '>': d > 0 }[e.op];
        return r ? 1 : 0;
      }
      case 'cat': {
        const a = this.str(yield* this.ev(e.a));
        return a + this.str(yield* this.ev(e.b));
      }
      case 'bin': {
        const a = toNum(yield* this.ev(e.a));
        return arith(e.op, a, toNum(yield* this.ev(e.b)), this.line);
      }
      case 'unary': {
        const v = yield* this.ev(e.e);
        if (e.op === '!') return truthy(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const pl = yield* this.place(e.target);
        const old = toNum(pl.get());
        const now = e.op === '++' ? old + 1 : old - 1;
        pl.set(now);
        return e.prefix ? now : old;
      }
      case 'call':
        return yield* this.call(e.name, e.args, e.line);
      case 'builtin':
        return yield* builtin(this, e.name, e.args, e.line);
      case 'getline':
        return yield* this.io.getline(e);
    }
  }

  private *call(name: string, args: Expr[], line: number): Gen<Val> {
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkError(EMSG.undefFunc, line);
    const frame: Slot[] = [];
    for (let i = 0; i < f.params.length; i++) {
      const a = args[i];
      if (!a) {
        frame.push(undefined);
        continue;
      }
      // Arrays go by reference; a bare unused variable may become one inside the callee.
      if (a.k === 'var') {
        const cur = a.ref.local !== undefined ? this.frame![a.ref.local] : this.globals.get(a.ref.name);
        if (cur instanceof AwkArray) {
          frame.push(cur);
          continue;
        }
        if (cur instanceof Pending) {
          frame.push(cur);
          continue;
        }
        if (cur === undefined && a.ref.name !== 'NF') {
          frame.push(new Pending(a.ref, this.frame));
          continue;
        }
      }
      frame.push(yield* this.ev(a));
    }
    // Extra arguments are still evaluated, for their side effects.
    for (let i = f.params.length; i < args.length; i++) yield* this.ev(args[i]);
    const saved = this.frame;
    const savedLine = this.line;
    this.frame = frame;
    try {
      yield* this.block(f.body);
      return undefined;
    } catch (e) {
      if (e instanceof Return) return e.v;
      throw e;
    } finally {
      this.frame = saved;
      this.line = savedLine;
    }
  }

}

function arith(op: string, a: number, b: number, line: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new AwkError(EMSG.divByZero, line);
      return a / b;
    case '%':
      if (b === 0) throw new AwkError(EMSG.divByZero, line);
      return a - Math.trunc(a / b) * b;
    default:
      return a ** b;
  }
}
