import { describe, expect, it } from 'vitest';
import jsonSchema from './generated/k8s-jsonschema.json';
import { goFieldType, goQualifiedName, goStructName, goTypeName, lookupKind, propertyOfPath, rootTypeOfKind, schemaType, typeOfPath } from './schema';

describe('schema generated from kubernetes-types', () => {
  it('maps kinds to root types and resources', () => {
    expect(rootTypeOfKind('Pod')).toBe('core/v1.Pod');
    expect(lookupKind('v1', 'ServiceAccount')?.resource).toBe('serviceaccounts');
    expect(lookupKind('v1', 'Namespace')?.namespaced).toBe(false);
    expect(lookupKind('apps/v1', 'Pod')).toBeUndefined();
  });

  it('answers field types by path, across modules', () => {
    expect(typeOfPath('core/v1.Pod', ['spec', 'containers'])).toEqual({ kind: 'array', items: { kind: 'ref', ref: 'core/v1.Container' } });
    expect(typeOfPath('core/v1.Pod', ['spec', 'containers', 0, 'image'])).toEqual({ kind: 'string' });
    expect(typeOfPath('core/v1.Pod', ['metadata'])).toEqual({ kind: 'ref', ref: 'meta/v1.ObjectMeta' });
    expect(typeOfPath('core/v1.Pod', ['metadata', 'labels', 'app'])).toEqual({ kind: 'string' });
    expect(typeOfPath('core/v1.Pod', ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])).toEqual({ kind: 'ref', ref: 'api/resource.Quantity' });
    expect(typeOfPath('core/v1.Service', ['spec', 'ports', 0, 'targetPort'])).toEqual({ kind: 'intOrString' });
    expect(typeOfPath('core/v1.Pod', ['spec', 'imagee'])).toBeUndefined();
    expect(schemaType('api/resource.Quantity')?.alias).toEqual({ kind: 'string' });
  });

  it('keeps doc text for explain and hovers', () => {
    expect(propertyOfPath('core/v1.Pod', ['spec', 'containers', 'image'])?.description).toMatch(/^Container image name/);
    expect(propertyOfPath('core/v1.Pod', ['spec', 'containers'])?.required).toBe(true);
  });

  it('names Go types as Go error messages print them', () => {
    expect(goQualifiedName('core/v1.Container')).toBe('v1.Container');
    expect(goStructName('core/v1.PodSpec')).toBe('PodSpec');
    expect(goTypeName({ kind: 'array', items: { kind: 'ref', ref: 'core/v1.Container' } })).toBe('[]v1.Container');
    expect(goTypeName({ kind: 'number' }, 'core/v1.PodSpec', 'terminationGracePeriodSeconds')).toBe('int64');
    expect(goFieldType('core/v1.ResourceRequirements', 'limits', { kind: 'map', values: { kind: 'ref', ref: 'api/resource.Quantity' } })).toBe('v1.ResourceList');
  });

  it('emits a draft-07 JSON Schema for the editor', () => {
    expect(jsonSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const pod = (jsonSchema.definitions as Record<string, any>)['io.k8s.api.core.v1.Pod'];
    expect(pod.properties.kind.enum).toEqual(['Pod']);
    expect(pod.required).toEqual(['apiVersion', 'kind']);
    expect((jsonSchema.definitions as Record<string, any>)['io.k8s.api.core.v1.Container'].properties.image.description).toMatch(/Container image name/);
  });
});
