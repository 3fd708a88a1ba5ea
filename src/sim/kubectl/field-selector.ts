/**
 * --field-selector `a.b=v,c!=w`: equality on dotted field paths, as the API server evaluates it for
 * the fields each kind supports (metadata.name, metadata.namespace, status.phase, spec.nodeName …).
 */
import type { KubeObject } from '../api/types';

export function matchesFieldSelector(o: KubeObject, sel: string): boolean {
  return sel.split(',').every((req) => {
    const m = req.match(/^([^!=]+)(==|=|!=)(.*)$/);
    if (!m) return true;
    let v: unknown = o;
    for (const k of m[1].split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    const eq = String(v ?? '') === m[3];
    return m[2] === '!=' ? !eq : eq;
  });
}
