/**
 * Pod validation as the API server runs it on a defaulted pod (pkg/apis/core/validation:
 * ValidatePodCreate → validatePodMetadataAndSpec → ValidatePodSpec), in the same order so that
 * multi-error messages list causes as a real cluster does. Covers the fields learners write:
 * volumes, containers (names, images, ports, env, mounts, probes, lifecycle, resources,
 * security context), init containers and sidecars, restart/DNS policy, tolerations.
 */
import type { FieldError } from '../errors';
import { defaultImagePullPolicy } from '../image-reference';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './field-errors';
import { validateLabels, validateObjectMeta } from './meta';
import {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  maskTrailingDash,
  NEGATIVE_ERROR,
} from './names';
import { parseQuantity } from './quantity';

type Obj = Record<string, unknown>;

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const MAX_INT32 = 2147483647;

export const podNameErrors = (name: string, prefix: boolean): string[] => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

export interface PodValidationOptions {
  /** Create forbids ephemeral containers (they are added through a subresource). Default true. */
  isCreate?: boolean;
}

export function validatePod(pod: Obj, opts: PodValidationOptions = {}): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = asObj(pod.spec);
  if (opts.isCreate !== false) {
    if (list(spec.ephemeralContainers).length > 0) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
    if (spec.nodeName && list(spec.schedulingGates).length > 0) {
      errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
    }
  }
  return errs;
}

/** validatePodMetadataAndSpec: shared by create and update. */
export function validatePodMetadataAndSpec(pod: Obj): FieldError[] {
  const errs = validateObjectMeta(pod.metadata as never, true, podNameErrors);
  const spec = asObj(pod.spec);
  errs.push(...validatePodSpec(spec));
  // Checks that apply to pods but not to pod templates.
  for (const key of ['containers', 'initContainers']) {
    list(spec[key]).forEach((c, i) => {
      const image = typeof c.image === 'string' ? c.image : '';
      if (image.length !== image.trim().length) errs.push(invalid(`spec.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

export function validatePodSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    errs.push(required('spec.terminationGracePeriodSeconds'));
  }
  const volumes = validateVolumes(list(spec.volumes), errs);
  const containers = list(spec.containers);
  const initContainers = list(spec.initContainers);
  errs.push(...validateContainers(containers, volumes, grace));
  errs.push(...validateInitContainers(initContainers, containers, volumes, grace));
  errs.push(...validateEphemeralContainers(list(spec.ephemeralContainers), containers, initContainers, volumes));

  if (spec.hostNetwork === true) {
    containers.forEach((c, i) =>
      list(c.ports).forEach((p, j) => {
        if (p.hostPort !== p.containerPort) {
          errs.push(invalid(`spec.containers[${i}].ports[${j}].hostPort`, p.hostPort ?? 0, 'must match `containerPort` when `hostNetwork` is true'));
        }
      }),
    );
  }
  errs.push(...enumField('spec.restartPolicy', spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  errs.push(...enumField('spec.dnsPolicy', spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  errs.push(...validateLabels(spec.nodeSelector as Record<string, string> | undefined, 'spec.nodeSelector'));
  errs.push(...validatePodSecurityContext(spec));
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig) errs.push(required('spec.dnsConfig', 'must provide `dnsConfig` when `dnsPolicy` is None'));
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName) {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(invalid('spec.serviceAccountName', spec.serviceAccountName, m));
  }
  if (typeof spec.nodeName === 'string' && spec.nodeName) {
    for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid('spec.nodeName', spec.nodeName, m));
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const key of ['hostname', 'subdomain']) {
    const v = spec[key];
    if (typeof v === 'string' && v) for (const m of isDNS1123Label(v)) errs.push(invalid(`spec.${key}`, v, m));
  }
  errs.push(...validateTolerations(list(spec.tolerations), 'spec.tolerations'));
  if (typeof spec.priorityClassName === 'string' && spec.priorityClassName) {
    for (const m of isDNS1123Subdomain(spec.priorityClassName)) errs.push(invalid('spec.priorityClassName', spec.priorityClassName, m));
  }
  if (spec.preemptionPolicy !== undefined) errs.push(...enumField('spec.preemptionPolicy', spec.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  return errs;
}

/** Required when empty, else Unsupported unless one of `valid`. */
function enumField(path: string, value: unknown, valid: string[]): FieldError[] {
  if (value === undefined || value === null || value === '') return [required(path)];
  return valid.includes(value as string) ? [] : [notSupported(path, value, valid)];
}

// ---- volumes ----

const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];

/** ValidateVolumes; returns the names of the valid volumes (mounts must refer to one of them). */
function validateVolumes(volumes: Obj[], errs: FieldError[]): Set<string> {
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

const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];

function objectFieldSelector(fs: Obj, path: string, valid: string[]): FieldError[] {
  if (!fs.apiVersion) return [required(`${path}.apiVersion`)];
  if (!fs.fieldPath) return [required(`${path}.fieldPath`)];
  const fp = String(fs.fieldPath);
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fp);
  if (sub) return isQualifiedName(sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2]).map((m) => invalid(path, sub[2], m));
  if (!valid.includes(fp)) return [notSupported(`${path}.fieldPath`, fp, [...valid].sort())];
  return [];
}

// ---- containers ----

function validateContainers(containers: Obj[], volumes: Set<string>, grace: number | undefined): FieldError[] {
  if (containers.length === 0) return [required('spec.containers')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, path));
    const name = String(c.name ?? '');
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
    if (c.lifecycle) errs.push(...validateLifecycle(asObj(c.lifecycle), grace, `${path}.lifecycle`));
    errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, 'startup'));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) errs.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, 'spec.containers'));
  return errs;
}

function validateInitContainers(inits: Obj[], regular: Obj[], volumes: Set<string>, grace: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  // Regular container names are registered first, so a clash is reported on the init container.
  const names = new Set(regular.map((c) => String(c.name ?? '')));
  inits.forEach((c, i) => {
    const path = `spec.initContainers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, path));
    let sidecar = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
      sidecar = c.restartPolicy === 'Always';
    }
    const name = String(c.name ?? '');
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else if (name) names.add(name);
    errs.push(...hostPortConflicts([c], 'spec.initContainers'));
    if (sidecar) {
      if (c.lifecycle) errs.push(...validateLifecycle(asObj(c.lifecycle), grace, `${path}.lifecycle`));
      errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, 'liveness'));
      errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, 'readiness'));
      errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, 'startup'));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[key]) errs.push(forbidden(`${path}.${key}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function validateEphemeralContainers(ephemeral: Obj[], regular: Obj[], inits: Obj[], volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const all = new Set([...regular, ...inits].map((c) => String(c.name ?? '')));
  ephemeral.forEach((c, i) => {
    const path = `spec.ephemeralContainers[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, path));
    const name = String(c.name ?? '');
    if (all.has(name)) errs.push(duplicate(`${path}.name`, name));
    else all.add(name);
    if (c.targetContainerName && ![...regular, ...inits].some((o) => o.name === c.targetContainerName)) {
      errs.push(notFound(`${path}.targetContainerName`, c.targetContainerName));
    }
    for (const key of ['ports', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']) {
      const v = c[key];
      const set = Array.isArray(v) ? v.length > 0 : v && typeof v === 'object' ? Object.keys(v).length > 0 : v !== undefined;
      if (set) errs.push(forbidden(`${path}.${key}`, 'cannot be set for an Ephemeral Container'));
    }
  });
  return errs;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof c.name === 'string' ? c.name : '';
  if (!name) errs.push(required(`${path}.name`));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, name, m));
  if (!c.image) errs.push(required(`${path}.image`));
  errs.push(...enumField(`${path}.terminationMessagePolicy`, c.terminationMessagePolicy, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(list(c.ports), `${path}.ports`));
  errs.push(...validateEnv(list(c.env), `${path}.env`));
  errs.push(...validateEnvFrom(list(c.envFrom), `${path}.envFrom`));
  errs.push(...validateVolumeMounts(list(c.volumeMounts), volumes, c, `${path}.volumeMounts`));
  const pull = c.imagePullPolicy ?? defaultImagePullPolicy(String(c.image ?? ''));
  errs.push(...enumField(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResources(asObj(c.resources), `${path}.resources`));
  errs.push(...validateSecurityContext(c.securityContext as Obj | undefined, `${path}.securityContext`));
  return errs;
}

function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = `${path}[${i}]`;
    const name = typeof p.name === 'string' ? p.name : '';
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(`${pp}.name`, name, m));
      else if (names.has(name)) errs.push(duplicate(`${pp}.name`, name));
      else names.add(name);
    }
    const cp = Number(p.containerPort ?? 0);
    if (!cp) errs.push(required(`${pp}.containerPort`));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(`${pp}.containerPort`, cp, m));
    const hp = Number(p.hostPort ?? 0);
    if (hp) for (const m of isValidPortNum(hp)) errs.push(invalid(`${pp}.hostPort`, hp, m));
    if (!p.protocol) errs.push(required(`${pp}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol as string)) errs.push(notSupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

/**
 * AccumulateUniqueHostPorts. Since kubernetes#39369 (v1.6) the key is protocol/hostIP/port, so a
 * clash reads `Duplicate value: "TCP//8080"` (FIDELITY §13.2's "8080/TCP" is the pre-1.6 form).
 */
function hostPortConflicts(containers: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) =>
    list(c.ports).forEach((p, pi) => {
      const hp = Number(p.hostPort ?? 0);
      if (!hp) return;
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    }),
  );
  return errs;
}

function validateEnv(env: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((e, i) => {
    const p = `${path}[${i}]`;
    if (!e.name) errs.push(required(`${p}.name`));
    const from = e.valueFrom as Obj | undefined;
    if (!from) return;
    const vp = `${p}.valueFrom`;
    let n = 0;
    if (from.fieldRef) {
      n++;
      errs.push(...objectFieldSelector(asObj(from.fieldRef), `${vp}.fieldRef`, ENV_FIELD_PATHS));
    }
    if (from.resourceFieldRef) {
      n++;
      if (!asObj(from.resourceFieldRef).resource) errs.push(required(`${vp}.resourceFieldRef.resource`));
    }
    for (const key of ['configMapKeyRef', 'secretKeyRef']) {
      if (!from[key]) continue;
      n++;
      const ref = asObj(from[key]);
      for (const m of isDNS1123Subdomain(String(ref.name ?? ''))) errs.push(invalid(`${vp}.${key}.name`, ref.name ?? '', m));
      if (!ref.key) errs.push(required(`${vp}.${key}.key`));
      else for (const m of isConfigMapKey(String(ref.key))) errs.push(invalid(`${vp}.${key}.key`, ref.key, m));
    }
    if (n === 0) errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (typeof e.value === 'string' && e.value.length > 0) errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    else if (n > 1) errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateEnvFrom(envFrom: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  envFrom.forEach((e, i) => {
    const p = `${path}[${i}]`;
    let n = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      if (!e[key]) continue;
      n++;
      const name = String(asObj(e[key]).name ?? '');
      if (!name) errs.push(required(`${p}.${key}.name`));
      else for (const m of isDNS1123Subdomain(maskTrailingDash(name))) errs.push(invalid(`${p}.${key}.name`, name, m));
    }
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[], volumes: Set<string>, c: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = String(m.name ?? '');
    if (!name) errs.push(required(`${p}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${p}.name`, name));
    const mountPath = String(m.mountPath ?? '');
    if (!mountPath) errs.push(required(`${p}.mountPath`));
    if (paths.has(mountPath)) errs.push(invalid(`${p}.mountPath`, mountPath, 'must be unique'));
    paths.add(mountPath);
    // Upstream names the list, not the entry, for subPath problems (fldPath.Child("subPath")).
    if (typeof m.subPath === 'string' && m.subPath) {
      if (m.subPath.startsWith('/')) errs.push(invalid(`${path}.subPath`, m.subPath, 'must be a relative path'));
      if (m.subPath.split('/').includes('..')) errs.push(invalid(`${path}.subPath`, m.subPath, "must not contain '..'"));
    }
    if (m.mountPropagation !== undefined) {
      const valid = ['Bidirectional', 'HostToContainer', 'None'];
      if (!valid.includes(m.mountPropagation as string)) errs.push(notSupported(`${path}.mountPropagation`, m.mountPropagation, valid));
      const privileged = asObj(c.securityContext).privileged === true;
      if (m.mountPropagation === 'Bidirectional' && !privileged) {
        errs.push(forbidden(`${path}.mountPropagation`, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
  });
  return errs;
}

function validateResources(res: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = asObj(res.limits);
  const requests = asObj(res.requests);
  for (const [kind, map] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, q] of Object.entries(map)) {
      const parsed = parseQuantity(String(q));
      if (parsed.ok && parsed.value < 0) errs.push(invalid(`${path}.${kind}[${name}]`, String(q), NEGATIVE_ERROR));
    }
  }
  for (const [name, q] of Object.entries(requests)) {
    if (!(name in limits)) continue;
    const req = parseQuantity(String(q));
    const lim = parseQuantity(String(limits[name]));
    if (req.ok && lim.ok && req.value > lim.value) {
      errs.push(invalid(`${path}.requests`, String(q), `must be less than or equal to ${name} limit of ${String(limits[name])}`));
    }
  }
  return errs;
}

function validateSecurityContext(sc: Obj | undefined, path: string): FieldError[] {
  if (!sc || typeof sc !== 'object') return [];
  const errs: FieldError[] = [];
  for (const key of ['runAsUser', 'runAsGroup']) {
    const v = sc[key];
    if (typeof v === 'number' && (v < 0 || v > MAX_INT32)) errs.push(invalid(`${path}.${key}`, v, inclusiveRangeError(0, MAX_INT32)));
  }
  if (sc.privileged === true && sc.allowPrivilegeEscalation === false) {
    errs.push(invalid(path, '', 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
  }
  return errs;
}

function validatePodSecurityContext(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const sc = asObj(spec.securityContext);
  const path = 'spec.securityContext';
  for (const key of ['runAsUser', 'runAsGroup', 'fsGroup']) {
    const v = sc[key];
    if (typeof v === 'number' && (v < 0 || v > MAX_INT32)) errs.push(invalid(`${path}.${key}`, v, inclusiveRangeError(0, MAX_INT32)));
  }
  // In the internal types hostPID and shareProcessNamespace live in the pod security context.
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(invalid(`${path}.shareProcessNamespace`, true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  return errs;
}

// ---- probes and lifecycle ----

function validateProbe(probe: unknown, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!probe || typeof probe !== 'object') return [];
  const p = probe as Obj;
  const errs = validateHandler(p, path, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  for (const key of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = p[key];
    if (typeof v === 'number' && v < 0) errs.push(invalid(`${path}.${key}`, v, NEGATIVE_ERROR));
  }
  if (typeof p.terminationGracePeriodSeconds === 'number' && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (kind === 'readiness' && p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds !== null) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  if (kind !== 'readiness' && p.successThreshold !== 1) errs.push(invalid(`${path}.successThreshold`, p.successThreshold ?? 0, 'must be 1'));
  return errs;
}

function validateLifecycle(lc: Obj, grace: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    if (lc[hook]) errs.push(...validateHandler(asObj(lc[hook]), `${path}.${hook}`, ['exec', 'httpGet', 'tcpSocket', 'sleep'], grace));
  }
  return errs;
}

function validateHandler(h: Obj, path: string, kinds: string[], grace?: number): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const k of kinds) {
    if (!h[k]) continue;
    if (n > 0) {
      errs.push(forbidden(`${path}.${k}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const a = asObj(h[k]);
    const p = `${path}.${k}`;
    if (k === 'exec' && !(Array.isArray(a.command) && a.command.length > 0)) errs.push(required(`${p}.command`));
    if (k === 'httpGet') {
      if (!a.path) errs.push(required(`${p}.path`));
      errs.push(...portNumOrName(a.port, `${p}.port`));
      if (!['HTTP', 'HTTPS'].includes(a.scheme as string)) errs.push(notSupported(`${p}.scheme`, a.scheme ?? '', ['HTTP', 'HTTPS']));
    }
    if (k === 'tcpSocket' || k === 'grpc') errs.push(...portNumOrName(a.port, `${p}.port`));
    if (k === 'sleep' && grace !== undefined) {
      const s = Number(a.seconds ?? 0);
      if (s <= 0 || s > grace) {
        errs.push(invalid(p, s, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`));
      }
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function portNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = typeof port === 'number' ? port : 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

// ---- tolerations ----

export function validateTolerations(tolerations: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = typeof t.key === 'string' ? t.key : '';
    if (key) for (const m of isQualifiedName(key)) errs.push(invalid(`${p}.key`, key, m));
    if (!key && t.operator !== 'Exists') {
      errs.push(invalid(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    const value = typeof t.value === 'string' ? t.value : '';
    if (t.operator === 'Equal' || !t.operator) {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(invalid(`${p}.operator`, value, msgs.join(';')));
    } else if (t.operator === 'Exists') {
      if (value) errs.push(invalid(`${p}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect as string)) {
      errs.push(notSupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

// ---- helpers ----

export function asObj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

export function list(v: unknown): Obj[] {
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Obj[]) : [];
}
