// Expected results were produced by kubectl v1.32.4 `patch --local -f pod.yaml -p … -o json` (its own
// strategicpatch and evanphx/json-patch), on the pod below.
import { describe, expect, it } from 'vitest';
import { strategicMergePatch, StrategicMergeError } from './strategic';
import { jsonMergePatch, MergePatchError, type Json } from './json-merge';
import { applyJsonPatch, JsonPatchError } from './json-patch';
import { parsePatchText } from './parse';

const pod = (): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['a/b'] },
  spec: {
    containers: [
      { name: 'a', image: 'nginx', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 81 }], volumeMounts: [{ name: 'v', mountPath: '/v' }] },
      { name: 'b', image: 'busybox', args: ['x', 'y'] },
    ],
    volumes: [{ name: 'v', emptyDir: {} }],
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
});

const smp = (patch: Json) => strategicMergePatch(pod(), patch, 'core/v1.Pod') as any;
const names = (p: any) => p.spec.containers.map((c: any) => c.name);

describe('strategic merge patch', () => {
  it('merges a container by name in place', () => {
    const p = smp({ spec: { containers: [{ name: 'b', image: 'x' }] } });
    expect(names(p)).toEqual(['a', 'b']);
    expect(p.spec.containers[1]).toEqual({ name: 'b', image: 'x', args: ['x', 'y'] });
  });
  it('puts a new element first', () => {
    expect(names(smp({ spec: { containers: [{ name: 'c', image: 'x' }] } }))).toEqual(['c', 'a', 'b']);
  });
  it('orders patch elements by the patch and live-only ones by the live list', () => {
    const p = smp({ spec: { containers: [{ name: 'a', env: [{ name: 'Z', value: '3' }, { name: 'X', value: '9' }] }] } });
    expect(p.spec.containers[0].env).toEqual([{ name: 'Z', value: '3' }, { name: 'X', value: '9' }, { name: 'Y', value: '2' }]);
  });
  it('merges ports by containerPort and volumeMounts by mountPath', () => {
    const p = smp({ spec: { containers: [{ name: 'a', ports: [{ containerPort: 82 }], volumeMounts: [{ mountPath: '/w', name: 'w' }] }] } });
    expect(p.spec.containers[0].ports).toEqual([{ containerPort: 82 }, { containerPort: 80 }, { containerPort: 81 }]);
    expect(p.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/w', name: 'w' }, { name: 'v', mountPath: '/v' }]);
  });
  it('replaces lists without a merge strategy (args, tolerations)', () => {
    const p = smp({ spec: { tolerations: [{ key: 'k2', operator: 'Exists' }], containers: [{ name: 'b', args: ['q'] }] } });
    expect(p.spec.tolerations).toEqual([{ key: 'k2', operator: 'Exists' }]);
    expect(p.spec.containers[1].args).toEqual(['q']);
  });
  it('honours $patch: delete and $patch: replace in lists', () => {
    expect(names(smp({ spec: { containers: [{ name: 'a', $patch: 'delete' }] } }))).toEqual(['b']);
    expect(smp({ spec: { containers: [{ name: 'z', image: 'z' }, { $patch: 'replace' }] } }).spec.containers).toEqual([{ name: 'z', image: 'z' }]);
    expect(smp({ spec: { containers: [{ name: 'a', env: [{ name: 'X', $patch: 'delete' }] }] } }).spec.containers[0].env).toEqual([{ name: 'Y', value: '2' }]);
  });
  it('honours $patch on maps, null deletes', () => {
    expect(smp({ metadata: { labels: { app: null, x: 'y' } } }).metadata.labels).toEqual({ x: 'y' });
    expect(smp({ metadata: { labels: { $patch: 'replace', x: 'y' } } }).metadata.labels).toEqual({ x: 'y' });
    expect(smp({ metadata: { labels: { $patch: 'delete' } } }).metadata.labels).toEqual({});
    expect(smp({ spec: { containers: null } }).spec.containers).toBeUndefined();
    expect(smp({ spec: { containers: [{ name: 'a', image: null }] } }).spec.containers[0].image).toBeUndefined();
  });
  it('unions primitive merge lists (finalizers), new values first, and deletes from them', () => {
    expect(smp({ metadata: { finalizers: ['c/d'] } }).metadata.finalizers).toEqual(['c/d', 'a/b']);
    expect(smp({ metadata: { '$deleteFromPrimitiveList/finalizers': ['a/b'] } }).metadata.finalizers).toEqual([]);
  });
  it('reorders by $setElementOrder', () => {
    expect(names(smp({ spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'q' }] } }))).toEqual(['b', 'a']);
  });
  it('reports kubectl\'s errors', () => {
    expect(() => smp({ spec: { containers: [{ image: 'x' }] } })).toThrow('map: map[image:x] does not contain declared merge key: name');
    expect(() => smp({ spec: { containers: [{ name: 'a', $patch: 'foo' }] } })).toThrow('unknown patch type: foo in map: map[$patch:foo name:a]');
    expect(() => smp([1])).toThrow(StrategicMergeError);
    expect(() => smp([1])).toThrow('invalid JSON document');
  });
  it('replaces a value of another type', () => {
    expect(smp({ spec: { containers: 'x' } }).spec.containers).toBe('x');
  });
});

describe('JSON merge patch', () => {
  it('merges objects, deletes nulls, replaces lists', () => {
    const p = jsonMergePatch(pod(), { metadata: { labels: null }, spec: { containers: [{ name: 'a' }] } }) as any;
    expect(p.metadata.labels).toBeUndefined();
    expect(p.spec.containers).toEqual([{ name: 'a' }]);
  });
  it('rejects non-object patches as evanphx does', () => {
    expect(() => jsonMergePatch(pod(), 'x')).toThrow('Invalid JSON Patch');
    expect(() => jsonMergePatch(pod(), null)).toThrow(MergePatchError);
    expect(() => jsonMergePatch(pod(), [1])).toThrow('json: cannot unmarshal array into Go value of type unstructured.detector');
  });
});

describe('JSON patch', () => {
  const jp = (ops: Json) => applyJsonPatch(pod(), ops) as any;
  it('adds, inserts, appends, removes, replaces', () => {
    expect(names(jp([{ op: 'add', path: '/spec/containers/-', value: { name: 'c' } }]))).toEqual(['a', 'b', 'c']);
    expect(names(jp([{ op: 'add', path: '/spec/containers/1', value: { name: 'c' } }]))).toEqual(['a', 'c', 'b']);
    expect(names(jp([{ op: 'remove', path: '/spec/containers/1' }]))).toEqual(['a']);
    expect(jp([{ op: 'replace', path: '/spec/containers/0/image', value: 'x' }]).spec.containers[0].image).toBe('x');
    expect(jp([{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'y' }]).metadata.labels).toEqual({ app: 'web', 'app.kubernetes.io/name': 'y' });
    expect(jp([{ op: 'replace', path: '/metadata/labels/nope', value: 'z' }]).metadata.labels).toEqual({ app: 'web', nope: 'z' });
  });
  it('moves, copies and tests', () => {
    expect(jp([{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/b' }]).metadata.labels).toEqual({ b: 'web' });
    expect(jp([{ op: 'copy', from: '/spec/containers/0/image', path: '/spec/containers/1/image' }]).spec.containers[1].image).toBe('nginx');
    expect(jp([{ op: 'test', path: '/metadata/labels/app', value: 'web' }, { op: 'replace', path: '/metadata/labels/app', value: 'z' }]).metadata.labels).toEqual({ app: 'z' });
  });
  it('fails with evanphx/json-patch v4 messages', () => {
    const cases: Array<[Json, string]> = [
      [[{ op: 'test', path: '/metadata/labels/app', value: 'nope' }], 'testing value /metadata/labels/app failed: test failed'],
      [[{ op: 'remove', path: '/metadata/labels/nope' }], "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value"],
      [[{ op: 'add', path: '/spec/nope/x', value: 'z' }], 'add operation does not apply: doc is missing path: "/spec/nope/x": missing value'],
      [[{ op: 'replace', path: '/spec/containers/5/image', value: 'z' }], 'replace operation does not apply: doc is missing path: /spec/containers/5/image: missing value'],
      [[{ op: 'add', path: '/spec/containers/5', value: {} }], "error in add for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced"],
      [[{ op: 'frob', path: '/a' }], 'Unexpected kind: frob'],
      [[{ path: '/a' }], 'Unexpected kind: unknown'],
      [[{ op: 'add', value: 1 }], 'add operation failed to decode path: missing value'],
      [{ op: 'add', path: '/a', value: 1 }, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
      [[{ op: 'replace', path: 'spec', value: 1 }], 'replace operation does not apply: doc is missing path: spec: missing value'],
      [[{ op: 'remove', path: '/spec/containers/x' }], `error in remove for path: '/spec/containers/x': strconv.Atoi: parsing "x": invalid syntax`],
      [[{ op: 'move', from: '/nope', path: '/a' }], "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value"],
    ];
    for (const [ops, msg] of cases) {
      let err: unknown;
      try {
        jp(ops);
      } catch (e) {
        err = e;
      }
      expect(err, msg).toBeInstanceOf(JsonPatchError);
      expect((err as Error).message).toBe(msg);
    }
  });
  it('leaves the document alone for an empty list', () => {
    expect(jp([])).toEqual(pod());
  });
});

describe('patch text', () => {
  it('reads JSON and YAML', () => {
    expect(parsePatchText('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(parsePatchText('metadata: {labels: {tier: db}}')).toEqual({ value: { metadata: { labels: { tier: 'db' } } } });
    expect('error' in parsePatchText('x: y: z')).toBe(true);
  });
});
