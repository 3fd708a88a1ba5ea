/**
 * The syntax tree of an awk program: what ./parser.ts builds and ./interpreter.ts walks. Variables
 * are already resolved to a global name or a function's local slot; statements carry their source
 * line so runtime errors can name it.
 */
/** A variable: a global by name, or the i-th parameter of the function being defined. */
export interface VarRef {
  name: string;
  local?: number;
}

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; ref: VarRef }
  | { k: 'idx'; ref: VarRef; subs: Expr[] }
  | { k: 'field'; e: Expr }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; ref: VarRef }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'cmp'; op: string; a: Expr; b: Expr }
  | { k: 'cat'; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[]; line: number }
  | { k: 'getline'; target?: LValue; file?: Expr; cmd?: Expr }
  | { k: 'group'; e: Expr };

export type LValue = Extract<Expr, { k: 'var' | 'idx' | 'field' }>;

export interface Output {
  mode: '>' | '>>' | '|';
  e: Expr;
}

export type Stmt = { line: number } & (
  | { k: 'expr'; e: Expr }
  | { k: 'print' | 'printf'; args: Expr[]; out?: Output }
  | { k: 'if'; c: Expr; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: VarRef; arr: VarRef; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; ref: VarRef; subs?: Expr[] }
);

export interface Rule {
  pattern?: Expr;
  /** A range pattern `p1, p2`: `pattern` starts it, `end` ends it. */
  end?: Expr;
  /** No action means `{ print }`. */
  body?: Stmt[];
}

export interface Func {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface AwkProgram {
  begin: Stmt[];
  end: Stmt[];
  rules: Rule[];
  funcs: Map<string, Func>;
}
