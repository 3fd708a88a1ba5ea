/**
 * JSON patch (RFC 6902) with the behaviour and messages of evanphx/json-patch v4, the library
 * behind both `kubectl patch --type json` and the API server: add/remove/replace/move/copy/test,
 * `-` appends, `~1`/`~0` unescape, replace of a missing object key adds it, copy from a missing
 * key copies null, and errors read `add operation does not apply: doc is missing path: "/a/b":
 * missing value`, `testing value /x failed: test failed`, `Unexpected kind: frob`.
 */
import { isObject, type Json } from './json-merge';

export class JsonPatchError extends Error {
  /** DecodePatch failed (the patch is not a list of operations): the server answers 400. */
  constructor(
    message: string,
    readonly decode = false,
  ) {
    super(message);
  }
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

type Container = { kind: 'doc'; value: { [k: string]: Json } } | { kind: 'ary'; value: Json[] };

function decodeKey(k: string): string {
  return k.replace(/~1/g, '/').replace(/~0/g, '~');
}

function containerOf(v: Json | undefined): Container | undefined {
  if (Array.isArray(v)) return { kind: 'ary', value: v };
  if (isObject(v)) return { kind: 'doc', value: v };
  return undefined;
}

/** findObject: the container holding the path's last segment, and that segment. */
function findObject(doc: Json, path: string): { con?: Container; key: string } {
  const split = path.split('/');
  if (split.length < 2) return { key: '' };
  let cur = containerOf(doc);
  for (const part of split.slice(1, -1)) {
    if (!cur) return { key: '' };
    const next = get(cur, decodeKey(part));
    if (next.err || next.value === undefined || next.value === null) return { key: '' };
    cur = containerOf(next.value);
  }
  return cur ? { con: cur, key: decodeKey(split[split.length - 1]) } : { key: '' };
}

/** strconv.Atoi with Go's error text. */
function atoi(key: string): number | string {
  if (!/^[+-]?\d+$/.test(key)) return `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
  return Number(key);
}

function get(con: Container, key: string): { value?: Json; err?: string } {
  if (con.kind === 'doc') return { value: Object.prototype.hasOwnProperty.call(con.value, key) ? con.value[key] : undefined };
  const idx = atoi(key);
  if (typeof idx === 'string') return { err: idx };
  if (idx < 0 || idx >= con.value.length) return { err: `Unable to access invalid index: ${idx}: ${INVALID_INDEX}` };
  return { value: con.value[idx] };
}

function add(con: Container, key: string, value: Json): string | undefined {
  if (con.kind === 'doc') {
    con.value[key] = value;
    return undefined;
  }
  if (key === '-') {
    con.value.push(value);
    return undefined;
  }
  const idx = atoi(key);
  if (typeof idx === 'string') return idx;
  if (idx < 0 || idx > con.value.length) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
  con.value.splice(idx, 0, value);
  return undefined;
}

function remove(con: Container, key: string): string | undefined {
  if (con.kind === 'doc') {
    if (!Object.prototype.hasOwnProperty.call(con.value, key)) return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete con.value[key];
    return undefined;
  }
  const idx = atoi(key);
  if (typeof idx === 'string') return idx;
  if (idx < 0 || idx >= con.value.length) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
  con.value.splice(idx, 1);
  return undefined;
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

/** Applies the operations to a copy of doc. */
export function applyJsonPatch(docIn: Json, patch: Json): Json {
  if (!Array.isArray(patch)) {
    const what = patch === null ? 'null' : isObject(patch) ? 'object' : typeof patch === 'string' ? 'string' : typeof patch === 'number' ? 'number' : 'bool';
    if (patch === null) return structuredClone(docIn);
    throw new JsonPatchError(`json: cannot unmarshal ${what} into Go value of type jsonpatch.Patch`, true);
  }
  if (patch.some((op) => !isObject(op))) {
    const bad = patch.find((op) => !isObject(op))!;
    throw new JsonPatchError(`json: cannot unmarshal ${Array.isArray(bad) ? 'array' : typeof bad === 'string' ? 'string' : typeof bad === 'number' ? 'number' : 'bool'} into Go value of type jsonpatch.Operation`, true);
  }
  let doc = structuredClone(docIn);
  for (const raw of patch as Array<{ [k: string]: Json }>) {
    const kind = typeof raw.op === 'string' ? raw.op : 'unknown';
    const path = typeof raw.path === 'string' ? raw.path : undefined;
    const value = raw.value === undefined ? null : structuredClone(raw.value);
    const needPath = (): string => {
      if (path === undefined) throw new JsonPatchError(`${kind} operation failed to decode path: ${MISSING}`);
      return path;
    };
    switch (kind) {
      case 'add': {
        const p = needPath();
        const { con, key } = findObject(doc, p);
        if (!con) throw new JsonPatchError(`add operation does not apply: doc is missing path: ${JSON.stringify(p)}: ${MISSING}`);
        const err = add(con, key, value);
        if (err) throw new JsonPatchError(`error in add for path: '${p}': ${err}`);
        break;
      }
      case 'remove': {
        const p = needPath();
        const { con, key } = findObject(doc, p);
        if (!con) throw new JsonPatchError(`remove operation does not apply: doc is missing path: ${JSON.stringify(p)}: ${MISSING}`);
        const err = remove(con, key);
        if (err) throw new JsonPatchError(`error in remove for path: '${p}': ${err}`);
        break;
      }
      case 'replace': {
        const p = needPath();
        const { con, key } = findObject(doc, p);
        if (!con) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${p}: ${MISSING}`);
        if (con.kind === 'ary') {
          const cur = get(con, key);
          if (cur.err) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${p}: ${MISSING}`);
          con.value[Number(key)] = value;
        } else con.value[key] = value;
        break;
      }
      case 'move':
      case 'copy': {
        const from = typeof raw.from === 'string' ? raw.from : undefined;
        if (from === undefined) throw new JsonPatchError(`${kind} operation failed to decode from: ${MISSING}`);
        const src = findObject(doc, from);
        if (!src.con) throw new JsonPatchError(`${kind} operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
        const got = get(src.con, src.key);
        if (got.err) throw new JsonPatchError(`error in ${kind} for path: '${src.key}': ${got.err}`);
        const moved = got.value === undefined ? null : structuredClone(got.value);
        if (kind === 'move') {
          const err = remove(src.con, src.key);
          if (err) throw new JsonPatchError(`error in move for path: '${src.key}': ${err}`);
        }
        const p = needPath();
        const dst = findObject(doc, p);
        if (!dst.con) throw new JsonPatchError(`${kind} operation does not apply: doc is missing destination path: ${p}: ${MISSING}`);
        const err = add(dst.con, dst.key, moved);
        if (err) throw new JsonPatchError(`error in ${kind} for path: '${p}': ${err}`);
        break;
      }
      case 'test': {
        const p = needPath();
        // "" tests the whole document (the root value).
        if (p === '') {
          if (!equal(doc, value)) throw new JsonPatchError(`testing value ${p} failed: test failed`);
          break;
        }
        const { con, key } = findObject(doc, p);
        if (!con) throw new JsonPatchError(`test operation does not apply: doc is missing path: ${p}: ${MISSING}`);
        const got = get(con, key);
        if (got.err) throw new JsonPatchError(`error in test for path: '${p}': ${got.err}`);
        const cur = got.value === undefined ? null : got.value;
        if (!equal(cur, value)) throw new JsonPatchError(`testing value ${p} failed: test failed`);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${kind}`);
    }
    doc = doc as Json;
  }
  return doc;
}
