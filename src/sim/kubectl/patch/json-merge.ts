/**
 * JSON merge patch (RFC 7386), as evanphx/json-patch's MergePatch applies it for
 * `kubectl patch --type merge`: objects merge key by key, `null` deletes a key, anything else —
 * lists included — replaces the target value whole.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const isObject = (v: unknown): v is { [k: string]: Json } => !!v && typeof v === 'object' && !Array.isArray(v);

/** ErrBadJSONPatch: a merge patch must be a JSON object. */
export class MergePatchError extends Error {}

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) throw new MergePatchError(Array.isArray(patch) ? 'json: cannot unmarshal array into Go value of type unstructured.detector' : 'Invalid JSON Patch');
  return mergeValue(target, patch);
}

function mergeValue(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: { [k: string]: Json } = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergeValue(out[k], v);
  }
  return out;
}
