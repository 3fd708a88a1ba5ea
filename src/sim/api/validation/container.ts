/**
 * Container validation for the three container lists (validateContainers, validateInitContainers,
 * validateEphemeralContainers) and what they share: names, images, ports and host-port clashes,
 * env and envFrom, volume mounts, resources and security context. Sidecars (init containers with
 * restartPolicy Always) get the probe and lifecycle checks of regular containers.
 */
import type { FieldError } from '../errors';
import { defaultImagePullPolicy } from '../image-reference';
import { ENV_FIELD_PATHS, objectFieldSelector } from './downward-api';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './field-errors';
import {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPortName,
  isValidPortNum,
  maskTrailingDash,
  NEGATIVE_ERROR,
} from './names';
import { asObj, enumField, list, MAX_INT32 } from './object-fields';
import { validateLifecycle, validateProbe } from './probe';
import { parseQuantity } from './quantity';

type Obj = Record<string, unknown>;

export function validateContainers(containers: Obj[], volumes: Set<string>, grace: number | undefined): FieldError[] {
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

export function validateInitContainers(inits: Obj[], regular: Obj[], volumes: Set<string>, grace: number | undefined): FieldError[] {
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

export function validateEphemeralContainers(ephemeral: Obj[], regular: Obj[], inits: Obj[], volumes: Set<string>): FieldError[] {
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
