/**
 * -o yaml / -o json compared byte for byte with the real kubectl v1.32 (goldens recorded by
 * scripts/kubectl-reference/record.mjs). The tricky ConfigMap exercises every quoting rule.
 */
import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../../tests/golden/kubectl/golden.ts';
import { toJSON, toJSONList } from './json.ts';
import { toYAML, toYAMLList, YamlControlCharacterError } from './yaml.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = any;
const find = (list: Obj[], name: string) => list.find((o) => o.metadata.name === name);
const twoPods = (o: Record<string, Obj[]>) => o.pods.filter((p) => ['nginx', 'big'].includes(p.metadata.name));

describe('-o yaml matches kubectl v1.32', () => {
  const cases: [string, (o: Record<string, Obj[]>) => string][] = [
    ['get-pod-nginx-yaml', (o) => toYAML(find(o.pods, 'nginx'))],
    ['get-pod-web-yaml', (o) => toYAML(find(o.pods, 'web'))],
    ['get-pod-init-demo-yaml', (o) => toYAML(find(o.pods, 'init-demo'))],
    ['get-pod-sidecar-demo-yaml', (o) => toYAML(find(o.pods, 'sidecar-demo'))],
    ['get-cm-tricky-yaml', (o) => toYAML(find(o.configmaps, 'tricky'))],
    ['get-cm-tricky-ctrl-yaml', (o) => toYAML(find(o.configmaps, 'tricky-ctrl'))],
    ['get-cm-tricky-bom-yaml', (o) => toYAML(find(o.configmaps, 'tricky-bom'))],
    ['get-svc-web-yaml', (o) => toYAML(find(o.services, 'web'))],
    ['get-pods-yaml', (o) => toYAMLList(twoPods(o))],
    ['get-events-yaml', (o) => toYAMLList(o.events)],
  ];
  for (const [name, print] of cases) {
    it(name, () => {
      const g = loadGolden(name);
      expect(print(g.objects)).toBe(g.text);
    });
  }
  it('refuses DEL like kubectl (error: yaml: control characters are not allowed)', () => {
    const g = loadGolden('get-cm-tricky-del-yaml');
    expect(g.exitCode).toBe(1);
    expect(g.stderr).toBe('error: yaml: control characters are not allowed\n');
    expect(() => toYAML(find(g.objects.configmaps, 'tricky-del'))).toThrow(YamlControlCharacterError);
  });
});

describe('-o json matches kubectl v1.32', () => {
  const cases: [string, (o: Record<string, Obj[]>) => string][] = [
    ['get-pod-web-json', (o) => toJSON(find(o.pods, 'web'))],
    ['get-cm-tricky-json', (o) => toJSON(find(o.configmaps, 'tricky'))],
    ['get-pods-json', (o) => toJSONList(twoPods(o))],
  ];
  for (const [name, print] of cases) {
    it(name, () => {
      const g = loadGolden(name);
      expect(print(g.objects)).toBe(g.text);
    });
  }
});
