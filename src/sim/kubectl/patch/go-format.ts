/**
 * Go's `%v` of a decoded JSON value, as it appears inside strategic-merge-patch errors
 * (`map: map[image:x] does not contain declared merge key: name`): maps print their keys in
 * sorted order as `map[k:v k2:v2]`, slices as `[a b]`, strings bare, nil as `<nil>`.
 */
import type { Json } from './json-merge';

export function goValue(v: Json | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  }
  return String(v);
}
