/** busybox grep: BRE/ERE/fixed patterns, -vicnqolLwxhHsr -m -e -f; exit 0 match, 1 none, 2 error. */
import type { Program } from '../../runtime/process';
import { abs, errText, fail, getopt, linesOf, out, showUsage, type Gen } from './util';
import { compile, escapeLiteral, RegexError } from './regex';

export const grep: Program = function* (p): Gen<number> {
  const parsed = getopt(p, 'HhnlLoqvsrRiwxFEcm:A:B:C:e:f:');
  if (!parsed) return 2;
  const o = parsed;
  const patterns = [...o.all('e')];
  for (const f of o.all('f')) {
    try {
      patterns.push(...p.host.fs.readFile(abs(p, f)).replace(/\n$/, '').split('\n'));
    } catch (e) {
      fail(p, `${f}: ${errText(e)}`);
      return 2;
    }
  }
  const args = [...o.args];
  if (!o.has('e') && !o.has('f')) {
    if (!args.length) {
      // busybox: no pattern is a usage error; grep's error status is 2.
      showUsage(p);
      return 2;
    }
    patterns.push(...args.shift()!.split('\n'));
  }
  const icase = o.has('i');
  let res: RegExp[];
  try {
    res = patterns.map((pt) => {
      let src = o.has('F') ? escapeLiteral(pt) : compile(pt, { extended: o.has('E') || p.argv[0].endsWith('egrep') }).source;
      if (o.has('x')) src = `^(?:${src})$`;
      else if (o.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      return new RegExp(src, icase ? 'gi' : 'g');
    });
  } catch (e) {
    fail(p, `bad regex '${patterns[0]}': ${e instanceof RegexError ? e.message : 'Invalid regular expression'}`);
    return 2;
  }
  const recursive = o.has('r') || o.has('R');
  if (!args.length && recursive) args.push('.');
  const files = args.length ? args : ['-'];
  const showNames = !o.has('h') && (o.has('H') || files.length > 1 || recursive);
  const maxCount = o.has('m') ? Number(o.get('m')) : Infinity;
  let matchedAny = false;
  let errors = false;

  const matches = (line: string): RegExpExecArray[] => {
    const found: RegExpExecArray[] = [];
    for (const re of res) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line))) {
        found.push(m);
        if (m[0] === '') re.lastIndex++;
        if (!o.has('o')) break;
      }
    }
    return found.sort((a, b) => a.index - b.index);
  };

  const after = Number(o.get('A') ?? o.get('C') ?? 0);
  const before = Number(o.get('B') ?? o.get('C') ?? 0);
  const context = !o.has('o') && !o.has('c') && (after > 0 || before > 0);
  let lastPrinted = 0;
  let printedAny = false;

  function* search(name: string, text: string | undefined): Gen<boolean> {
    const lines = linesOf(p, text);
    let n = 0;
    let count = 0;
    let afterLeft = 0;
    const held: Array<[number, string]> = [];
    lastPrinted = 0;
    const prefix = (ln: number, sep = ':') => (showNames ? `${name}${sep}` : '') + (o.has('n') ? `${ln}${sep}` : '');
    // Context output marks non-adjacent groups with `--`, as GNU and busybox grep do.
    const emit = (ln: number, line: string, sep: string) => {
      if (context && printedAny && lastPrinted && ln > lastPrinted + 1) out(p, '--\n');
      if (context && printedAny && !lastPrinted) out(p, '--\n');
      out(p, `${prefix(ln, sep)}${line}\n`);
      lastPrinted = ln;
      printedAny = true;
    };
    for (;;) {
      if (count >= maxCount && afterLeft === 0) break;
      const raw = yield* lines.next();
      if (raw === null) break;
      n++;
      const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
      const ms = count < maxCount ? matches(line) : [];
      const hit = count < maxCount && ms.length > 0 !== o.has('v');
      if (!hit) {
        if (afterLeft > 0) {
          afterLeft--;
          emit(n, line, '-');
        } else if (before > 0) {
          held.push([n, line]);
          if (held.length > before) held.shift();
        }
        continue;
      }
      count++;
      matchedAny = true;
      if (o.has('q')) return true;
      if (o.has('l') || o.has('L')) break;
      if (o.has('c')) continue;
      if (o.has('o')) {
        if (!o.has('v')) for (const m of ms) if (m[0]) out(p, `${prefix(n)}${m[0]}\n`);
        continue;
      }
      for (const [hn, hl] of held.splice(0)) emit(hn, hl, '-');
      emit(n, line, ':');
      afterLeft = after;
    }
    if (o.has('c')) out(p, `${showNames ? name + ':' : ''}${count}\n`);
    if (o.has('l') && count) out(p, `${name}\n`);
    if (o.has('L') && !count) out(p, `${name}\n`);
    return false;
  }

  function* walk(path: string, shown: string): Gen<boolean> {
    const st = p.host.fs.stat(abs(p, path));
    if (!st) {
      if (!o.has('s')) fail(p, `${shown}: No such file or directory`);
      errors = true;
      return false;
    }
    if (st.type === 'dir') {
      if (!recursive) {
        if (!o.has('s')) fail(p, `${shown}: Is a directory`);
        return false;
      }
      for (const n of p.host.fs.readdir(abs(p, path))) if (yield* walk(`${path.replace(/\/$/, '')}/${n}`, `${shown.replace(/\/$/, '')}/${n}`)) return true;
      return false;
    }
    let text: string;
    try {
      text = p.host.fs.readFile(abs(p, path));
    } catch (e) {
      if (!o.has('s')) fail(p, `${shown}: ${errText(e)}`);
      errors = true;
      return false;
    }
    return yield* search(shown, text);
  }

  for (const f of files) {
    const done = f === '-' ? yield* search('(standard input)', undefined) : yield* walk(f, f);
    if (done) return 0;
  }
  if (errors && !(o.has('q') && matchedAny)) return 2;
  return matchedAny ? 0 : 1;
};

