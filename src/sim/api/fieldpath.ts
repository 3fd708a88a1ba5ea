/**
 * Field paths as the API server prints them: `spec.containers[0].image`, `metadata.labels[app]`.
 * Decoding and validation build them from JSON paths (strings for object keys, numbers for list
 * indices); map keys use the bracket form, which callers request with `mapKey`.
 */
export type PathSegment = string | number;

/** ["spec","containers",0,"image"] → "spec.containers[0].image" (apimachinery field.Path.String()). */
export function formatPath(path: ReadonlyArray<PathSegment>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** A stable key for maps keyed by path. */
export function pathKey(path: ReadonlyArray<PathSegment>): string {
  return path.map((s) => (typeof s === 'number' ? `#${s}` : `.${s}`)).join('\u0000');
}

/**
 * "spec.containers[0].name" → ["spec","containers",0,"name"]; "data[my.key]" → ["data","my.key"].
 * The inverse of formatPath, also for map keys written in brackets.
 */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[2] === undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}
