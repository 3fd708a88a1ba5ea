import { describe, expect, it } from 'vitest';
import { alreadyExists, invalid, notFound, StatusError } from '../api/errors';
import { ManifestError, parseManifests } from '../api/manifest';
import { KUBECTL_ERROR_EXIT_CODE, renderKubectlError, renderKubectlErrors } from './errors';

// Expected strings were printed by kubectl v1.32 given these Status objects from a stub API server.
describe('renderKubectlError', () => {
  it('renders one Invalid cause on one line', () => {
    const err = invalid('Pod', 'web', [{ field: 'spec.containers[0].image', type: 'Required value' }]);
    expect(renderKubectlError(err, { source: 'pod.yaml', verb: 'creating' })).toBe('The Pod "web" is invalid: spec.containers[0].image: Required value');
  });

  it('renders several causes as bullets under a header ending in a space, without duplicates', () => {
    const err = invalid('Pod', 'web', [
      { field: 'spec.containers[0].image', type: 'Required value' },
      { field: 'spec.containers[1].name', type: 'Duplicate value', value: '"app"' },
      { field: 'spec.containers[0].image', type: 'Required value' },
    ]);
    expect(renderKubectlError(err)).toBe('The Pod "web" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[1].name: Duplicate value: "app"');
  });

  it('falls back to "The request is invalid"', () => {
    expect(renderKubectlError(new StatusError('Invalid', 'bad thing', 422), { source: 'pod.yaml' })).toBe('The request is invalid: error when creating "pod.yaml": bad thing');
    expect(renderKubectlError(new StatusError('Invalid', 'bad', 422, { causes: [{ field: 'spec.x', type: 'Required value' }] }))).toBe('The request is invalid: spec.x: Required value');
  });

  it('renders other API errors with their reason, wrapped with the file', () => {
    expect(renderKubectlError(notFound('pods', 'x'))).toBe('Error from server (NotFound): pods "x" not found');
    expect(renderKubectlError(alreadyExists('pods', 'nginx'), { source: 'pod.yaml', verb: 'creating' })).toBe(
      'Error from server (AlreadyExists): error when creating "pod.yaml": pods "nginx" already exists',
    );
    const bad = new StatusError('BadRequest', 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"', 400);
    expect(renderKubectlError(bad, { source: 'pod.yaml' })).toBe(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });

  it('prints client-side errors with the error: prefix', () => {
    let e: unknown;
    try {
      parseManifests('a: b: c\n', 'x.yaml');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ManifestError);
    expect(renderKubectlError(e)).toBe('error: error parsing x.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context');
    expect(renderKubectlError(new Error('no objects passed to create'))).toBe('error: no objects passed to create');
    expect(KUBECTL_ERROR_EXIT_CODE).toBe(1);
  });

  it('lists several errors one per line, Invalid in its one-line server form', () => {
    const inv = invalid('Pod', 'web', [
      { field: 'spec.containers', type: 'Required value' },
      { field: 'metadata.name', type: 'Invalid value', value: '"x"', detail: 'y' },
    ]);
    const mapping = new ManifestError('resource mapping not found for name: "b" namespace: "" from "two.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first');
    expect(renderKubectlErrors([{ err: inv, ctx: { source: 'two.yaml' } }, { err: mapping }])).toBe(
      'Error from server (Invalid): error when creating "two.yaml": Pod "web" is invalid: [spec.containers: Required value, metadata.name: Invalid value: "x": y]\n' +
        'resource mapping not found for name: "b" namespace: "" from "two.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first',
    );
  });
});
