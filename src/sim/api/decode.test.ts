import { describe, expect, it } from 'vitest';
import { decodeManifest, base64ErrorOffset, type DecodeResult } from './decode';
import { StatusError } from './errors';
import { ManifestError, parseManifests } from './manifest';

function decode(text: string, opts?: Parameters<typeof decodeManifest>[1]): DecodeResult {
  return decodeManifest(parseManifests(text, 'pod.yaml')[0], opts);
}
function errorText(r: DecodeResult): string {
  if (!('error' in r)) return 'OK';
  return r.error instanceof ManifestError ? r.error.message : `${(r.error as StatusError).reason}: ${r.error.message}`;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

describe('decodeManifest: client-side checks (kubectl)', () => {
  it('reports missing apiVersion and kind', () => {
    expect(errorText(decode('metadata:\n  name: x\n'))).toBe(
      'error: error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(errorText(decode('apiVersion: v1\nmetadata:\n  name: x\n'))).toBe(
      'error: error validating "pod.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(errorText(decode('apiVersion: v1\nkind: 5\n'))).toMatch(/error validating data: kind isn't string type;/);
  });

  it('reports an unknown kind or version as a mapping failure', () => {
    expect(errorText(decode('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n'))).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "pod.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first',
    );
    expect(errorText(decode('apiVersion: apps/v1\nkind: Pod\nmetadata:\n  name: x\n  namespace: dev\n'))).toBe(
      'error: resource mapping not found for name: "x" namespace: "dev" from "pod.yaml": no matches for kind "Pod" in version "apps/v1"\nensure CRDs are installed first',
    );
  });

  it('decodes metadata on the client, so its type errors are kubectl errors', () => {
    expect(errorText(decode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    app: 1\n'))).toBe(
      'error: unable to decode "pod.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    // `tier: yes` is a boolean in YAML 1.1.
    expect(errorText(decode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    tier: yes\n'))).toBe(
      'error: unable to decode "pod.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(errorText(decode('apiVersion: v1\nkind: Pod\nmetadata: hello\n'))).toBe(
      'error: unable to decode "pod.yaml": json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta',
    );
    // Keys are decoded in sorted order (kubectl re-serialises the object), so generateName comes first.
    expect(errorText(decode('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: 1\n  generateName: 7\n'))).toBe(
      'error: unable to decode "pod.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.generateName of type string',
    );
    // Even for kinds the server does not know.
    expect(errorText(decode('apiVersion: v1\nkind: Foo\nmetadata:\n  name: 5\n'))).toBe(
      'error: unable to decode "pod.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string',
    );
  });
});

describe('decodeManifest: the API server decode', () => {
  it('accepts a valid pod and returns the decoded object and kind', () => {
    const r = decode(POD);
    expect('object' in r && r.object).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    expect('kind' in r && r.kind.resource).toBe('pods');
  });

  it('reports wrong value types with Go struct paths', () => {
    expect(errorText(decode('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: nginx\n'))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    const port = decode(POD + '    ports:\n    - containerPort: "80"\n');
    expect(errorText(port)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    expect('error' in port && [port.line, port.column]).toEqual([10, 7]);
    expect(errorText(decode(POD + '    env:\n    - name: A\n      value: yes\n'))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string',
    );
    expect(errorText(decode(POD + '    ports:\n    - containerPort: 80.5\n'))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    expect(errorText(decode(POD + '  terminationGracePeriodSeconds: "30"\n'))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    );
    expect(errorText(decode(POD + '  restartPolicy: 5\n'))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    );
    expect(errorText(decode('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: 5\n'))).toBe(
      'BadRequest: ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it('rejects malformed quantities and base64', () => {
    expect(errorText(decode(POD + '    resources:\n      limits:\n        memory: 128MB\n'))).toBe(
      `BadRequest: Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect('object' in decode(POD + '    resources:\n      limits:\n        memory: 128Mi\n        cpu: 0.5\n')).toBe(true);
    expect(errorText(decode('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: my password\n'))).toBe(
      'BadRequest: Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 2',
    );
    expect(base64ErrorOffset('cGFzcw==')).toBeUndefined();
    expect(base64ErrorOffset('abc')).toBe(0);
  });

  it('lists unknown fields in one strict decoding error, in sorted key order', () => {
    const r = decode(POD.replace('    image: nginx\n', '    imagee: nginx\n    image: nginx\n'));
    expect(errorText(r)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
    expect('error' in r && r.problems).toEqual([{ path: 'spec.containers[0].imagee', message: 'unknown field "spec.containers[0].imagee"', line: 8, column: 5 }]);
    expect(errorText(decode(POD + '  unknown1: x\nrestartPolicy: Never\n'))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "restartPolicy", unknown field "spec.unknown1"',
    );
  });

  it('reports duplicate fields only for raw requests (kubectl collapses them, last wins)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  unknown1: 1\n  containers:\n  - name: c\n    image: nginx\n';
    expect('object' in decode(text)).toBe(false);
    expect(errorText(decode(text, { reportDuplicates: true }))).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "metadata.name", unknown field "spec.unknown1"',
    );
  });

  it('drops unknown fields with a warning under --validate=warn and silently under ignore', () => {
    const text = POD.replace('    image: nginx\n', '    imagee: nginx\n    image: nginx\n');
    const warn = decode(text, { fieldValidation: 'Warn' });
    expect('object' in warn && warn.warnings).toEqual(['unknown field "spec.containers[0].imagee"']);
    expect('object' in warn && warn.object.spec).toEqual({ containers: [{ name: 'web', image: 'nginx' }] });
    const ignore = decode(text, { fieldValidation: 'Ignore' });
    expect('object' in ignore && ignore.warnings).toEqual([]);
  });

  it('reports type errors before unknown fields', () => {
    const r = decode(POD + '  foo: 1\n  containers: x\n'.replace('  containers: x\n', '') + '  hostNetwork: "yes"\n');
    expect(errorText(r)).toBe(
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
    );
  });
});
