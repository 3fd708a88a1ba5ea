/**
 * Pod volume validation (ValidateVolumes, validateVolumeSource): exactly one source per volume,
 * unique DNS-1123 names, and the per-source rules learners meet — hostPath, secret/configMap items
 * and modes, PVC claim names, downwardAPI files, projected sources. The names of valid volumes are
 * returned because container volumeMounts must refer to one of them.
 */
import type { FieldError } from '../errors';
import { VOLUME_FIELD_PATHS, objectFieldSelector } from './downward-api';
import { duplicate, forbidden, invalid, required } from './field-errors';
import { isDNS1123Label } from './names';
import { asObj, list } from './object-fields';

type Obj = Record<string, unknown>;

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];

/** ValidateVolumes; returns the names of the valid volumes (mounts must refer to one of them). */
export function validateVolumes(volumes: Obj[], errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  volumes.forEach((vol, i) => {
    const path = `spec.volumes[${i}]`;
    const el = validateVolumeSource(vol, path);
    const name = typeof vol.name === 'string' ? vol.name : '';
    if (!name) el.push(required(`${path}.name`));
    else for (const m of isDNS1123Label(name)) el.push(invalid(`${path}.name`, name, m));
    if (names.has(name)) el.push(duplicate(`${path}.name`, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return names;
}

function validateVolumeSource(vol: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const key of VOLUME_SOURCES) {
    const src = vol[key];
    if (src === undefined || src === null) continue;
    if (n > 0) {
      errs.push(forbidden(`${path}.${key}`, 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    const s = asObj(src);
    const p = `${path}.${key}`;
    switch (key) {
      case 'hostPath':
        if (!s.path) errs.push(required(`${p}.path`));
        else if (String(s.path).split('/').includes('..')) errs.push(invalid(`${p}.path`, s.path, "must not contain '..'"));
        break;
      case 'secret':
        if (!s.secretName) errs.push(required(`${p}.secretName`));
        errs.push(...fileMode(s.defaultMode, `${p}.defaultMode`), ...keyToPaths(list(s.items), `${p}.items`));
        break;
      case 'configMap':
        if (!s.name) errs.push(required(`${p}.name`));
        errs.push(...fileMode(s.defaultMode, `${p}.defaultMode`), ...keyToPaths(list(s.items), `${p}.items`));
        break;
      case 'persistentVolumeClaim':
        if (!s.claimName) errs.push(required(`${p}.claimName`));
        break;
      case 'downwardAPI':
        errs.push(...fileMode(s.defaultMode, `${p}.defaultMode`));
        for (const item of list(s.items)) errs.push(...downwardAPIFile(item, p));
        break;
      case 'projected':
        errs.push(...fileMode(s.defaultMode, `${p}.defaultMode`));
        list(s.sources).forEach((source, j) => {
          const sp = `${p}.sources[${j}]`;
          const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter((k) => source[k]);
          if (kinds.length > 1) errs.push(forbidden(sp, 'may not specify more than 1 volume type per source'));
          const token = source.serviceAccountToken as Obj | undefined;
          if (token) {
            const exp = Number(token.expirationSeconds ?? 0);
            if (exp < 600) errs.push(invalid(`${sp}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'));
            if (!token.path) errs.push(required(`${p}.path`));
          }
        });
        break;
      default:
        break;
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

function fileMode(mode: unknown, path: string): FieldError[] {
  return typeof mode === 'number' && (mode < 0 || mode > 0o777) ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

function keyToPaths(items: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  items.forEach((kp, i) => {
    const p = `${path}[${i}]`;
    if (!kp.key) errs.push(required(`${p}.key`));
    if (!kp.path) errs.push(required(`${p}.path`));
    errs.push(...localPath(String(kp.path ?? ''), `${p}.path`), ...fileMode(kp.mode, `${p}.mode`));
  });
  return errs;
}

function downwardAPIFile(file: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!file.path) errs.push(required(`${path}.path`));
  errs.push(...localPath(String(file.path ?? ''), `${path}.path`));
  if (file.fieldRef) errs.push(...objectFieldSelector(asObj(file.fieldRef), `${path}.fieldRef`, VOLUME_FIELD_PATHS));
  else if (!file.resourceFieldRef) errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  errs.push(...fileMode(file.mode, `${path}.mode`));
  return errs;
}

/** ValidateLocalNonReservedPath: relative, no `..` elements, not starting with `..`. */
function localPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'));
  if (p.split('/').includes('..')) errs.push(invalid(path, p, "must not contain '..'"));
  else if (p.startsWith('..')) errs.push(invalid(path, p, "must not start with '..'"));
  return errs;
}
