import { describe, expect, it } from 'vitest';
import { Cluster, DEFAULT_START } from '../cluster';
import { Workstation } from './workstation';
import { HomeFiles } from './files';
import { driveHeadless } from './driver';

function setup(host?: ConstructorParameters<typeof HomeFiles>[0]) {
  const cluster = new Cluster({ seed: 1, start: DEFAULT_START, traceLogs: false });
  let out = '';
  const ws = new Workstation(cluster, new HomeFiles(host), { out: (t) => void (out += t), err: (t) => void (out += t) });
  const run = (line: string) => {
    out = '';
    const status = driveHeadless(ws.run(line), cluster);
    return { status, out };
  };
  return { cluster, ws, run };
}

describe('workstation processes', () => {
  it('ends a writer whose reader is gone (yes | head) within a few virtual milliseconds', () => {
    const { cluster, run } = setup();
    const t0 = cluster.now();
    expect(run('yes | head -2')).toEqual({ status: 0, out: 'y\ny\n' });
    expect(cluster.now() - t0).toBeLessThan(10);
  });

  it('leaves no process behind when a streaming pipeline is interrupted (Ctrl+C)', () => {
    const { cluster, ws, run } = setup();
    run(`kubectl run c --image=busybox -- sh -c 'while true; do echo x; sleep 1; done'`);
    run('sleep 5');
    const gen = ws.run('kubectl logs -f c | grep x | cat');
    let r = gen.next();
    for (let i = 0; i < 5 && !r.done; i++) {
      cluster.advance(1000);
      r = gen.next();
    }
    expect(r.done).toBe(false);
    gen.return(130);
    // Only the login shell is left, back at its prompt.
    expect([...ws.kernel.ns.procs.values()].filter((p) => p.alive)).toEqual([ws.login]);
    expect(ws.login.children.size).toBe(0);
  });

  it('reports the pipeline status of the last stage and supports ! negation', () => {
    const { run } = setup();
    expect(run('echo a | grep b').status).toBe(1);
    expect(run('! echo a | grep b').status).toBe(0);
  });
});

describe('the login shell', () => {
  it('moves the prompt with cd; a subshell, a pipeline stage or a job keeps its cd to itself', () => {
    const { ws, run } = setup();
    expect(run('( cd /tmp && pwd ); pwd').out).toBe('/tmp\n/home/student\n');
    expect(run('cd /tmp | cat; pwd').out).toBe('/home/student\n');
    run('cd /tmp & wait');
    expect(ws.prompt).toBe('student@workstation:~$ ');
    expect(run('mkdir -p ~/work/a && cd ~/work/a && echo data > f && cat ~/work/a/f && cd .. && ls').out).toBe('data\na\n');
    expect(ws.prompt).toBe('student@workstation:~/work$ ');
    expect(run('cd - && echo "$PWD $OLDPWD"').out).toBe('/home/student/work/a\n/home/student/work/a /home/student/work\n');
  });

  it('keeps functions, variables and aliases from line to line; bash -c sees only what is exported', () => {
    const { run } = setup();
    run('f() { echo "f:$1:$v"; }; v=1; export E=2; alias hi="echo hi"');
    expect(run('f x; hi there').out).toBe('f:x:1\nhi there\n');
    expect(run(`bash -c 'echo "[$v][$E]"; f 2>/dev/null || echo no-f; hi 2>/dev/null || echo no-alias'`).out).toBe('[][2]\nno-f\nno-alias\n');
  });
});

describe('workstation files', () => {
  it('imports the home folder, keeps the seeded kubeconfig unless the folder has one, and has /tmp', () => {
    const files: Record<string, string> = { 'pod.yaml': 'kind: Pod\n', 'dir/a.txt': 'a\n' };
    const host = { read: (p: string) => files[p], isDir: (p: string) => p === '.' || p === 'dir', list: (p: string) => (p === '.' ? ['pod.yaml', 'dir'] : p === 'dir' ? ['a.txt'] : []) };
    const { ws, run } = setup(host);
    expect(run('cat dir/a.txt pod.yaml').out).toBe('a\nkind: Pod\n');
    expect(ws.files.read('~/.kube/config')).toContain('current-context: kubernetes-admin@kubernetes');
    expect(ws.files.isDir('/tmp')).toBe(true);
    expect(run('diff <(echo a) <(echo b)').out).toBe('1c1\n< a\n---\n> b\n');
    // bash closes a process substitution when its command ends: nothing is left behind.
    expect(ws.files.list('/dev/fd')).toEqual([]);
  });
});
