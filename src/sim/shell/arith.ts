/**
 * `$(( ... ))` arithmetic: integers with C precedence, variables by name, comparison and logic
 * operators, assignment operators, ternary. Division by zero is ash's `sh: arithmetic syntax error`
 * sibling: `sh: divide by zero`.
 */
export class ArithError extends Error {}

type Vars = { get(name: string): string | undefined; set(name: string, v: string): void };

const BINARY: Array<[string[], number]> = [
  [['||'], 1],
  [['&&'], 2],
  [['|'], 3],
  [['^'], 4],
  [['&'], 5],
  [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7],
  [['<<', '>>'], 8],
  [['+', '-'], 9],
  [['*', '/', '%'], 10],
];
const PREC = new Map<string, number>();
for (const [ops, p] of BINARY) for (const o of ops) PREC.set(o, p);

export function evalArith(src: string, vars: Vars): number {
  const toks = src.match(/\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<=|>>=|\+\+|--|[-+*/%&|^]=|==|!=|<=|>=|&&|\|\||<<|>>|[-+*/%()<>!~?:=&|^,])/g);
  const joined = (toks ?? []).join('').replace(/\s+/g, '');
  if (joined !== src.replace(/\s+/g, '')) throw new ArithError('arithmetic syntax error');
  const t = (toks ?? []).map((x) => x.trim());
  let i = 0;
  const peek = () => t[i];
  const num = (name: string): number => {
    const v = vars.get(name);
    if (v === undefined || v === '') return 0;
    const n = Number(v.trim());
    if (!Number.isFinite(n)) return evalArith(v, vars);
    return Math.trunc(n);
  };

  const primary = (): { v: number; name?: string } => {
    const tok = t[i++];
    if (tok === undefined) throw new ArithError('arithmetic syntax error');
    if (tok === '(') {
      const v = assign();
      if (t[i++] !== ')') throw new ArithError('arithmetic syntax error');
      return { v };
    }
    if (tok === '-') return { v: -unary().v };
    if (tok === '+') return { v: unary().v };
    if (tok === '!') return { v: unary().v ? 0 : 1 };
    if (tok === '~') return { v: ~unary().v };
    if (tok === '++' || tok === '--') {
      const name = t[i++];
      const v = num(name) + (tok === '++' ? 1 : -1);
      vars.set(name, String(v));
      return { v };
    }
    if (/^\d/.test(tok)) return { v: tok.startsWith('0') && tok.length > 1 ? parseInt(tok, 8) : Number(tok) };
    if (/^[A-Za-z_]/.test(tok)) {
      if (peek() === '++' || peek() === '--') {
        const op = t[i++];
        const v = num(tok);
        vars.set(tok, String(v + (op === '++' ? 1 : -1)));
        return { v };
      }
      return { v: num(tok), name: tok };
    }
    throw new ArithError('arithmetic syntax error');
  };
  const unary = primary;

  const binary = (minPrec: number): { v: number; name?: string } => {
    let left = unary();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PREC.get(op);
      if (p === undefined || p < minPrec) return left;
      i++;
      const right = binary(p + 1).v;
      const a = left.v;
      let v: number;
      switch (op) {
        case '||': v = a || right ? 1 : 0; break;
        case '&&': v = a && right ? 1 : 0; break;
        case '|': v = a | right; break;
        case '^': v = a ^ right; break;
        case '&': v = a & right; break;
        case '==': v = a === right ? 1 : 0; break;
        case '!=': v = a !== right ? 1 : 0; break;
        case '<': v = a < right ? 1 : 0; break;
        case '>': v = a > right ? 1 : 0; break;
        case '<=': v = a <= right ? 1 : 0; break;
        case '>=': v = a >= right ? 1 : 0; break;
        case '<<': v = a << right; break;
        case '>>': v = a >> right; break;
        case '+': v = a + right; break;
        case '-': v = a - right; break;
        case '*': v = a * right; break;
        case '/':
        case '%':
          if (right === 0) throw new ArithError('divide by zero');
          v = op === '/' ? Math.trunc(a / right) : a % right;
          break;
        default:
          throw new ArithError('arithmetic syntax error');
      }
      left = { v };
    }
  };

  const ternary = (): { v: number; name?: string } => {
    const c = binary(1);
    if (peek() !== '?') return c;
    i++;
    const a = assign();
    if (t[i++] !== ':') throw new ArithError('arithmetic syntax error');
    const b = assign();
    return { v: c.v ? a : b };
  };

  const assign = (): number => {
    const start = i;
    const name = t[i];
    const op = t[i + 1];
    if (name && /^[A-Za-z_]/.test(name) && op && /^([-+*/%&|^]|<<|>>)?=$/.test(op)) {
      i += 2;
      const rhs = assign();
      const cur = num(name);
      let v = rhs;
      switch (op) {
        case '+=': v = cur + rhs; break;
        case '-=': v = cur - rhs; break;
        case '*=': v = cur * rhs; break;
        case '/=': if (!rhs) throw new ArithError('divide by zero'); v = Math.trunc(cur / rhs); break;
        case '%=': if (!rhs) throw new ArithError('divide by zero'); v = cur % rhs; break;
      }
      vars.set(name, String(v));
      return v;
    }
    i = start;
    return ternary().v;
  };

  if (!t.length) return 0;
  const v = assign();
  if (i < t.length) throw new ArithError('arithmetic syntax error');
  return v;
}
