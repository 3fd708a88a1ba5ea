import { describe, expect, it } from 'vitest';
import { toJSON } from './json.ts';
import { resolvesToNonString, toYAML, yamlKeyLess } from './yaml.ts';

describe('toYAML (go-yaml v2 via sigs.k8s.io/yaml)', () => {
  it('quotes per go-yaml: double for other types, single for indicators, plain otherwise', () => {
    const out = toYAML({ a: '80', b: 'true', c: '', d: 'a: b', e: 'plain text', f: "it's", g: '- x', h: null, i: 3, j: false });
    expect(out).toBe(`a: "80"\nb: "true"\nc: ""\nd: 'a: b'\ne: plain text\nf: it's\ng: '- x'\nh: null\ni: 3\nj: false\n`);
  });

  it('sequences in mappings are not indented; empty collections are flow', () => {
    expect(toYAML({ spec: { containers: [{ name: 'a', args: ['x', 'y'] }], e: {}, l: [] } })).toBe(
      'spec:\n  containers:\n  - args:\n    - x\n    - "y"\n    name: a\n  e: {}\n  l: []\n',
    );
  });

  it('multi-line strings are literal blocks with chomping indicators', () => {
    expect(toYAML({ a: 'x\ny', b: 'x\n', c: ' x\ny' })).toBe('a: |-\n  x\n  y\nb: |\n  x\nc: |2-\n   x\n  y\n');
  });

  it('folds long plain strings at a space once past column 80', () => {
    const long = 'word '.repeat(20).trim();
    const out = toYAML({ k: long });
    expect(out.split('\n')[0].length).toBeGreaterThan(80);
    expect(out.split('\n')[1].startsWith('  word')).toBe(true);
  });

  it('resolve: what reads back as a non-string', () => {
    for (const s of ['1', '-1', '0x1F', '017', '1_000', '1e3', '.5', 'yes', 'N', 'off', '~', 'null', '', '2025-06-13', '.inf']) {
      expect(resolvesToNonString(s)).toBe(true);
    }
    for (const s of ['abc', '1.2.3', '-', '-x', '0xZ', 'nginx:1.25', 'v1']) expect(resolvesToNonString(s)).toBe(false);
  });

  it('key order: non-letters first, digit runs numerically', () => {
    const keys = ['b', 'a10', 'a9', 'A', '_x', '2', '10'];
    expect([...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual(['_x', '2', '10', 'A', 'a9', 'a10', 'b']);
  });
});

describe('toJSON (Go json.MarshalIndent, 4 spaces)', () => {
  it('sorts keys byte-wise and escapes HTML characters', () => {
    expect(toJSON({ b: '<none> & more', a: [], '10': 1, '2': {} })).toBe(
      '{\n    "10": 1,\n    "2": {},\n    "a": [],\n    "b": "\\u003cnone\\u003e \\u0026 more"\n}\n',
    );
  });
});
