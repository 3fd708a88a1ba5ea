/**
 * The downward API's field selectors (ObjectFieldSelector): which pod fields an env var's
 * `valueFrom.fieldRef` and a downwardAPI volume file's `fieldRef` may name. The two lists differ
 * (status.podIP only reaches env vars, labels and annotations only volumes), so each caller passes
 * its own.
 */
import type { FieldError } from '../errors';
import { invalid, notSupported, required } from './field-errors';
import { isQualifiedName } from './names';

type Obj = Record<string, unknown>;

export const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
export function objectFieldSelector(fs: Obj, path: string, valid: string[]): FieldError[] {
  if (!fs.apiVersion) return [required(`${path}.apiVersion`)];
  if (!fs.fieldPath) return [required(`${path}.fieldPath`)];
  const fp = String(fs.fieldPath);
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fp);
  if (sub) return isQualifiedName(sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2]).map((m) => invalid(path, sub[2], m));
  if (!valid.includes(fp)) return [notSupported(`${path}.fieldPath`, fp, [...valid].sort())];
  return [];
}

export const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
