/**
 * Pod validation as the API server runs it on a defaulted pod (pkg/apis/core/validation:
 * ValidatePodCreate → validatePodMetadataAndSpec → ValidatePodSpec), in the same order so that
 * multi-error messages list causes as a real cluster does. This file holds the pod-level rules
 * (restart/DNS policy, names, pod security context, tolerations, create-only checks); volumes,
 * containers and probes are validated in ./volume.ts, ./container.ts and ./probe.ts.
 */
import type { FieldError } from '../errors';
import { validateContainers, validateEphemeralContainers, validateInitContainers } from './container';
import { forbidden, invalid, notSupported, required } from './field-errors';
import { validateLabels, validateObjectMeta } from './meta';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, maskTrailingDash } from './names';
import { asObj, enumField, list, MAX_INT32 } from './object-fields';
import { validateVolumes } from './volume';

type Obj = Record<string, unknown>;

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
