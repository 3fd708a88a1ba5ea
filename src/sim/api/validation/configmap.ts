/** ConfigMap and Secret validation: object names are DNS-1123 subdomains, keys config keys. */
import type { FieldError } from '../errors';
import { invalid, required, tooLong } from './field-errors';
import { validateObjectMeta } from './meta';
import { isConfigMapKey } from './names';
import { podNameErrors } from './pod';

type Obj = Record<string, unknown>;

/** core.MaxSecretSize, also the limit of a ConfigMap's data. */
const MAX_SIZE = 1024 * 1024;

export function validateConfigMap(cm: Obj): FieldError[] {
  const errs = validateObjectMeta(cm.metadata as never, true, podNameErrors);
  const data = (cm.data ?? {}) as Obj;
  const binary = (cm.binaryData ?? {}) as Obj;
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, m));
    if (k in binary) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += String(v).length;
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`binaryData[${k}]`, k, m));
    if (k in data) errs.push(invalid(`binaryData[${k}]`, k, 'duplicate of key present in data'));
    total += String(v).length;
  }
  if (total > MAX_SIZE) errs.push(tooLong('', MAX_SIZE));
  return errs;
}

export function validateSecret(secret: Obj): FieldError[] {
  const errs = validateObjectMeta(secret.metadata as never, true, podNameErrors);
  const data = (secret.data ?? {}) as Obj;
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, m));
    total += Math.floor((String(v).length * 3) / 4);
  }
  if (total > MAX_SIZE) errs.push(tooLong('data', MAX_SIZE));
  // Typed secrets must carry their keys.
  const need: Record<string, string[]> = {
    'kubernetes.io/tls': ['tls.crt', 'tls.key'],
    'kubernetes.io/basic-auth': [],
    'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
    'kubernetes.io/dockercfg': ['.dockercfg'],
    'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  };
  for (const key of need[String(secret.type ?? '')] ?? []) if (!(key in data)) errs.push(required(`data[${key}]`));
  return errs;
}
