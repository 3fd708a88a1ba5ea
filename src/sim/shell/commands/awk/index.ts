/**
 * busybox awk: `awk [-F SEP] [-v VAR=VAL]... [-f FILE | -e PROG]... [PROG] [FILE | VAR=VAL]...`.
 * Errors are busybox's `awk: cmd. line:LINE: MESSAGE` (or the -f file's name), exit status 1
 * as bb_error_msg_and_die gives.
 */
import type { Program } from '../../../runtime/process';
import { fail, getopt, readOrFail, showUsage, type Gen } from '../util';
import { Interpreter } from './interpreter';
import { AwkError, AwkFatal, unescape } from './lexer';
import type { AwkProgram } from './ast';
import { parseProgram } from './parser';

export const awk: Program = function* (p): Gen<number> {
  const o = getopt(p, '+F:v:f:e:W:');
  if (!o) return 1;
  if (o.has('W')) fail(p, 'warning: option -W is ignored');
  const args = [...o.args];
  const sources: Array<{ name: string; text: string }> = [];
  for (const f of o.all('f')) {
    const text = readOrFail(p, f);
    if (text === undefined) return 1;
    sources.push({ name: f, text });
  }
  for (const e of o.all('e')) sources.push({ name: 'cmd. line', text: e });
  if (!o.has('f') && !o.has('e')) {
    if (!args.length) return showUsage(p);
    sources.push({ name: 'cmd. line', text: args.shift()! });
  }

  let prog: AwkProgram;
  let current = sources[0];
  try {
    const parsed: AwkProgram[] = [];
    for (const s of sources) {
      current = s;
      parsed.push(parseProgram([s.text]));
    }
    prog = merge(parsed);
  } catch (e) {
    if (e instanceof AwkError) return die(e.message, current.name, e.line);
    throw e;
  }

  const it = new Interpreter(p, prog);
  try {
    if (o.has('F')) it.assignVar(`FS=${escapeForAssign(unescape(o.get('F')!))}`);
    for (const v of o.all('v')) if (!it.assignVar(v)) return showUsage(p);
    it.setArgv(args);
    return yield* it.run();
  } catch (e) {
    if (e instanceof AwkError) return die(e.message, current.name, e.line || it.line);
    if (e instanceof AwkFatal) {
      fail(p, e.message);
      return 1;
    }
    throw e;
  }

  function die(msg: string, name: string, line: number): number {
    p.fds.stderr.write(`awk: ${name}:${line}: ${msg}\n`);
    return 1;
  }
};

/** -F's value is already unescaped; protect its backslashes from assignVar's own unescaping. */
function escapeForAssign(s: string): string {
  return s.replace(/\\/g, '\\\\');
}

function merge(progs: AwkProgram[]): AwkProgram {
  const out: AwkProgram = { begin: [], end: [], rules: [], funcs: new Map() };
  for (const pr of progs) {
    out.begin.push(...pr.begin);
    out.end.push(...pr.end);
    out.rules.push(...pr.rules);
    for (const [k, f] of pr.funcs) out.funcs.set(k, f);
  }
  return out;
}
