import { describe, expect, it } from 'vitest';
import { Prng } from '../clock/prng';
import { applyDefaults } from './defaults';
import { formatFieldError } from './errors';
import type { KubeObject, Pod } from './types';
import { validatePodUpdate } from './update';

const FORBIDDEN =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const live = (): Pod =>
  applyDefaults(
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } as KubeObject,
    { prng: new Prng(3), namespace: 'default' },
  ) as unknown as Pod;
const edit = (f: (p: any) => void): Pod => {
  const p = JSON.parse(JSON.stringify(live()));
  f(p);
  return p;
};
const check = (next: Pod): string[] => validatePodUpdate(live(), next).map(formatFieldError);

describe('validatePodUpdate (FIDELITY §14)', () => {
  it('allows image, labels, annotations, activeDeadlineSeconds and added tolerations', () => {
    expect(check(edit((p) => (p.spec.containers[0].image = 'nginx:1.26')))).toEqual([]);
    expect(check(edit((p) => (p.metadata.labels = { app: 'web', tier: 'x' })))).toEqual([]);
    expect(check(edit((p) => (p.metadata.annotations = { note: 'x' })))).toEqual([]);
    expect(check(edit((p) => (p.spec.activeDeadlineSeconds = 60)))).toEqual([]);
    expect(check(edit((p) => p.spec.tolerations.push({ key: 'k', operator: 'Exists', effect: 'NoSchedule' })))).toEqual([]);
  });

  it('forbids any other spec change with one error', () => {
    expect(check(edit((p) => (p.spec.restartPolicy = 'Never')))).toEqual([FORBIDDEN]);
    expect(check(edit((p) => (p.spec.containers[0].ports = [{ containerPort: 80, protocol: 'TCP' }])))).toEqual([FORBIDDEN]);
    // `kubectl replace` with the original manifest: the kube-api-access volume is missing.
    expect(
      check(
        edit((p) => {
          delete p.spec.volumes;
          delete p.spec.containers[0].volumeMounts;
        }),
      ),
    ).toEqual([FORBIDDEN]);
  });

  it('rejects removed tolerations, raised deadlines and added containers', () => {
    expect(check(edit((p) => p.spec.tolerations.pop()))).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
    expect(check(edit((p) => (p.spec.tolerations[0].tolerationSeconds = 60)))).toEqual([]);
    const withDeadline = (n: number) => edit((p) => (p.spec.activeDeadlineSeconds = n));
    expect(validatePodUpdate(withDeadline(30), withDeadline(60)).map(formatFieldError)).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
    ]);
    expect(check(edit((p) => p.spec.containers.push({ ...p.spec.containers[0], name: 'b' })))).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });

  it('still validates the new pod', () => {
    expect(check(edit((p) => (p.spec.containers[0].image = '')))).toEqual(['spec.containers[0].image: Required value', 'spec.containers[0].image: Required value']);
  });
});
