/**
 * What an update may change in a live Pod (FIDELITY §14; upstream ValidatePodUpdate): container and
 * init container images, activeDeadlineSeconds (set, or lowered), additions to tolerations,
 * terminationGracePeriodSeconds from negative to 1, and metadata labels/annotations. Anything else
 * yields the single `spec: Forbidden: pod updates may not change fields other than ...` error.
 *
 * Upstream appends a go-cmp diff of the old and new core.PodSpec (internal Go field names and
 * types) after that line. Reproducing go-cmp's format faithfully would need the internal types, so
 * the diff is left out and the message ends after the list of updatable fields.
 */
import type { FieldError } from './errors';
import type { Pod } from './types';
import { forbidden, invalid, required } from './validation/field-errors';
import { inclusiveRangeError } from './validation/names';
import { asObj, list } from './validation/object-fields';
import { validatePodMetadataAndSpec, validateTolerations } from './validation/pod';

type Obj = Record<string, unknown>;

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

export const POD_UPDATE_FORBIDDEN = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`;

const MAX_INT32 = 2147483647;

export function validatePodUpdate(oldPod: Pod, newPod: Pod): FieldError[] {
  const oldObj = oldPod as unknown as Obj;
  const newObj = newPod as unknown as Obj;
  const errs: FieldError[] = [];
  const oldMeta = asObj(oldObj.metadata);
  const newMeta = asObj(newObj.metadata);
  for (const key of ['name', 'namespace', 'uid']) {
    if (oldMeta[key] !== undefined && newMeta[key] !== oldMeta[key]) errs.push(invalid(`metadata.${key}`, newMeta[key] ?? '', 'field is immutable'));
  }
  errs.push(...validatePodMetadataAndSpec(newObj));

  const oldSpec = asObj(oldObj.spec);
  const newSpec = asObj(newObj.spec);
  for (const key of ['containers', 'initContainers']) {
    const oldC = list(oldSpec[key]);
    const newC = list(newSpec[key]);
    if (oldC.length !== newC.length) {
      errs.push(forbidden(`spec.${key}`, 'pod updates may not add or remove containers'));
      return errs;
    }
    newC.forEach((c, i) => {
      const image = typeof c.image === 'string' ? c.image : '';
      if (!image) errs.push(required(`spec.${key}[${i}].image`));
      if (image.trim().length !== image.length) errs.push(invalid(`spec.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }

  const newDeadline = newSpec.activeDeadlineSeconds;
  const oldDeadline = oldSpec.activeDeadlineSeconds;
  if (typeof newDeadline === 'number') {
    if (newDeadline < 0 || newDeadline > MAX_INT32) {
      errs.push(invalid('spec.activeDeadlineSeconds', newDeadline, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (typeof oldDeadline === 'number' && oldDeadline < newDeadline) {
      errs.push(invalid('spec.activeDeadlineSeconds', newDeadline, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (typeof oldDeadline === 'number') {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }

  // Existing tolerations may only gain tolerationSeconds changes; new ones may be added.
  const newTolerations = list(newSpec.tolerations);
  const kept = list(oldSpec.tolerations).every((old) =>
    newTolerations.some((t) => canonical({ ...old, tolerationSeconds: t.tolerationSeconds }) === canonical(t)),
  );
  if (!kept) errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  else errs.push(...validateTolerations(newTolerations, 'spec.tolerations'));

  // Everything else must be unchanged: put the updatable fields back to their old values and compare.
  const munged: Obj = { ...newSpec };
  for (const key of ['containers', 'initContainers']) {
    if (!Array.isArray(newSpec[key])) continue;
    const olds = list(oldSpec[key]);
    munged[key] = list(newSpec[key]).map((c, i) => ({ ...c, image: olds[i]?.image }));
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  munged.schedulingGates = oldSpec.schedulingGates;
  if (typeof oldSpec.terminationGracePeriodSeconds === 'number' && oldSpec.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (canonical(munged) !== canonical(oldSpec)) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

/**
 * JSON with sorted keys; nulls, empty lists and empty maps dropped, because the API's semantic
 * equality treats an empty slice or map like an absent one.
 */
function canonical(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.length === 0 ? undefined : x.map((i) => norm(i) ?? null);
    if (x && typeof x === 'object') {
      const out: Obj = {};
      for (const k of Object.keys(x as Obj).sort()) {
        const n = norm((x as Obj)[k]);
        if (n !== undefined) out[k] = n;
      }
      return out;
    }
    return x === null ? undefined : x;
  };
  return JSON.stringify(norm(v) ?? null);
}
