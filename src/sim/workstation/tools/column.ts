/**
 * util-linux column (bsdextrautils on Ubuntu): `column -t [-s SEP] [-o SEP]` aligns a table
 * (`kubectl get … | column -t`); without -t it fills entries into columns across an 80-column
 * terminal, padding with tabs, as column(1) does for a list.
 */
import type { Program } from '../../runtime/process';
import { getopt, inputs, out, type Gen } from '../../shell/commands/util';
import { TERMINAL_COLUMNS } from '../../shell/commands/columns';

export const column: Program = function* (p): Gen<number> {
  const o = getopt(p, 'ts:o:c:xnN:R:', { table: 't', separator: 's', 'output-separator': 'o', 'output-width': 'c' });
  if (!o) return 1;
  let status = 0;
  const lines: string[] = [];
  for (const inp of yield* inputs(p, o.args)) {
    if (inp.text === undefined) {
      status = 1;
      continue;
    }
    lines.push(...inp.text.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === '')));
  }
  const width = Number(o.get('c') ?? TERMINAL_COLUMNS);
  if (o.has('t')) {
    const seps = o.get('s');
    const split = (l: string) => (seps === undefined ? l.trim().split(/[ \t]+/) : l.split(new RegExp(`[${seps.replace(/[\]\\^-]/g, '\\$&')}]`)));
    // With -s every separator splits (empty cells kept), as util-linux does; blank lines are dropped.
    const rows = lines.filter((l) => l.trim() !== '').map(split);
    const widths: number[] = [];
    for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
    const sep = o.get('o') ?? '  ';
    for (const r of rows) out(p, r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length))).join(sep) + '\n');
    return status;
  }
  // List mode: entries in columns, each column a multiple of 8 wide (tab stops).
  const items = lines.filter((l) => l !== '');
  if (!items.length) return status;
  const maxLen = (Math.max(...items.map((s) => [...s].length)) + 8) & ~7;
  const numCols = Math.max(1, Math.floor(width / maxLen));
  const numRows = Math.ceil(items.length / numCols);
  for (let r = 0; r < numRows; r++) {
    let line = '';
    let col = 0;
    for (let c = 0; c < numCols; c++) {
      const idx = o.has('x') ? r * numCols + c : c * numRows + r;
      const item = items[idx];
      if (item === undefined) break;
      const next = o.has('x') ? r * numCols + c + 1 : (c + 1) * numRows + r;
      line += item;
      col += [...item].length;
      if (items[next] === undefined || c === numCols - 1) break;
      const target = (c + 1) * maxLen;
      while (col < target) {
        line += '\t';
        col = (col + 8) & ~7;
      }
    }
    out(p, line + '\n');
  }
  return status;
};

