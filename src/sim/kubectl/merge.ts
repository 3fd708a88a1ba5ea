/**
 * Client-side apply's merge: the manifest (desired) is merged into the live object, and fields
 * that the last-applied configuration had but the manifest no longer has are removed. Lists of
 * named things merge by their key, like strategic merge patch does for Pod fields (containers and
 * volumes by name, volumeMounts by mountPath, ports by containerPort, env by name).
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
};

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

export function threeWayMerge(live: Json, lastApplied: Json, desired: Json, field = ''): Json {
  if (isObj(desired) && isObj(live)) {
    const out: Record<string, Json> = { ...live };
    const last = isObj(lastApplied) ? lastApplied : {};
    for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
    for (const [k, v] of Object.entries(desired)) out[k] = threeWayMerge(live[k], last[k], v, k);
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live) && MERGE_KEYS[field] && desired.every(isObj)) {
    const key = MERGE_KEYS[field];
    const service = field === 'ports' && desired.some((d) => isObj(d) && 'port' in d);
    const k = service ? 'port' : key;
    const lastList = Array.isArray(lastApplied) ? lastApplied : [];
    const merged = desired.map((d) => {
      const dd = d as Record<string, Json>;
      const l = live.find((x) => isObj(x) && x[k] === dd[k]);
      const la = lastList.find((x) => isObj(x) && (x as Record<string, Json>)[k] === dd[k]);
      return l === undefined ? d : threeWayMerge(l, la, d, '');
    });
    // Items the server added (never in a manifest) survive, as with a strategic merge patch.
    const keep = live.filter((x) => isObj(x) && !desired.some((d) => (d as Record<string, Json>)[k] === x[k]) && !lastList.some((la) => isObj(la) && la[k] === x[k]));
    return [...merged, ...keep];
  }
  return desired;
}
