/**
 * `kubectl get --sort-by=<jsonpath>` (kubectl pkg/cmd/get/sorter.go, v1.32), including its quirks,
 * which real kubectl shows and learners meet:
 * - values are compared as JSON-decoded values: numbers numerically, strings as resource
 *   quantities when both parse (`128Mi` < `1Gi`), else byte by byte (`pod-10` < `pod-2`, as the
 *   v1.32 binary does: measured against it, not the natural order older sources suggest);
 *   timestamps are strings, so `.metadata.creationTimestamp` sorts as text (RFC 3339 sorts right);
 * - an object without the field sorts first; a field found in no object is an error;
 * - maps, lists and booleans are "unsortable" and end kubectl with a klog fatal line;
 * - the order of ties is whatever Go's (unstable) sort.Sort leaves, so goSort is used.
 */
import { findResults, goTypeName, JsonPathError } from './jsonpath';
import { goSort } from './printers/gosort';
import { parseQuantity } from '../api/validation/quantity';
import { compareGoStrings } from './printers/table';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** cmd/get RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}`, `{.a.b}` → `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

/** An error kubectl returns (printed as `error: ...`). */
export class SortError extends Error {}

/** klog.Exitf from inside the sort: kubectl prints a fatal log line and exits 1. */
export class SortFatal extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** isLess for two values held in interface{} (what unstructured objects give jsonpath). */
function isLess(x: unknown, y: unknown): boolean {
  if (x === null && y === null) return false;
  if (x === null) return true;
  if (y === null) return false;
  const tx = goTypeName(x);
  if (tx === 'int64' || tx === 'float64') {
    if (goTypeName(y) === tx) return (x as number) < (y as number);
    throw new Error('unsortable interface: interface');
  }
  if (tx === 'string') {
    if (typeof y !== 'string') throw new Error('unsortable interface: interface');
    const qx = parseQuantity(x as string);
    const qy = parseQuantity(y);
    if (qx.ok && qy.ok) return qx.value < qy.value;
    return compareGoStrings(x as string, y) < 0;
  }
  throw new Error(`unsortable type: ${tx}`);
}

/** The first value the field has in `obj`, or undefined (AllowMissingKeys). */
function firstValue(field: string, obj: unknown): { found: boolean; value?: unknown } {
  const values = findResults(field, obj);
  return values.length && values[0].length ? { found: true, value: values[0][0] } : { found: false };
}

/**
 * Sorts objects as kubectl does. `table` selects TableSorter (rows of one server-side Table,
 * fatal at sorter.go:375) rather than RuntimeSort (lists for -o name/yaml/json/custom-columns,
 * fatal at sorter.go:329). Returns the objects in their new order.
 */
export function sortByField<T>(objs: T[], sortBy: string, table: boolean): T[] {
  let field: string;
  try {
    field = relaxedJsonPath(sortBy);
  } catch {
    field = sortBy;
  }
  // SortObjects/NewTableSorter look for the field until it is found once; an evaluation error
  // there is returned as kubectl's error. (TableSorter's errors are swallowed by get, which then
  // prints "No resources found" — kubernetes/kubectl#1343 — the caller handles that.)
  const parsed: Array<{ found: boolean; value?: unknown; error?: string }> = [];
  let foundOnce = false;
  for (const o of objs) {
    try {
      const p = firstValue(field, o);
      foundOnce ||= p.found;
      parsed.push(p);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      if (!foundOnce || table) throw new SortError(e.message);
      parsed.push({ found: false, error: e.message });
    }
  }
  if (objs.length > 0 && !foundOnce) throw new SortError(`couldn't find any field with path "${field}" in the list of objects`);
  const entries = objs.map((o, i) => ({ o, p: parsed[i] }));
  goSort(entries, (a, b) => {
    const failed = a.p.error ?? b.p.error;
    if (failed) throw new SortFatal(table ? 361 : 314, `Failed to get values using ${field} (${failed})`);
    if (!a.p.found) return true;
    if (!b.p.found) return false;
    try {
      return isLess(a.p.value, b.p.value);
    } catch (e) {
      const where = table ? '[][][]reflect.Value' : '*unstructured.Unstructured';
      throw new SortFatal(table ? 375 : 329, `Field ${field} in ${where} is an unsortable type: interface, err: ${(e as Error).message}`);
    }
  });
  return entries.map((e) => e.o);
}

/** The klog line `klog.Exitf` writes: `F0115 10:00:05.000000    4242 sorter.go:375] ...`. */
export function klogFatal(now: number, pid: number, file: string, message: string): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String((now % 1000) * 1000).padStart(6, '0');
  return `F${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros} ${String(pid).padStart(7)} ${file}] ${message}\n`;
}
