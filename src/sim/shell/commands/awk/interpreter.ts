/**
 * Runs a parsed awk program against its input. Evaluation is a generator all the way down, so
 * `getline` can wait for a pipe and long loops can yield CPU charges (virtual time advances and
 * `BEGIN { while (1) ; }` can be killed like any busy process). Output goes to stdout as it is
 * produced, record by record.
 */
import type { Process } from '../../../runtime/process';
import { Prng } from '../../../clock/prng';
import { abs, errText, stdoutBroken, type Gen } from '../util';
import { compile, RegexError } from '../regex';
import { AwkArray } from './array';
import { formatOne, numToString, parseSpec } from './format';
import { RecordReader } from './input';
import { AwkError, EMSG, unescape } from './lexer';
import type { AwkProgram, Expr, LValue, Stmt, VarRef } from './ast';
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

/** A fatal error already worded in full (no `PROG:LINE:` prefix), such as a file that will not open. */
export class AwkFatal extends Error {}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/s;

export class Interpreter {
  private readonly globals = new Map<string, Slot>();
  private frame: Slot[] | undefined;
  private record: Val = '';
  /** Fields 1..NF (index 0 unused), or null until $0 is next split. */
  private fields: Val[] | null = [undefined];
  private readonly regexCache = new Map<string, RegExp>();
  private readonly outFiles = new Set<string>();
  private readonly fileReaders = new Map<string, RecordReader | null>();
  /** busybox starts with seed 1 (G.evaluate__seed = 1, glibc's default): the first srand() returns 1. */
  private seed = 1;
  private prng: Prng;
  private ticks = 0;
  private rangeActive: boolean[] = [];
  /** The statement being run: runtime errors report its line. */
  line = 0;
  private main?: RecordReader;
  private argIndex = 0;
  private sawFile = false;
  private exitCode = 0;

  constructor(
    private readonly p: Process,
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
      const rec = yield* this.nextMainRecord();
      if (rec === null) return;
      this.setRecord(rec);
      try {
        for (let r = 0; r < this.prog.rules.length; r++) {
          const rule = this.prog.rules[r];
          if (!(yield* this.matches(r))) continue;
          if (rule.body) yield* this.block(rule.body);
          else this.write(this.p.fds.stdout, toStr(this.record, '%.6g') + this.str(this.g('ORS')));
        }
      } catch (e) {
        if (e instanceof NextFile) this.main = undefined;
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

  /** The next record of the main input, moving through ARGV's files and assignments. */
  private *nextMainRecord(): Gen<string | null> {
    for (;;) {
      if (!this.main && !this.openNext()) return null;
      const rec = yield* this.main!.next(this.str(this.g('RS')), this.rsRegex());
      if (rec !== null) {
        this.globals.set('NR', toNum(this.g('NR')) + 1);
        this.globals.set('FNR', toNum(this.g('FNR')) + 1);
        return rec;
      }
      this.main = undefined;
    }
  }

  private openNext(): boolean {
    const argv = this.globals.get('ARGV');
    const argc = toNum(this.g('ARGC'));
    while (++this.argIndex < argc) {
      const a = argv instanceof AwkArray ? this.str(argv.get(String(this.argIndex))) : '';
      if (a === '' || this.assignVar(a)) continue;
      this.sawFile = true;
      this.globals.set('FILENAME', a);
      this.globals.set('FNR', 0);
      if (a === '-' || a === '/dev/stdin') this.main = new RecordReader(undefined, this.p.fds.stdin);
      else {
        try {
          this.main = new RecordReader(this.p.host.fs.readFile(abs(this.p, a)));
        } catch (e) {
          throw new AwkFatal(`can't open '${a}': ${errText(e)}`);
        }
      }
      return true;
    }
    if (this.sawFile) return false;
    this.sawFile = true;
    this.globals.set('FILENAME', '-');
    this.globals.set('FNR', 0);
    this.main = new RecordReader(undefined, this.p.fds.stdin);
    return true;
  }

  private rsRegex(): RegExp | undefined {
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

  private g(name: string): Val {
    const v = this.globals.get(name);
    return v instanceof AwkArray || v instanceof Pending ? undefined : v;
  }

  private str(v: Val): string {
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

  private array(ref: VarRef): AwkArray {
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

  private setRecord(s: string): void {
    this.record = new Strnum(s);
    this.fields = null;
  }

  private splitIfNeeded(): void {
    if (this.fields) return;
    this.fields = [undefined, ...this.splitText(this.str(this.record), this.str(this.g('FS'))).map((f) => new Strnum(f))];
  }

  /** Field splitting as busybox's awk_split: " " on blank runs, one character literally, longer FS as a regex. */
  private splitText(s: string, fs: string, regexSep?: string): string[] {
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
        yield* this.output(text, s.out);
        return;
      }
      case 'printf': {
        if (!s.args.length) throw new AwkError(EMSG.unexpToken, s.line);
        yield* this.output(yield* this.sprintf(s.args), s.out);
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

  private write(w: { write(s: string): void }, text: string): void {
    w.write(text);
  }

  /** print/printf destination: stdout, or a file for `>`/`>>` (truncated on first use). */
  private *output(text: string, out: { mode: string; e: Expr } | undefined): Gen<void> {
    if (!out) return this.write(this.p.fds.stdout, text);
    const dest = this.str(yield* this.ev(out.e));
    if (out.mode === '|') throw new AwkError(`can't pipe output to '${dest}': running commands from awk is not supported here`, this.line);
    if (dest === '/dev/stdout' || dest === '-') return this.write(this.p.fds.stdout, text);
    if (dest === '/dev/stderr') return this.write(this.p.fds.stderr, text);
    const path = abs(this.p, dest);
    try {
      if (!this.outFiles.has(path)) {
        this.outFiles.add(path);
        if (out.mode === '>') this.p.host.fs.writeFile(path, '', false);
      }
      this.p.host.fs.writeFile(path, text, true);
    } catch (e) {
      throw new AwkFatal(`can't open '${dest}': ${errText(e)}`);
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
  private *place(t: LValue): Gen<{ get: () => Val; set: (v: Val) => void }> {
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
  private *regexOf(e: Expr, global = false): Gen<RegExp> {
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
        return yield* this.builtin(e.name, e.args, e.line);
      case 'getline':
        return yield* this.getline(e);
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

  private *sprintf(args: Expr[]): Gen<string> {
    const fmt = this.str(yield* this.ev(args[0]));
    let out = '';
    let ai = 1;
    for (let i = 0; i < fmt.length; ) {
      const pct = fmt.indexOf('%', i);
      if (pct < 0) {
        out += fmt.slice(i);
        break;
      }
      out += fmt.slice(i, pct);
      const r = parseSpec(fmt, pct);
      i = r.next;
      if (!r.spec) {
        out += r.literal;
        continue;
      }
      const v = ai < args.length ? yield* this.ev(args[ai++]) : undefined;
      out += formatOne(r.spec, { num: () => toNum(v), str: () => this.str(v), isNum: () => typeof v === 'number' || (v instanceof Strnum && v.looksNumeric) });
    }
    return out;
  }

  private *getline(e: Extract<Expr, { k: 'getline' }>): Gen<Val> {
    if (e.cmd) throw new AwkError(`can't run '${this.str(yield* this.ev(e.cmd))}': running commands from awk is not supported here`, this.line);
    let rec: string | null;
    if (e.file) {
      const name = this.str(yield* this.ev(e.file));
      let r = this.fileReaders.get(name);
      if (r === undefined) {
        try {
          r = name === '-' || name === '/dev/stdin' ? new RecordReader(undefined, this.p.fds.stdin) : new RecordReader(this.p.host.fs.readFile(abs(this.p, name)));
        } catch {
          r = null;
        }
        this.fileReaders.set(name, r);
      }
      if (!r) return -1;
      rec = yield* r.next(this.str(this.g('RS')), this.rsRegex());
    } else {
      rec = yield* this.nextMainRecord();
    }
    if (rec === null) return 0;
    if (e.target) (yield* this.place(e.target)).set(new Strnum(rec));
    else this.setRecord(rec);
    return 1;
  }

  private *builtin(name: string, args: Expr[], line: number): Gen<Val> {
    const need = (n: number) => {
      if (args.length < n) throw new AwkError(EMSG.tooFewArgs, line);
    };
    const num = function* (this: Interpreter, i: number): Gen<number> {
      return toNum(yield* this.ev(args[i]));
    }.bind(this);
    const str = function* (this: Interpreter, i: number): Gen<string> {
      return this.str(yield* this.ev(args[i]));
    }.bind(this);
    switch (name) {
      case 'length': {
        if (!args.length) return this.str(this.record).length;
        const a = args[0];
        if (a.k === 'var') {
          const cur = a.ref.local !== undefined ? this.frame![a.ref.local] : this.globals.get(a.ref.name);
          if (cur instanceof AwkArray) return cur.size;
        }
        return (yield* str(0)).length;
      }
      case 'substr': {
        need(2);
        // busybox truncates the start and length instead of rounding: substr(s, 0, 2) is s's first two characters.
        const s = yield* str(0);
        let i = Math.trunc((yield* num(1)) - 1);
        if (i > s.length) i = s.length;
        if (i < 0) i = 0;
        let n = args.length > 2 ? Math.trunc(yield* num(2)) : s.length - i;
        if (n < 0) n = 0;
        return s.slice(i, i + n);
      }
      case 'index': {
        need(2);
        const s = yield* str(0);
        const t = yield* str(1);
        return t === '' ? 0 : s.indexOf(t) + 1;
      }
      case 'split': {
        need(2);
        const s = yield* str(0);
        const target = args[1];
        if (target.k !== 'var') throw new AwkError(EMSG.notArray, line);
        let parts: string[];
        if (args.length > 2) {
          const sep = args[2];
          if (sep.k === 're') parts = this.splitText(s, '', sep.src);
          else {
            const fs = yield* str(2);
            parts = fs === ' ' || fs.length <= 1 ? this.splitText(s, fs) : this.splitText(s, '', fs);
          }
        } else parts = this.splitText(s, this.str(this.g('FS')));
        const arr = this.array(target.ref);
        arr.clear();
        parts.forEach((f, i) => arr.set(String(i + 1), new Strnum(f)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        need(2);
        const re = yield* this.regexOf(args[0], true);
        const repl = yield* str(1);
        const target: LValue = args[2] && (args[2].k === 'var' || args[2].k === 'idx' || args[2].k === 'field') ? args[2] : { k: 'field', e: { k: 'num', v: 0 } };
        const pl = yield* this.place(target);
        const [res, n] = substitute(this.str(pl.get()), re, repl, name === 'gsub');
        if (n > 0) pl.set(res);
        return n;
      }
      case 'match': {
        need(2);
        const s = yield* str(0);
        const re = yield* this.regexOf(args[1]);
        const m = re.exec(s);
        const start = m ? m.index + 1 : 0;
        this.globals.set('RSTART', start);
        this.globals.set('RLENGTH', m ? m[0].length : -1);
        return start;
      }
      case 'sprintf':
        need(1);
        return yield* this.sprintf(args);
      case 'tolower':
      case 'toupper': {
        need(1);
        const s = yield* str(0);
        // ASCII letters only, as busybox does.
        return s.replace(/[A-Za-z]/g, (c) => (name === 'toupper' ? c.toUpperCase() : c.toLowerCase()));
      }
      case 'int':
        need(1);
        return Math.trunc(yield* num(0));
      case 'sqrt':
      case 'exp':
      case 'log':
      case 'sin':
      case 'cos': {
        need(1);
        const x = yield* num(0);
        return { sqrt: Math.sqrt, exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos }[name](x);
      }
      case 'atan2': {
        need(2);
        const y = yield* num(0);
        return Math.atan2(y, yield* num(1));
      }
      case 'rand':
        return this.prng.next();
      case 'srand': {
        const prev = this.seed;
        // Without an argument the seed is the time of day: virtual seconds here.
        this.seed = args.length ? Math.trunc(yield* num(0)) >>> 0 : Math.floor(this.p.host.now() / 1000) >>> 0;
        this.prng = new Prng(this.seed);
        return prev;
      }
      case 'systime':
        return Math.floor(this.p.host.now() / 1000);
      case 'system': {
        const cmd = args.length ? yield* str(0) : '';
        this.p.fds.stderr.write(`awk: system(${JSON.stringify(cmd)}): running commands from awk is not supported here\n`);
        return 127;
      }
      case 'close':
        if (args.length) {
          const n = yield* str(0);
          this.fileReaders.delete(n);
          this.outFiles.delete(abs(this.p, n));
        }
        return 0;
      case 'fflush':
        return 0;
      case 'and':
      case 'or':
      case 'xor':
      case 'lshift':
      case 'rshift': {
        need(2);
        const a = BigInt(Math.trunc(yield* num(0))) & 0xffffffffffffffffn;
        const b = BigInt(Math.trunc(yield* num(1))) & 0xffffffffffffffffn;
        const r = { and: a & b, or: a | b, xor: a ^ b, lshift: (a << b) & 0xffffffffffffffffn, rshift: a >> b }[name];
        return Number(r);
      }
      case 'compl':
        need(1);
        return Number(~BigInt(Math.trunc(yield* num(0))) & 0xffffffffffffffffn);
    }
    throw new AwkError(EMSG.undefFunc, line);
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

/**
 * sub/gsub: '&' in the replacement is the matched text, `\&` a literal '&', `\\&` a backslash
 * then the match (busybox's awk_sub backslash counting). After an empty match one character is
 * copied, so gsub(/x*\/, "-") on "abc" gives "-a-b-c-".
 */
export function substitute(s: string, re: RegExp, repl: string, global: boolean): [string, number] {
  let out = '';
  let pos = 0;
  let n = 0;
  while (pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    n++;
    out += s.slice(pos, m.index) + expand(repl, m[0]);
    const end = m.index + m[0].length;
    if (m[0] === '') {
      if (m.index < s.length) out += s[m.index];
      pos = m.index + 1;
    } else pos = end;
    if (!global) break;
  }
  return n ? [out + s.slice(pos), n] : [s, 0];
}

function expand(repl: string, matched: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    let nbs = 0;
    while (repl[i] === '\\') {
      nbs++;
      i++;
    }
    const c = repl[i];
    if (c === '&') {
      out += '\\'.repeat(nbs >> 1) + (nbs % 2 ? '&' : matched);
    } else {
      out += '\\'.repeat(nbs) + (c ?? '');
    }
  }
  return out;
}
