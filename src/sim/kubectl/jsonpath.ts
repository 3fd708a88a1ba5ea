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
        if (!Array.isArray(v)) return [];
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
  if (last !== e.length) throw new JsonPathError(`unrecognized identifier ${e.slice(last)}`);
  return cur.filter((v) => v !== undefined);
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
