/**
 * Semantic warnings for Pod manifests, each placed on the line and column of the field it is
 * about. Pure: reads parsed documents (with their source positions) and nothing else.
 */
import type { ManifestDoc } from '../manifest';
import type { PathSegment } from '../fieldpath';
import { formatPath } from '../fieldpath';
import type { Diagnostic } from './types';
import { RULES } from './rules';
import { isObj } from './pod-view';

export type { Diagnostic } from './types';

export function lintDocuments(docs: readonly ManifestDoc[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    const obj = doc.object as unknown;
    if (!isObj(obj) || obj.kind !== 'Pod') continue;
    for (const rule of RULES) {
      for (const f of rule(obj)) {
        const pos = positionNear(doc, f.path);
        out.push({ severity: 'warning', message: f.message, line: pos?.line, column: pos?.column, source: `lint/${f.rule}`, path: formatPath(f.path) });
      }
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** The field's position, or its nearest written ancestor's. */
function positionNear(doc: ManifestDoc, path: PathSegment[]): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const p = doc.positionOf(path.slice(0, n));
    if (p) return p;
  }
  return undefined;
}
