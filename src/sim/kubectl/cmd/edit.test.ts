// kubectl edit's loop, driven with a scripted editor that records each file it is given. Header,
// reasons and messages are those of kubectl v1.32 editoptions.go (checked against the real binary
// for the cancel, empty-file and syntax-error paths; the Invalid header format is from the source).
import { describe, expect, it } from 'vitest';
import { Cluster, DEFAULT_START } from '../../cluster';
import { HomeFiles } from '../../workstation/files';
import { kubectl } from '../kubectl';
import type { CmdGen, KubectlCtx } from '../context';

const FAIL = (t: string) => t;

function setup() {
  const cluster = new Cluster({ seed: 1, start: DEFAULT_START, traceLogs: false });
  const files = new HomeFiles();
  let out = '';
  let err = '';
  const seen: Array<{ path: string; text: string }> = [];
  let edits: Array<(text: string) => string> = [];
  const editor = function* (path: string): CmdGen {
    const text = files.read(path) ?? '';
    seen.push({ path, text });
    const f = edits.shift();
    if (f === FAIL) return 1;
    if (f) files.write(path, f(text));
    return 0;
  };
  const ctx: KubectlCtx = { cluster, files, io: { out: (s) => void (out += s), err: (s) => void (err += s) }, editor, env: new Map([['KUBE_EDITOR', 'vi']]) };
  const run = (...args: string[]) => {
    out = '';
    err = '';
    const g = kubectl(args, ctx);
    let r = g.next();
    while (!r.done) r = g.next();
    return { status: r.value, out, err };
  };
  run('run', 'web', '--image=nginx:1.25');
  return { run, seen, files, setEdits: (e: Array<(t: string) => string>) => void (edits = e) };
}

describe('kubectl edit', () => {
  it('writes the object under kubectl\'s header to /tmp/kubectl-edit-N.yaml', () => {
    const t = setup();
    const r = t.run('edit', 'pod/web');
    expect(r).toEqual({ status: 0, out: '', err: 'Edit cancelled, no changes made.\n' });
    expect(t.seen[0].path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(t.seen[0].text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: v1\nkind: Pod\n")).toBe(true);
    expect(t.files.exists(t.seen[0].path)).toBe(false);
  });

  it('applies a change and prints edited', () => {
    const t = setup();
    t.setEdits([(s) => s.replace('image: nginx:1.25', 'image: nginx:1.27')]);
    expect(t.run('edit', 'pod', 'web')).toEqual({ status: 0, out: 'pod/web edited\n', err: '' });
    expect(t.run('get', 'pod', 'web', '-o', 'jsonpath={.spec.containers[0].image}').out).toBe('nginx:1.27');
  });

  it('reopens a rejected change with the reasons, and gives up when the editor changes nothing more', () => {
    const t = setup();
    t.setEdits([(s) => s.replace('restartPolicy: Always', 'restartPolicy: Never')]);
    const r = t.run('edit', 'pod', 'web');
    expect(r.status).toBe(1);
    const second = t.seen[1];
    expect(r.err).toBe(`error: pods "web" is invalid\nA copy of your changes has been stored to "${second.path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
    expect(second.text).toContain('#\n# pods "web" was not valid:\n# * spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`');
    expect(second.text).toContain('restartPolicy: Never');
    expect(t.files.exists(second.path)).toBe(true);
  });

  it('reopens a file with a YAML error, saying so in the header', () => {
    const t = setup();
    t.setEdits([() => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: [\n']);
    const r = t.run('edit', 'pod', 'web');
    expect(r.status).toBe(1);
    expect(t.seen[1].text).toMatch(/^# Please edit[\s\S]*#\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: [^\n]+\n#\napiVersion: v1\n/);
    expect(r.err).toBe(`A copy of your changes has been stored to "${t.seen[1].path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
  });

  it('accepts a fix on the second pass', () => {
    const t = setup();
    t.setEdits([(s) => s.replace('restartPolicy: Always', 'restartPolicy: Never'), (s) => s.replace('restartPolicy: Never', 'restartPolicy: Always').replace('image: nginx:1.25', 'image: nginx:1.26')]);
    const r = t.run('edit', 'pod', 'web');
    expect(r).toEqual({ status: 0, out: 'pod/web edited\n', err: 'error: pods "web" is invalid\n' });
  });

  it('treats an emptied file as a cancel, and reports the editor failing', () => {
    const t = setup();
    t.setEdits([() => '# nothing\n\n']);
    expect(t.run('edit', 'pod', 'web')).toEqual({ status: 0, out: '', err: 'Edit cancelled, saved file was empty.\n' });
    t.setEdits([FAIL]);
    expect(t.run('edit', 'pod', 'web')).toEqual({ status: 1, out: '', err: 'error: there was a problem with the editor "vi"\n' });
  });
});
