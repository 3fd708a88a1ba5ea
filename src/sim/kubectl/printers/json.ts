/**
 * `kubectl ... -o json`: Go's json.MarshalIndent(obj, "", "    ") of the object as kubectl holds
 * it (unstructured maps), plus a final newline. Differences from JSON.stringify that matter:
 * map keys sorted by Go (byte order, so "10" before "2" — JS objects would put integer-like keys
 * first, hence the hand-written serialiser), and Go's HTML-safe escaping of <, >, & as \u003c,
 * \u003e, \u0026 and of U+2028 / U+2029.
 */

/** Go encoding/json's string literal. */
function goString(s: string): string {
  return (
    JSON.stringify(s)
      // These characters only occur inside the literal, so a global replace is safe.
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')
      // Unpaired UTF-16 halves are invalid UTF-8 to Go, which writes U+FFFD for them.
      .replace(/\\ud[89a-f][0-9a-f]{2}/g, '\ufffd')
  );
}

/** Go's byte-wise string order (code point order; equal to UTF-8 byte order). */
function goLess(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function encode(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => inner + encode(x, inner)).join(',\n') + '\n' + indent + ']';
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(goLess);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${inner}${goString(k)}: ${encode(obj[k], inner)}`).join(',\n') + '\n' + indent + '}';
}

/** Serialises an object as `kubectl get -o json` prints it. */
export function toJSON(obj: unknown): string {
  return encode(obj, '') + '\n';
}

/** `kubectl get <several> -o json`: items wrapped in a v1 List. */
export function toJSONList(items: unknown[]): string {
  return toJSON({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}
