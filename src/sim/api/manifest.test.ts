import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES, ManifestError, parseManifests } from './manifest';

/** The message parseManifests throws, or 'OK'. */
function errorOf(text: string, source = 't.yaml'): string {
  try {
    parseManifests(text, source);
    return 'OK';
  } catch (e) {
    if (e instanceof ManifestError) return e.message;
    throw e;
  }
}

const yamlErr = (file: string, rest: string): string => `error: error parsing ${file}: error converting YAML to JSON: yaml: ${rest}`;

describe('parseManifests: YAML syntax errors read as kubectl v1.32 prints them', () => {
  // Each expected line was produced by `kubectl create --validate=false -f` (v1.32.4).
  const cases: Array<[string, string, string]> = [
    ['indented key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: y\n', 'line 5: mapping values are not allowed in this context'],
    ['dedent inside a map', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    app: web\n   tier: x\n', 'line 6: did not find expected key'],
    ['list item key dedented', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n    image: y\n   ports: []\n', 'line 6: did not find expected key'],
    ['list item key under dash', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n   image: y\n', 'line 5: did not find expected key'],
    ['list item key over-indented', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: x\n      image: y\n', 'line 6: mapping values are not allowed in this context'],
    ['tab indentation', 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n', 'line 4: found character that cannot start any token'],
    ['unterminated double quote', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n', 'line 5: found unexpected end of stream'],
    ['unterminated single quote', "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'x\n", 'line 5: found unexpected end of stream'],
    ['unclosed flow map', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n', "line 3: did not find expected ',' or '}'"],
    ['unclosed flow sequence', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [a, b\n', "line 4: did not find expected ',' or ']'"],
    ['@ starts a value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: @x\n', 'line 4: found character that cannot start any token'],
    ['colon in a plain value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n', 'line 4: mapping values are not allowed in this context'],
    ['sequence dedented', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: x\n   - name: y\n', 'line 5: did not find expected key'],
    ['map entry in a sequence', 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    - a\n    b: c\n', "line 5: did not find expected '-' indicator"],
    ['sequence entry in a map', 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\n    - c\n', 'line 5: did not find expected key'],
    ['key without colon', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name x\n  labels: {}\n', 'line 5: mapping values are not allowed in this context'],
    ['block sequence after a key', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: - name: a\n', 'line 4: block sequence entries are not allowed in this context'],
    ['bad escape', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a\\qb"\n', 'line 4: found unknown escape character'],
    ['error late in the file', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n    command:\n    - sh\n    - -c\n    - echo hi\n   args: []\n', 'line 12: did not find expected key'],
    ['bare word at map indent', 'data:\n  a: |\n  x\n', "line 4: could not find expected ':'"],
    ['empty key', 'apiVersion: v1\nkind: Pod\n: x\n', 'line 2: did not find expected key'],
    ['text after a quoted value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a" b\n', 'line 3: did not find expected key'],
    ['first-line scanner error has no line', '@a: b\n', 'found character that cannot start any token'],
    ['first-line parser error has no line', 'a: "x"y\n', 'did not find expected key'],
    ['empty flow sequence at EOF', 'a: [\n', 'line 1: did not find expected node content'],
    ['unknown anchor', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *x\n', "unknown anchor 'x' referenced"],
    ['self-referencing anchor', 'a: &a [x, *a]\n', "anchor 'a' value contains itself"],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => expect(errorOf(text)).toBe(yamlErr('t.yaml', expected)));
  }

  it('counts lines from the start of each document, as kubectl splits documents before parsing', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: y\n   labels: z\n';
    const err = (() => {
      try {
        parseManifests(text, 't.yaml');
      } catch (e) {
        return e as ManifestError;
      }
      throw new Error('no error');
    })();
    expect(err.message).toBe(yamlErr('t.yaml', 'line 5: mapping values are not allowed in this context'));
    // The editor gets the line in the file, and the document before the broken one.
    expect(err.line).toBe(10);
    expect(err.parsed.map((d) => d.object.metadata?.name)).toEqual(['x']);
    expect(err.detail).toBe(err.message.slice('error: '.length));
  });

  it('includes a leading --- line in the first document, like the YAML reader', () => {
    const kyaml = '---\n{\n  apiVersion: "v1",\n  kind: "Foo"\n  metadata: {\n    name: "a",\n  },\n}\n';
    expect(errorOf(kyaml)).toBe(yamlErr('t.yaml', "line 4: did not find expected ',' or '}'"));
  });

  it('rejects separators followed by text', () => {
    expect(errorOf('----\na: b\n')).toBe('error: error parsing t.yaml: invalid Yaml document separator: -');
    expect(errorOf('apiVersion: v1\nkind: Pod\n--- x\n')).toBe('error: error parsing t.yaml: invalid Yaml document separator: x');
  });

  it('refuses infinity and NaN, which JSON cannot carry', () => {
    expect(errorOf('a: .inf\n')).toBe('error: error parsing t.yaml: error converting YAML to JSON: json: unsupported value: +Inf');
  });
});

describe('parseManifests: documents and values', () => {
  it('reads several block-style documents and skips empty ones', () => {
    const docs = parseManifests('# comment\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\n# nothing\n---\n~\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n', 'm.yaml');
    expect(docs.map((d) => [d.index, d.object.kind, d.object.metadata?.name, d.source])).toEqual([
      [0, 'Pod', 'a', 'm.yaml'],
      [1, 'ConfigMap', 'b', 'm.yaml'],
    ]);
    expect(parseManifests('', 'e.yaml')).toEqual([]);
    expect(parseManifests('---\n---\n# c\n', 'e.yaml')).toEqual([]);
  });

  it('reads flow style (KYAML as kubectl -o kyaml writes it)', () => {
    const text = '---\n{\n  apiVersion: "v1",\n  kind: "Pod",\n  metadata: {\n    name: "web",\n  },\n  spec: {\n    containers: [{\n      name: "web",\n      image: "nginx",\n    }],\n  },\n}\n';
    const [doc] = parseManifests(text, 'k.yaml');
    expect(doc.object).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    expect(doc.positionOf(['spec', 'containers', 0, 'image'])).toEqual({ line: 11, column: 7 });
  });

  it('reads a JSON stream when the file starts with {', () => {
    const docs = parseManifests('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"}}', 'j.json');
    expect(docs.map((d) => d.object.metadata?.name)).toEqual(['a', 'b']);
    expect(docs[1].positionOf(['metadata', 'name'])).toEqual({ line: 2, column: 50 });
  });

  it('reports JSON syntax errors with Go encoding/json wording and byte offsets', () => {
    expect(errorOf('{"apiVersion": "v1" "kind": "Pod"}')).toBe(`error: error parsing t.yaml: json: offset 21: invalid character '"' after object key:value pair`);
    expect(errorOf('{"apiVersion": v1}')).toBe("error: error parsing t.yaml: json: offset 16: invalid character 'v' looking for beginning of value");
    expect(errorOf('{"apiVersion": "v1", "kind": "Pod", "a": tru}')).toBe("error: error parsing t.yaml: json: offset 45: invalid character '}' in literal true (expecting 'e')");
    expect(errorOf('{"apiVersion": "v1", "kind": "Pod", "a": [1,]}')).toBe("error: error parsing t.yaml: json: offset 45: invalid character ']' looking for beginning of value");
    expect(errorOf('{"apiVersion": "v1", "kind": "Pod", "a": "x\ty"}')).toBe("error: error parsing t.yaml: json: offset 44: invalid character '\\t' in string literal");
    expect(errorOf('{"apiVersion": "v1", "kind": "Pod", "a": 01}')).toBe("error: error parsing t.yaml: json: offset 43: invalid character '1' after object key:value pair");
    expect(errorOf('{"apiVersion": "v1", "kind": "Pod", "a": -}')).toBe("error: error parsing t.yaml: json: offset 43: invalid character '}' in numeric literal");
    expect(errorOf('{"apiVersion": "v1", "kind": "Pod"')).toBe('error: error parsing t.yaml: unexpected EOF');
    // JSON-looking YAML with unquoted keys is still read as JSON by kubectl v1.32.
    expect(errorOf('{\n  apiVersion: "v1",\n}')).toBe("error: error parsing t.yaml: json: offset 5: invalid character 'a' looking for beginning of object key string");
  });

  it('resolves plain scalars with YAML 1.1 rules, as go-yaml does', () => {
    const [doc] = parseManifests(
      'a: yes\nb: off\nc: y\nd: 0777\ne: 0o17\nf: 0x1F\ng: 1_000\nh: 1e3\ni: .5\nj: 2001-12-14\nk: 190:20:30\nl: ~\nm: "yes"\nq: !!str 5\no: 08\np: +12\n',
      't.yaml',
    );
    expect(doc.object).toEqual({ a: true, b: false, c: true, d: 511, e: 15, f: 31, g: 1000, h: 1000, i: 0.5, j: '2001-12-14', k: '190:20:30', l: null, m: 'yes', q: '5', o: 8, p: 12 });
  });

  it('turns non-string keys into strings and supports merge keys', () => {
    const [doc] = parseManifests('base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\nyes: a\n80: b\n', 't.yaml');
    expect(doc.object).toEqual({ base: { x: 1, z: 2 }, m: { x: 1, z: 3 }, true: 'a', '80': 'b' });
    // `y` and `n` are booleans in YAML 1.1, keys included: kubectl sends {"true": ...}.
    expect(parseManifests('y: 1\nn: 2\n', 't.yaml')[0].object).toEqual({ true: 1, false: 2 });
  });

  it('records duplicate keys (the last one wins) and positions of fields', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    const [doc] = parseManifests(text, 'p.yaml');
    expect(doc.object.metadata?.name).toBe('b');
    expect(doc.duplicates).toEqual(['metadata.name']);
    expect(doc.positionOf(['metadata', 'name'])).toEqual({ line: 5, column: 3 });
    expect(doc.positionOf(['spec', 'containers', 0])).toEqual({ line: 8, column: 5 });
    expect(doc.positionOf(['spec', 'containers', 0, 'image'])).toEqual({ line: 9, column: 5 });
    expect(doc.positionOf(['spec', 'nope'])).toBeUndefined();
    expect(doc.positionOf([])).toEqual({ line: 1, column: 1 });
  });

  it('gives file-absolute positions in later documents', () => {
    const docs = parseManifests('a: 1\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n', 'p.yaml');
    expect(docs[1].positionOf(['metadata', 'name'])).toEqual({ line: 6, column: 3 });
  });

  it('rejects documents that are not mappings, with kubectl validation wording', () => {
    const msg = 'error: error validating "t.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false';
    expect(errorOf('hello\n')).toBe(msg);
    expect(errorOf('- a\n- b\n')).toBe(msg);
    expect(() => parseManifests('hello\n', 't.yaml', { validate: false })).toThrow(
      'error: unable to decode "t.yaml": json: cannot unmarshal string into Go value of type unstructured.detector',
    );
  });
});

describe('parseManifests: limits', () => {
  it('rejects an alias bomb quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    expect(errorOf(lines.join('\n') + '\n', 'bomb.yaml')).toBe('error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('allows modest use of aliases', () => {
    const [doc] = parseManifests('x: &x {a: 1}\nz: [*x, *x, *x]\n', 't.yaml');
    expect(doc.object.z).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }]);
  });

  it('rejects input over 1 MiB before parsing it', () => {
    const big = 'a: ' + 'x'.repeat(MAX_MANIFEST_BYTES) + '\n';
    const started = performance.now();
    expect(errorOf(big, 'big.yaml')).toBe(
      'error: error parsing big.yaml: file is too large (more than 1048576 bytes); Pod Lab reads manifests of at most 1 MiB',
    );
    expect(performance.now() - started).toBeLessThan(100);
    // Multi-byte characters count as bytes.
    expect(errorOf('a: ' + 'é'.repeat(MAX_MANIFEST_BYTES / 2) + '\n', 'big.yaml')).toMatch(/too large/);
  });
});
