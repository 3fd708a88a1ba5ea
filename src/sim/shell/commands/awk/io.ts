/**
 * awk's streams: the main input, which walks ARGV's files and `var=value` operands (stdin when
 * there are none), `getline` from the main input or a file, print/printf redirection to files
 * (`>` truncates on first use, `>>` appends), and close(). Piping to or from a command
 * (`print | "cmd"`, `"cmd" | getline`) is refused with a clear error.
 */
import type { Process } from '../../../runtime/process';
import { abs, errText, type Gen } from '../util';
import { AwkArray } from './array';
import type { Expr } from './ast';
import { RecordReader } from './input';
import type { Interpreter } from './interpreter';
import { AwkError, AwkFatal } from './lexer';
import { Strnum, toNum, type Val } from './values';

export class AwkIO {
  private readonly outFiles = new Set<string>();
  private readonly fileReaders = new Map<string, RecordReader | null>();
  private main?: RecordReader;
  private argIndex = 0;
  private sawFile = false;

  constructor(
    private readonly it: Interpreter,
    private readonly p: Process,
  ) {}

  /** The next record of the main input, moving through ARGV's files and assignments. */
  *nextMainRecord(): Gen<string | null> {
    for (;;) {
      if (!this.main && !this.openNext()) return null;
      const rec = yield* this.main!.next(this.it.str(this.it.g('RS')), this.it.rsRegex());
      if (rec !== null) {
        this.it.globals.set('NR', toNum(this.it.g('NR')) + 1);
        this.it.globals.set('FNR', toNum(this.it.g('FNR')) + 1);
        return rec;
      }
      this.main = undefined;
    }
  }

  private openNext(): boolean {
    const argv = this.it.globals.get('ARGV');
    const argc = toNum(this.it.g('ARGC'));
    while (++this.argIndex < argc) {
      const a = argv instanceof AwkArray ? this.it.str(argv.get(String(this.argIndex))) : '';
      if (a === '' || this.it.assignVar(a)) continue;
      this.sawFile = true;
      this.it.globals.set('FILENAME', a);
      this.it.globals.set('FNR', 0);
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
    this.it.globals.set('FILENAME', '-');
    this.it.globals.set('FNR', 0);
    this.main = new RecordReader(undefined, this.p.fds.stdin);
    return true;
  }

  /** `nextfile`: the rest of the current input file is skipped. */
  skipFile(): void {
    this.main = undefined;
  }

  write(w: { write(s: string): void }, text: string): void {
    w.write(text);
  }

  /** print/printf destination: stdout, or a file for `>`/`>>` (truncated on first use). */
  *output(text: string, out: { mode: string; e: Expr } | undefined): Gen<void> {
    if (!out) return this.write(this.p.fds.stdout, text);
    const dest = this.it.str(yield* this.it.ev(out.e));
    if (out.mode === '|') throw new AwkError(`can't pipe output to '${dest}': running commands from awk is not supported here`, this.it.line);
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

  *getline(e: Extract<Expr, { k: 'getline' }>): Gen<Val> {
    if (e.cmd) throw new AwkError(`can't run '${this.it.str(yield* this.it.ev(e.cmd))}': running commands from awk is not supported here`, this.it.line);
    let rec: string | null;
    if (e.file) {
      const name = this.it.str(yield* this.it.ev(e.file));
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
      rec = yield* r.next(this.it.str(this.it.g('RS')), this.it.rsRegex());
    } else {
      rec = yield* this.nextMainRecord();
    }
    if (rec === null) return 0;
    if (e.target) (yield* this.it.place(e.target)).set(new Strnum(rec));
    else this.it.setRecord(rec);
    return 1;
  }

  close(name: string): void {
    this.fileReaders.delete(name);
    this.outFiles.delete(abs(this.p, name));
  }
}
