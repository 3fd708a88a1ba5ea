/**
 * Strategic merge patch (apimachinery strategicpatch), the default of `kubectl patch`: like a JSON
 * merge patch, except that lists the API types mark `patchStrategy:"merge"` merge element by
 * element — by their `patchMergeKey` (containers by name, ports by containerPort, …) or, for lists
 * of scalars (finalizers), as a set union — and the directives `$patch: replace|delete`,
 * `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>` and `$retainKeys` apply.
 * Element order follows normalizeElementOrder: patch elements keep the patch's order and the
 * elements only the live object has are slotted back by their live position, so a new element
 * goes first and an existing one stays where it was.
 */
import { isObject, type Json } from './json-merge';
import { goValue } from './go-format';
import { schemaType, type TypeRef } from '../../api/schema';

interface FieldMeta {
  mergeKey?: string;
  /** 'merge' merges lists; absent means replace. */
  strategy?: 'merge';
}

/** patchMergeKey/patchStrategy tags of k8s.io/api core/v1 and apimachinery meta/v1 (v1.32 types.go). */
const PATCH_META: Record<string, Record<string, FieldMeta>> = {
  'meta/v1.ObjectMeta': { finalizers: { strategy: 'merge' }, ownerReferences: { mergeKey: 'uid', strategy: 'merge' } },
  'core/v1.PodSpec': {
    volumes: { mergeKey: 'name', strategy: 'merge' },
    initContainers: { mergeKey: 'name', strategy: 'merge' },
    containers: { mergeKey: 'name', strategy: 'merge' },
    ephemeralContainers: { mergeKey: 'name', strategy: 'merge' },
    imagePullSecrets: { mergeKey: 'name', strategy: 'merge' },
    hostAliases: { mergeKey: 'ip', strategy: 'merge' },
    topologySpreadConstraints: { mergeKey: 'topologyKey', strategy: 'merge' },
    schedulingGates: { mergeKey: 'name', strategy: 'merge' },
    resourceClaims: { mergeKey: 'name', strategy: 'merge' },
  },
  'core/v1.Container': {
    ports: { mergeKey: 'containerPort', strategy: 'merge' },
    env: { mergeKey: 'name', strategy: 'merge' },
    volumeMounts: { mergeKey: 'mountPath', strategy: 'merge' },
    volumeDevices: { mergeKey: 'devicePath', strategy: 'merge' },
  },
  'core/v1.EphemeralContainer': {
    ports: { mergeKey: 'containerPort', strategy: 'merge' },
    env: { mergeKey: 'name', strategy: 'merge' },
    volumeMounts: { mergeKey: 'mountPath', strategy: 'merge' },
    volumeDevices: { mergeKey: 'devicePath', strategy: 'merge' },
  },
  'core/v1.PodStatus': {
    conditions: { mergeKey: 'type', strategy: 'merge' },
    podIPs: { mergeKey: 'ip', strategy: 'merge' },
    hostIPs: { mergeKey: 'ip', strategy: 'merge' },
  },
  'core/v1.ServiceSpec': { ports: { mergeKey: 'port', strategy: 'merge' } },
  'core/v1.ServiceStatus': { conditions: { mergeKey: 'type', strategy: 'merge' } },
  'core/v1.ServiceAccount': { secrets: { mergeKey: 'name', strategy: 'merge' } },
  'core/v1.NamespaceStatus': { conditions: { mergeKey: 'type', strategy: 'merge' } },
  'core/v1.NodeSpec': { podCIDRs: { strategy: 'merge' } },
  'core/v1.NodeStatus': { conditions: { mergeKey: 'type', strategy: 'merge' }, addresses: { mergeKey: 'type', strategy: 'merge' } },
};

/** Which server error a failure becomes (interpretStrategicMergePatchError). */
export class StrategicMergeError extends Error {
  constructor(
    message: string,
    readonly status: 'BadRequest' | 'Internal',
  ) {
    super(message);
  }
}

const DIRECTIVE = '$patch';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';
const RETAIN_KEYS = '$retainKeys';

/** The struct type a field's value has (through arrays and maps), for looking up patch metadata below it. */
function fieldType(structType: string | undefined, field: string): string | undefined {
  if (!structType) return undefined;
  let t: TypeRef | undefined = schemaType(structType)?.properties?.[field]?.type;
  for (let i = 0; t && i < 4; i++) {
    if (t.kind === 'ref') return t.ref;
    if (t.kind === 'array') t = t.items;
    else if (t.kind === 'map') t = t.values;
    else return undefined;
  }
  return undefined;
}

/** Applies patch to original (both plain JSON objects); rootType is the schema type, e.g. core/v1.Pod. */
export function strategicMergePatch(original: Json, patch: Json, rootType: string | undefined): Json {
  if (!isObject(patch)) throw new StrategicMergeError('invalid JSON document', 'BadRequest');
  const orig = isObject(original) ? structuredClone(original) : {};
  return mergeMap(orig, structuredClone(patch), rootType);
}

function mergeMap(original: { [k: string]: Json }, patch: { [k: string]: Json }, type: string | undefined): { [k: string]: Json } {
  if (DIRECTIVE in patch) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') {
      const { [DIRECTIVE]: _d, ...rest } = patch;
      return stripDirectives(rest) as { [k: string]: Json };
    }
    if (d === 'delete') return {};
    throw new StrategicMergeError(`unknown patch type: ${goValue(d)} in map: ${goValue(patch)}`, 'Internal');
  }
  if (RETAIN_KEYS in patch) {
    const keep = patch[RETAIN_KEYS];
    if (!Array.isArray(keep)) throw new StrategicMergeError('invalid patch: doesn\'t support retainKeys', 'BadRequest');
    for (const k of Object.keys(original)) if (!keep.includes(k)) delete original[k];
  }
  const orders: Record<string, Json[]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(DELETE_PRIMITIVE)) {
      const field = k.slice(DELETE_PRIMITIVE.length);
      if (!Array.isArray(v)) throw new StrategicMergeError('Unable to find patch value in patch for list of primitives', 'BadRequest');
      const cur = original[field];
      if (Array.isArray(cur)) original[field] = cur.filter((x) => !v.some((d) => JSON.stringify(d) === JSON.stringify(x)));
      continue;
    }
    if (k.startsWith(SET_ORDER)) {
      if (!Array.isArray(v)) throw new StrategicMergeError('invalid type for $setElementOrder list', 'BadRequest');
      orders[k.slice(SET_ORDER.length)] = v;
    }
  }
  for (const [k, pv] of Object.entries(patch)) {
    if (k === RETAIN_KEYS || k.startsWith(DELETE_PRIMITIVE) || k.startsWith(SET_ORDER)) continue;
    if (pv === null) {
      delete original[k];
      continue;
    }
    const ov = original[k];
    const sub = fieldType(type, k);
    if (ov === undefined) {
      original[k] = isObject(pv) && DIRECTIVE in pv && pv[DIRECTIVE] === 'delete' ? {} : stripDirectives(pv);
      continue;
    }
    if (isObject(ov) && isObject(pv)) {
      original[k] = mergeMap(ov, pv, sub);
      continue;
    }
    const meta = type ? PATCH_META[type]?.[k] : undefined;
    if (Array.isArray(ov) && Array.isArray(pv) && meta?.strategy === 'merge') {
      original[k] = mergeList(ov, pv, meta.mergeKey, sub);
      continue;
    }
    original[k] = stripDirectives(pv);
  }
  for (const [field, order] of Object.entries(orders)) {
    const list = original[field];
    const key = type ? PATCH_META[type]?.[field]?.mergeKey : undefined;
    if (Array.isArray(list)) original[field] = applyElementOrder(list, order, key);
  }
  return original;
}

/** A value written into the object where nothing was: directives have nothing to act on. */
function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.filter((x) => !(isObject(x) && DIRECTIVE in x)).map(stripDirectives);
  if (isObject(v)) {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) if (k !== DIRECTIVE && k !== RETAIN_KEYS && !k.startsWith(SET_ORDER) && !k.startsWith(DELETE_PRIMITIVE)) out[k] = stripDirectives(x);
    return out;
  }
  return v;
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

function mergeList(original: Json[], patch: Json[], mergeKey: string | undefined, elemType: string | undefined): Json[] {
  if (!original.length && !patch.length) return original;
  const mapElements = [...original, ...patch].some(isObject);
  if (!mapElements || !mergeKey) {
    // A set of scalars: union, without duplicates.
    const merged: Json[] = [];
    for (const x of [...original, ...patch]) if (!merged.some((m) => same(m, x))) merged.push(x);
    const inPatch = (x: Json) => patch.some((p) => same(p, x));
    return normalizeOrder(merged.filter(inPatch), merged.filter((x) => !inPatch(x)), original, (x) => x);
  }
  let orig = original;
  const plain: Array<{ [k: string]: Json }> = [];
  let replace = false;
  for (const el of patch) {
    if (!isObject(el)) throw new StrategicMergeError(`${goValue(el)} is not a map`, 'Internal');
    if (!(DIRECTIVE in el)) {
      plain.push(el);
      continue;
    }
    const d = el[DIRECTIVE];
    if (d === 'delete') {
      if (mergeKey in el) orig = orig.filter((o) => !(isObject(o) && same(o[mergeKey], el[mergeKey])));
      else throw new StrategicMergeError(`map: ${goValue(el)} does not contain declared merge key: ${mergeKey}`, 'Internal');
    } else if (d === 'replace') replace = true;
    else throw new StrategicMergeError(`unknown patch type: ${goValue(d)} in map: ${goValue(el)}`, 'Internal');
  }
  if (replace) return plain.map(stripDirectives);
  const merged: Json[] = [...orig];
  for (const el of plain) {
    if (!(mergeKey in el)) throw new StrategicMergeError(`map: ${goValue(el)} does not contain declared merge key: ${mergeKey}`, 'Internal');
    const i = merged.findIndex((o) => isObject(o) && same(o[mergeKey], el[mergeKey]));
    if (i >= 0) merged[i] = mergeMap(merged[i] as { [k: string]: Json }, el, elemType);
    else merged.push(stripDirectives(el));
  }
  const keyOf = (x: Json) => (isObject(x) ? x[mergeKey] : undefined);
  const inPatch = (x: Json) => plain.some((p) => same(p[mergeKey], keyOf(x)));
  const patchItems = plain.map((p) => merged.find((m) => same(keyOf(m), p[mergeKey]))!).filter((x) => x !== undefined);
  return normalizeOrder(patchItems, merged.filter((x) => !inPatch(x)), orig, keyOf);
}

/**
 * mergeSortedSlice: walk the patch items (in patch order) and the live-only items (in live
 * order); a live-only item goes before a patch item only when both are in the live list and it
 * came first there.
 */
function normalizeOrder(patchItems: Json[], serverOnly: Json[], serverOrder: Json[], keyOf: (x: Json) => Json | undefined): Json[] {
  const index = (x: Json) => serverOrder.findIndex((s) => same(keyOf(s), keyOf(x)));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (i >= serverOnly.length) out.push(patchItems[j++]);
    else if (j >= patchItems.length) out.push(serverOnly[i++]);
    else {
      const li = index(serverOnly[i]);
      const ri = index(patchItems[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(patchItems[j++]);
    }
  }
  return out;
}

/** `$setElementOrder/<field>`: the listed elements in that order, the others where they fall. */
function applyElementOrder(list: Json[], order: Json[], mergeKey: string | undefined): Json[] {
  const keyOf = (x: Json) => (mergeKey && isObject(x) ? x[mergeKey] : x);
  const orderKey = (x: Json) => (mergeKey && isObject(x) ? x[mergeKey] : x);
  const pos = (x: Json) => order.findIndex((o) => same(orderKey(o), keyOf(x)));
  const listed = list.filter((x) => pos(x) >= 0).sort((a, b) => pos(a) - pos(b));
  const others = list.filter((x) => pos(x) < 0);
  return normalizeOrder(listed, others, list, keyOf);
}
