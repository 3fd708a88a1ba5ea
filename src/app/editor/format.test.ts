import { describe, expect, it } from 'vitest';
import { formatManifest } from './format';

describe('formatManifest', () => {
  it('re-indents in kubectl style, keeping comments, key order, flow lists and block scalars', () => {
    const r = formatManifest(`# my pod
apiVersion: v1
kind:   Pod
metadata:
    name: web    # the name
spec:
    containers:
        -   name: a
            image: nginx
            command: ["sh",   "-c", "echo hi"]
            args:
              - |
                echo one
                echo two
`);
    expect(r).toEqual({
      ok: true,
      text: `# my pod
apiVersion: v1
kind: Pod
metadata:
  name: web # the name
spec:
  containers:
  - name: a
    image: nginx
    command: ["sh", "-c", "echo hi"]
    args:
    - |
      echo one
      echo two
`,
    });
  });

  it('keeps every document and its separator; CRLF becomes LF', () => {
    const r = formatManifest('apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: a}\r\n---\r\n# second\r\napiVersion: v1\r\nkind: Pod\r\n');
    expect(r).toEqual({ ok: true, text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# second\napiVersion: v1\nkind: Pod\n' });
  });

  it('formatting twice changes nothing', () => {
    const once = formatManifest('a:\n    - b: 1\n      c: [1,2]\n');
    expect(once.ok && formatManifest(once.text)).toEqual(once);
  });

  it('refuses text that does not parse, saying why', () => {
    const r = formatManifest('a: [1, 2\nb: 3\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Cannot format: /);
  });
});
