/**
 * validateObject: the API server's validation of a defaulted object, by kind. Each FieldError gets
 * the source position of its field when the object came from a manifest (for a missing field, the
 * nearest enclosing field that is written), so the editor can mark the right line.
 */
import type { FieldError } from '../errors';
import { parseFieldPath, type PathSegment } from '../fieldpath';
import type { KubeObject } from '../types';
import { validateConfigMap, validateSecret } from './configmap';
import { validateObjectMeta } from './meta';
import { isDNS1123Subdomain, maskTrailingDash } from './names';
import { validateNamespace } from './namespace';
import { validatePod } from './pod';
import { validateService } from './service';

export type PositionLookup = (path: PathSegment[]) => { line: number; column: number } | undefined;

export interface ValidateOptions {
  positionOf?: PositionLookup;
  /** 'create' (default) also applies create-only rules (no ephemeral containers on create). */
  operation?: 'create' | 'update';
}

const subdomainName = (name: string, prefix: boolean): string[] => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

export function validateObject(obj: KubeObject, opts: ValidateOptions = {}): FieldError[] {
  const o = obj as Record<string, unknown>;
  let errs: FieldError[];
  switch (obj.kind) {
    case 'Pod':
      errs = validatePod(o, { isCreate: opts.operation !== 'update' });
      break;
    case 'Service':
      errs = validateService(o);
      break;
    case 'ConfigMap':
      errs = validateConfigMap(o);
      break;
    case 'Secret':
      errs = validateSecret(o);
      break;
    case 'Namespace':
      errs = validateNamespace(o);
      break;
    case 'Node':
      errs = validateObjectMeta(obj.metadata, false, subdomainName);
      break;
    default:
      errs = validateObjectMeta(obj.metadata, true, subdomainName);
      break;
  }
  return opts.positionOf ? locate(errs, opts.positionOf) : errs;
}

/** Adds line/column to each error: the field's own position, else its nearest written ancestor. */
export function locate(errs: FieldError[], positionOf: PositionLookup): FieldError[] {
  return errs.map((e) => {
    const segs = parseFieldPath(e.field);
    for (let n = segs.length; n >= 0; n--) {
      const p = positionOf(segs.slice(0, n));
      if (p) return { ...e, line: p.line, column: p.column };
    }
    return e;
  });
}
