/**
 * GNU diff of two text files (or `-` for stdin): the normal format (`2c2`, `< old`, `---`,
 * `> new`), -u/-U N unified hunks with `---`/`+++` headers stamped with the files' times, -q,
 * and `\ No newline at end of file`. Exit 0 same, 1 different, 2 trouble. The edit script is the
 * longest common subsequence of lines (files here are manifests: a table of m×n cells is cheap).
 */
import type { Program } from '../../runtime/process';
import { abs, errText, getopt, out, readAll, type Gen } from '../../shell/commands/util';

interface Side {
  name: string;
  lines: string[];
  /** The last line lacks its newline. */
  noEol: boolean;
  mtime: number;
}

type Op = { t: '=' | '-' | '+'; a: number; b: number };

export const diff: Program = function* (p): Gen<number> {
  const o = getopt(p, 'uU:qsiwbB', { unified: 'u', brief: 'q', 'report-identical-files': 's', 'ignore-case': 'i', 'ignore-all-space': 'w', 'ignore-space-change': 'b', 'ignore-blank-lines': 'B' });
  if (!o) return 2;
  if (o.args.length < 2) {
    p.fds.stderr.write(`diff: ${o.args.length ? `missing operand after '${o.args[0]}'` : 'missing operand'}\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  if (o.args.length > 2) {
    p.fds.stderr.write(`diff: extra operand '${o.args[2]}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const sides: Side[] = [];
  for (const f of o.args) {
    let text: string;
    let mtime = p.host.now();
    if (f === '-') text = yield* readAll(p);
    else {
      try {
        const st = p.host.fs.statFollow(abs(p, f));
        if (st?.type === 'dir') {
          p.fds.stderr.write(`diff: ${f}: Is a directory\n`);
          return 2;
        }
        text = p.host.fs.readFile(abs(p, f));
        mtime = st?.mtime ?? mtime;
      } catch (e) {
        p.fds.stderr.write(`diff: ${f}: ${errText(e)}\n`);
        return 2;
      }
    }
    const lines = text.split('\n');
    const noEol = text !== '' && !text.endsWith('\n');
    if (!noEol) lines.pop();
    sides.push({ name: f, lines, noEol, mtime });
  }
  const [a, b] = sides;
  const norm = (l: string) => {
    let s = l;
    if (o.has('w')) s = s.replace(/\s+/g, '');
    else if (o.has('b')) s = s.replace(/\s+/g, ' ').replace(/ $/, '');
    return o.has('i') ? s.toLowerCase() : s;
  };
  const ops = editScript(a.lines.map(norm), b.lines.map(norm));
  // A last line that differs only in its missing newline is a change too.
  const changed = ops.some((x) => x.t !== '=') || a.noEol !== b.noEol;
  if (!changed) {
    if (o.has('s')) out(p, `Files ${a.name} and ${b.name} are identical\n`);
    return 0;
  }
  if (o.has('q')) {
    out(p, `Files ${a.name} and ${b.name} differ\n`);
    return 1;
  }
  const fixed = fixEol(ops, a, b);
  if (o.has('u') || o.has('U')) unified(p, fixed, a, b, o.has('U') ? Number(o.get('U')) : 3);
  else normal(p, fixed, a, b);
  return 1;
};

/** LCS table walk: equal lines kept, deletions before insertions within a change. */
function editScript(x: string[], y: string[]): Op[] {
  const n = x.length;
  const m = y.length;
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) ops.push({ t: '=', a: i++, b: j++ });
    else if (j >= m || (i < n && L[i + 1][j] >= L[i][j + 1])) ops.push({ t: '-', a: i++, b: j });
    else ops.push({ t: '+', a: i, b: j++ });
  }
  return ops;
}

/** If only one side's last line lacks a newline, that line counts as changed. */
function fixEol(ops: Op[], a: Side, b: Side): Op[] {
  if (a.noEol === b.noEol) return ops;
  const last = ops[ops.length - 1];
  if (last?.t !== '=' || last.a !== a.lines.length - 1 || last.b !== b.lines.length - 1) return ops;
  return [...ops.slice(0, -1), { t: '-', a: last.a, b: last.b }, { t: '+', a: last.a + 1, b: last.b }];
}

/** Changes as runs: [start index in ops, end index). */
function runs(ops: Op[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < ops.length; ) {
    if (ops[k].t === '=') {
      k++;
      continue;
    }
    const s = k;
    while (k < ops.length && ops[k].t !== '=') k++;
    out.push([s, k]);
  }
  return out;
}

function lineOut(side: Side, idx: number, prefix: string): string {
  const noNl = side.noEol && idx === side.lines.length - 1;
  return `${prefix}${side.lines[idx]}\n${noNl ? '\\ No newline at end of file\n' : ''}`;
}

function normal(p: Parameters<Program>[0], ops: Op[], a: Side, b: Side): void {
  const range = (s: number, e: number) => (e - s > 1 ? `${s + 1},${e}` : `${e}`);
  for (const [s, e] of runs(ops)) {
    const dels = ops.slice(s, e).filter((x) => x.t === '-');
    const adds = ops.slice(s, e).filter((x) => x.t === '+');
    const aStart = ops[s].a;
    const bStart = ops[s].b;
    const aRange = dels.length ? range(aStart, aStart + dels.length) : `${aStart}`;
    const bRange = adds.length ? range(bStart, bStart + adds.length) : `${bStart}`;
    let text = `${aRange}${dels.length && adds.length ? 'c' : dels.length ? 'd' : 'a'}${bRange}\n`;
    for (const d of dels) text += lineOut(a, d.a, '< ');
    if (dels.length && adds.length) text += '---\n';
    for (const x of adds) text += lineOut(b, x.b, '> ');
    out(p, text);
  }
}

/** GNU's timestamp in unified headers: 2025-01-15 10:00:00.000000000 +0000. */
function stamp(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000000 +0000`;
}

function unified(p: Parameters<Program>[0], ops: Op[], a: Side, b: Side, ctx: number): void {
  out(p, `--- ${a.name}\t${stamp(a.mtime)}\n+++ ${b.name}\t${stamp(b.mtime)}\n`);
  const changes = runs(ops);
  // Group changes whose context overlaps into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const [s, e] of changes) {
    const from = Math.max(0, s - ctx);
    const to = Math.min(ops.length, e + ctx);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else hunks.push([from, to]);
  }
  for (const [s, e] of hunks) {
    const part = ops.slice(s, e);
    const aLines = part.filter((x) => x.t !== '+');
    const bLines = part.filter((x) => x.t !== '-');
    const aStart = aLines.length ? aLines[0].a + 1 : part[0].a;
    const bStart = bLines.length ? bLines[0].b + 1 : part[0].b;
    const r = (start: number, len: number) => (len === 1 ? `${start}` : `${start},${len}`);
    let text = `@@ -${r(aStart, aLines.length)} +${r(bStart, bLines.length)} @@\n`;
    for (const x of part) text += x.t === '=' ? lineOut(a, x.a, ' ') : x.t === '-' ? lineOut(a, x.a, '-') : lineOut(b, x.b, '+');
    out(p, text);
  }
}
