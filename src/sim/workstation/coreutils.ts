/**
 * GNU coreutils on the workstation, over its home directory: cp, mv, touch, wc, sort, base64,
 * tee — the options learners use, GNU's messages for the mistakes they make. Files are text.
 */
import type { TerminalIO } from '../kubectl/context';
import type { HomeFiles } from './files';
import { utf8Length } from '../api/utf8';

type Tool = (args: string[], stdin: string | undefined, files: HomeFiles, io: TerminalIO) => number;

const tryHelp = (name: string) => `Try '${name} --help' for more information.\n`;
const baseName = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? p;

function split(args: string[]): { opts: string; operands: string[] } {
  let opts = '';
  const operands: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && /^-[a-zA-Z]+$/.test(a)) opts += a.slice(1);
    else operands.push(a);
  }
  return { opts, operands };
}

/** cp and mv share their operand rules: SOURCE DEST, or SOURCE... DIRECTORY. */
function copyOrMove(name: 'cp' | 'mv'): Tool {
  return (args, _stdin, files, io) => {
    const { opts, operands } = split(args);
    if (!operands.length) {
      io.err(`${name}: missing file operand\n${tryHelp(name)}`);
      return 1;
    }
    if (operands.length === 1) {
      io.err(`${name}: missing destination file operand after '${operands[0]}'\n${tryHelp(name)}`);
      return 1;
    }
    const dest = operands[operands.length - 1];
    const sources = operands.slice(0, -1);
    if (sources.length > 1 && !files.isDir(dest)) {
      io.err(`${name}: target '${dest}': Not a directory\n`);
      return 1;
    }
    const recursive = name === 'mv' || /[rRa]/.test(opts);
    let status = 0;
    for (const src of sources) {
      const target = files.isDir(dest) ? `${dest.replace(/\/+$/, '')}/${baseName(src)}` : dest;
      if (!files.exists(src)) {
        io.err(`${name}: cannot stat '${src}': No such file or directory\n`);
        status = 1;
        continue;
      }
      if (files.isDir(src) && !recursive) {
        io.err(`cp: -r not specified; omitting directory '${src}'\n`);
        status = 1;
        continue;
      }
      copyTree(files, src, target);
      if (name === 'mv') files.remove(src);
    }
    return status;
  };
}

function copyTree(files: HomeFiles, src: string, dest: string): void {
  if (!files.isDir(src)) {
    files.write(dest, files.read(src) ?? '');
    return;
  }
  files.mkdir(dest);
  for (const n of files.list(src)) copyTree(files, `${src}/${n}`, `${dest}/${n}`);
}

const touch: Tool = (args, _stdin, files, io) => {
  const { operands } = split(args);
  if (!operands.length) {
    io.err(`touch: missing file operand\n${tryHelp('touch')}`);
    return 1;
  }
  for (const f of operands) if (!files.exists(f)) files.write(f, '');
  return 0;
};

const tee: Tool = (args, stdin, files, io) => {
  const { opts, operands } = split(args);
  const text = stdin ?? '';
  for (const f of operands) files.write(f, (opts.includes('a') ? files.read(f) ?? '' : '') + text);
  io.out(text);
  return 0;
};

const wc: Tool = (args, stdin, files, io) => {
  const { opts, operands } = split(args);
  const want = opts ? { l: opts.includes('l'), w: opts.includes('w'), c: opts.includes('c') || opts.includes('m') } : { l: true, w: true, c: true };
  const inputs = operands.length ? operands.map((n) => ({ name: n, text: files.read(n), dir: files.isDir(n) })) : [{ name: '', text: stdin ?? '', dir: false }];
  const rows: Array<{ counts: number[]; name: string }> = [];
  const total = [0, 0, 0];
  let status = 0;
  for (const inp of inputs) {
    if (inp.dir) {
      io.err(`wc: ${inp.name}: Is a directory\n`);
      status = 1;
    } else if (inp.text === undefined) {
      io.err(`wc: ${inp.name}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const t = inp.text ?? '';
    const c = [(t.match(/\n/g) ?? []).length, t.split(/\s+/).filter(Boolean).length, opts.includes('m') ? [...t].length : utf8Length(t)];
    c.forEach((v, i) => (total[i] += v));
    rows.push({ counts: c, name: inp.name });
  }
  if (rows.length > 1) rows.push({ counts: total, name: 'total' });
  const picked = (c: number[]) => c.filter((_, i) => [want.l, want.w, want.c][i]);
  // GNU: one count of one input needs no padding; stdin (not a regular file) pads to 7.
  const single = picked([1, 1, 1]).length === 1 && inputs.length === 1;
  const width = single ? 1 : !operands.length ? 7 : String(total[2]).length;
  for (const r of rows) io.out(picked(r.counts).map((v) => String(v).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n');
  return status;
};

const sort: Tool = (args, stdin, files, io) => {
  let reverse = false;
  let numeric = false;
  let unique = false;
  let key: number | undefined;
  let sep: string | undefined;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const k = a.match(/^-k(\d+)?$/);
    const t = a.match(/^-t(.)?$/);
    if (k) key = Number(k[1] ?? args[++i]?.split(',')[0]);
    else if (t) sep = t[1] ?? args[++i];
    else if (/^-[rnu]+$/.test(a)) {
      reverse ||= a.includes('r');
      numeric ||= a.includes('n');
      unique ||= a.includes('u');
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`sort: invalid option -- '${a[1]}'\n${tryHelp('sort')}`);
      return 2;
    } else operands.push(a);
  }
  let text = '';
  for (const f of operands.length ? operands : ['-']) {
    const d = f === '-' ? stdin ?? '' : files.read(f);
    if (d === undefined) {
      io.err(`sort: cannot read: ${f}: No such file or directory\n`);
      return 2;
    }
    text += d && !d.endsWith('\n') ? d + '\n' : d;
  }
  const lines = text.split('\n');
  lines.pop();
  const field = (l: string) => (key === undefined ? l : (sep === undefined ? l.trim().split(/\s+/) : l.split(sep)).slice(key - 1).join(sep ?? ' '));
  const cmp = (a: string, b: string) => {
    const fa = field(a);
    const fb = field(b);
    if (numeric) {
      const d = (parseFloat(fa) || 0) - (parseFloat(fb) || 0);
      if (d) return d;
    } else if (fa !== fb) return fa < fb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  lines.sort(cmp);
  if (reverse) lines.reverse();
  const out = unique ? lines.filter((l, i) => i === 0 || cmp(lines[i - 1], l) !== 0) : lines;
  if (out.length) io.out(out.join('\n') + '\n');
  return 0;
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromUtf8(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let c = n === 1 ? b : b & (0xff >> (n + 1));
    for (let j = 1; j < n; j++) c = (c << 6) | ((bytes[i + j] ?? 0) & 63);
    s += String.fromCodePoint(c);
    i += n;
  }
  return s;
}

const base64: Tool = (args, stdin, files, io) => {
  const { opts, operands } = split(args);
  const decode = opts.includes('d') || args.includes('--decode');
  const wrapArg = args.find((a) => /^(-w|--wrap=)\d+$/.test(a));
  const wrap = wrapArg ? Number(wrapArg.replace(/^(-w|--wrap=)/, '')) : 76;
  const file = operands.filter((a) => !a.startsWith('--'))[0];
  const text = file === undefined || file === '-' ? stdin ?? '' : files.read(file);
  if (text === undefined) {
    io.err(`base64: ${file}: No such file or directory\n`);
    return 1;
  }
  if (decode) {
    const clean = text.replace(/\s+/g, '');
    const bytes: number[] = [];
    let bits = 0;
    let acc = 0;
    for (const ch of clean) {
      if (ch === '=') break;
      const v = B64.indexOf(ch);
      if (v < 0) {
        io.out(fromUtf8(bytes));
        io.err('base64: invalid input\n');
        return 1;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((acc >> bits) & 0xff);
      }
    }
    io.out(fromUtf8(bytes));
    return 0;
  }
  const b = utf8Bytes(text);
  let enc = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    enc += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  const lines = wrap > 0 ? enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? [] : [enc];
  if (lines.length) io.out(lines.join('\n') + '\n');
  return 0;
};

export const COREUTILS: Record<string, Tool> = { cp: copyOrMove('cp'), mv: copyOrMove('mv'), touch, tee, wc, sort, base64 };
