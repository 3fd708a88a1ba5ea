/** test(1) / [ ]: unary file and string tests, binary string and integer comparisons, !, -a, -o, ( ). */
import type { ContainerFs } from '../runtime/containerfs';
import { normalize } from '../runtime/fs';

/** true/false, or an error message (`[: 1: unknown operand`) for a malformed expression. */
export function evalTest(args: string[], fs: ContainerFs, cwd: string): boolean | string {
  let i = 0;
  const intArg = (s: string): number | string => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : `test: invalid number '${s}'`);

  const primary = (): boolean | string => {
    const a = args[i];
    if (a === undefined) return false;
    if (a === '!') {
      i++;
      const r = primary();
      return typeof r === 'string' ? r : !r;
    }
    if (a === '(') {
      i++;
      const r = orExpr();
      if (args[i] !== ')') return 'test: missing )';
      i++;
      return r;
    }
    const b = args[i + 1];
    if (b !== undefined && args[i + 2] !== undefined && BINARY.has(b)) {
      const c = args[i + 2];
      i += 3;
      if (b === '=' || b === '==') return a === c;
      if (b === '!=') return a !== c;
      if (b === '<') return a < c;
      if (b === '>') return a > c;
      const x = intArg(a);
      const y = intArg(c);
      if (typeof x === 'string') return x;
      if (typeof y === 'string') return y;
      switch (b) {
        case '-eq': return x === y;
        case '-ne': return x !== y;
        case '-lt': return x < y;
        case '-le': return x <= y;
        case '-gt': return x > y;
        case '-ge': return x >= y;
      }
    }
    if (/^-[a-zA-Z]$/.test(a) && b !== undefined && UNARY.has(a)) {
      i += 2;
      if (a === '-z') return b.length === 0;
      if (a === '-n') return b.length > 0;
      const st = fs.stat(normalize(b, cwd));
      switch (a) {
        case '-e': return !!st;
        case '-f': return st?.type === 'file';
        case '-d': return st?.type === 'dir';
        case '-h':
        case '-L': return st?.type === 'symlink';
        case '-s': return st?.type === 'file' ? st.data.length > 0 : !!st;
        case '-r':
        case '-w':
        case '-x': return !!st;
      }
    }
    i++;
    return a.length > 0;
  };
  const andExpr = (): boolean | string => {
    let r = primary();
    while (args[i] === '-a') {
      i++;
      const s = primary();
      if (typeof r === 'string') return r;
      if (typeof s === 'string') return s;
      r = r && s;
    }
    return r;
  };
  const orExpr = (): boolean | string => {
    let r = andExpr();
    while (args[i] === '-o') {
      i++;
      const s = andExpr();
      if (typeof r === 'string') return r;
      if (typeof s === 'string') return s;
      r = r || s;
    }
    return r;
  };
  if (!args.length) return false;
  const r = orExpr();
  if (typeof r === 'string') return r;
  if (i < args.length) return `test: ${args[i]}: unknown operand`;
  return r;
}

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-h', '-L', '-s', '-r', '-w', '-x']);
