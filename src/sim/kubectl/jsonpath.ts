/**
 * kubectl's JSONPath templates (`-o jsonpath='{.spec.ports[0].nodePort}'`): text with `{...}`
 * actions — field paths with `[n]`, `[*]`, `[a:b]` and `..name` recursion, `{range X}...{end}`,
 * and quoted literals like `{"\n"}`. Several results of one action are joined by a space, as
 * kubectl prints them.
 */
export class JsonPathError extends Error {}

type Node = { t: 'text'; v: string } | { t: 'path'; expr: string } | { t: 'range'; expr: string; body: Node[] };

function parse(tpl: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ t: 'text', v: tpl.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ t: 'text', v: tpl.slice(i, open) });
    const close = tpl.indexOf('}', open);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = tpl.slice(open + 1, close).trim();
    i = close + 1;
    const lit = action.match(/^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/);
    if (lit) stack[stack.length - 1].push({ t: 'text', v: lit[1] !== undefined ? JSON.parse(`"${lit[1]}"`) : lit[2] });
    else if (action.startsWith('range ')) {
      const node: Node = { t: 'range', expr: action.slice(6).trim(), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
    } else if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else stack[stack.length - 1].push({ t: 'path', expr: action });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

function evalPath(expr: string, data: unknown): unknown[] {
  let cur: unknown[] = [data];
  const re = /\.\.([A-Za-z0-9_-]+)|\.([A-Za-z0-9_-]+|\*)|\[(\*|-?\d+|-?\d*:-?\d*|'[^']*'|"[^"]*")\]|^\$|^@/g;
  const e = expr.replace(/^\$?/, '');
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(e))) {
    if (m.index !== last) throw new JsonPathError(`unrecognized identifier ${e.slice(last)}`);
    last = re.lastIndex;
    if (m[1] !== undefined) {
      const out: unknown[] = [];
      const walk = (v: unknown) => {
        if (v && typeof v === 'object') {
          if (!Array.isArray(v) && m![1] in (v as object)) out.push((v as Record<string, unknown>)[m![1]]);
          for (const c of Object.values(v as object)) walk(c);
        }
      };
      cur.forEach(walk);
      cur = out;
    } else if (m[2] !== undefined) {
      cur = m[2] === '*' ? cur.flatMap((v) => (v && typeof v === 'object' ? Object.values(v as object) : [])) : cur.flatMap((v) => (v && typeof v === 'object' && !Array.isArray(v) && m![2] in (v as object) ? [(v as Record<string, unknown>)[m![2]]] : []));
    } else if (m[3] !== undefined) {
      const sel = m[3];
      cur = cur.flatMap((v) => {
        if (/^['"]/.test(sel)) return v && typeof v === 'object' ? [(v as Record<string, unknown>)[sel.slice(1, -1)]] : [];
        if (v === null || v === undefined) return [];
        // client-go evalArray: indexing anything but a list is an error, not an empty result
        if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
        if (sel === '*') return v;
        if (sel.includes(':')) {
          const [a, b] = sel.split(':');
          return v.slice(a ? Number(a) : 0, b ? Number(b) : v.length);
        }
        const n = Number(sel);
        const idx = n < 0 ? v.length + n : n;
        if (idx < 0 || idx >= v.length) throw new JsonPathError(`array index out of bounds: index ${n}, length ${v.length}`);
        return [v[idx]];
      });
    }
  }
  if (last !== e.length) {
    if (e[last] === '[' && !e.includes(']', last)) throw new JsonPathError('unterminated array');
    throw new JsonPathError(`unrecognized identifier ${e.slice(last)}`);
  }
  return cur.filter((v) => v !== undefined);
}

/** The Go type an unstructured (JSON-decoded) value has, as client-go's errors name it. */
export function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/**
 * client-go JSONPath.FindResults with AllowMissingKeys(true): the values of each action of the
 * template (a missing key yields no value; a bad index is still an error, as in kubectl).
 */
export function findResults(template: string, data: unknown): unknown[][] {
  return parse(template).map((n) => (n.t === 'text' ? [n.v] : n.t === 'path' ? evalPath(n.expr, data) : []));
}

/** fmt.Sprint of a JSON-decoded value: maps as `map[k:v ...]` (keys sorted), lists as `[a b]`, null as `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `map[${keys.map((k) => `${k}:${goSprint((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return goFloat(v);
  return String(v);
}

/** Go's %v for a float64: shortest digits, exponent form below 1e-4 or from 1e21. */
function goFloat(f: number): string {
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e] = f.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(f);
}

/** Maps print as Go's json.Marshal prints them: keys sorted. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

function show(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return JSON.stringify(sortKeys(v));
  return String(v);
}

function render(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.v;
    else if (n.t === 'path') out += evalPath(n.expr, data).map(show).join(' ');
    else for (const item of evalPath(n.expr, data)) out += render(n.body, item);
  }
  return out;
}

/** Render a kubectl JSONPath template against an object; throws JsonPathError with kubectl's wording. */
export function jsonPath(template: string, data: unknown): string {
  return render(parse(template), data);
}
