/**
 * GNU nl: numbers the lines of files or stdin. Body numbering -b t (non-empty lines, the
 * default), a (all) or n (none); -n ln|rn|rz; -w WIDTH (6); -s SEP (TAB); -v START; -i INCR.
 * Unnumbered lines get WIDTH+len(SEP) spaces in front, as GNU prints them.
 */
import type { Program } from '../../runtime/process';
import { fail, getopt, inputs, out, type Gen } from '../../shell/commands/util';

export const nl: Program = function* (p): Gen<number> {
  const o = getopt(p, 'b:n:w:s:v:i:', { 'body-numbering': 'b', 'number-format': 'n', 'number-width': 'w', 'number-separator': 's', 'starting-line-number': 'v', 'line-increment': 'i' });
  if (!o) return 1;
  const style = o.get('b') ?? 't';
  if (!/^[atn]$/.test(style)) {
    fail(p, `invalid body numbering style: ‘${style}’\nTry 'nl --help' for more information.`);
    return 1;
  }
  const format = o.get('n') ?? 'rn';
  if (!/^(ln|rn|rz)$/.test(format)) {
    fail(p, `invalid line numbering format: ‘${format}’\nTry 'nl --help' for more information.`);
    return 1;
  }
  const num = (c: string, d: number) => {
    const v = o.get(c);
    return v === undefined ? d : Number(v);
  };
  const width = num('w', 6);
  if (!Number.isInteger(width) || width < 1) {
    fail(p, `invalid line number field width: ‘${o.get('w')}’: Numerical result out of range`);
    return 1;
  }
  const sep = o.get('s') ?? '\t';
  let n = num('v', 1);
  const incr = num('i', 1);
  let status = 0;
  for (const inp of yield* inputs(p, o.args)) {
    if (inp.text === undefined) {
      status = 1;
      continue;
    }
    const lines = inp.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const l of lines) {
      const numbered = style === 'a' || (style === 't' && l !== '');
      if (!numbered) {
        out(p, ' '.repeat(width + sep.length) + l + '\n');
        continue;
      }
      const s = String(n);
      const field = format === 'ln' ? s.padEnd(width) : format === 'rz' ? s.padStart(width, '0') : s.padStart(width);
      out(p, field + sep + l + '\n');
      n += incr;
    }
  }
  return status;
};
