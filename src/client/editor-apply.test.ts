import { describe, expect, it } from 'vitest';
import { SimClient } from './SimClient';
import { inProcessTransport } from './in-process';
import { FakeTimer } from './fake-timer.test-util';

const START = Date.UTC(2025, 0, 15, 10, 0, 0);

function setup() {
  const timer = new FakeTimer();
  const options = { seed: 1, start: START, speed: 1 };
  const client = new SimClient(inProcessTransport(options, timer), options);
  let screen = '';
  client.on({ output: (t) => (screen += t) });
  return { timer, client, screen: () => screen, clear: () => (screen = '') };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

describe('editor Apply through kubectl apply -f -', () => {
  it('creates the pod the terminal then lists, and reports kubectl output', async () => {
    const { client, screen, timer } = setup();
    await client.ready();
    const r = await client.apply(POD);
    expect(r).toEqual({ status: 0, output: 'pod/web created\n', diagnostics: [] });
    expect(await client.apply(POD)).toMatchObject({ status: 0, output: 'pod/web unchanged\n' });
    timer.advance(100);
    client.run('kubectl get pods --no-headers');
    expect(screen()).toMatch(/^web\s+0\/1/);
  });

  it('places a validation error on the field line, in kubectl wording', async () => {
    const { client } = setup();
    await client.ready();
    const text = POD.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    ports:\n    - containerPort: 70000\n');
    const r = await client.apply(text);
    expect(r.status).toBe(1);
    expect(r.output).toBe('The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', line: 10, message: 'The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive' }),
    ]);
  });

  it('places YAML syntax and unknown-field errors on their lines (multi-document text)', async () => {
    const { client } = setup();
    await client.ready();
    const two = POD + '---\n' + POD.replace('name: web', 'name: api').replace('    image: nginx:1.27', '    imagePullPolicyy: Always\n    image: nginx:1.27');
    const d = await client.diagnose(two);
    expect(d).toEqual([
      expect.objectContaining({ severity: 'error', line: 17, column: 5, message: expect.stringContaining('unknown field "spec.containers[0].imagePullPolicyy"') }),
    ]);
    const bad = await client.diagnose('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\n');
    expect(bad[0]).toMatchObject({ severity: 'error', line: 5, source: 'kubectl' });
    expect(bad[0].message).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line/);
  });

  it('a forbidden update of a live pod lands on the field kubectl names', async () => {
    const { client } = setup();
    await client.ready();
    await client.apply(POD);
    const r = await client.apply(POD.replace('name: nginx', 'name: nginx2'));
    expect(r.status).toBe(1);
    expect(r.output).toContain('The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than');
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', line: 5, path: 'spec' });
  });

  it('diagnose does not disturb the seeded run (same uids with or without it)', async () => {
    const a = setup();
    const b = setup();
    await a.client.ready();
    await b.client.ready();
    for (let i = 0; i < 5; i++) await b.client.diagnose(POD.replace('name: web', 'generateName: web-'));
    await a.client.apply(POD);
    await b.client.apply(POD);
    a.client.run('kubectl get pod web -o jsonpath={.metadata.uid}');
    b.client.run('kubectl get pod web -o jsonpath={.metadata.uid}');
    expect(a.screen()).toBe(b.screen());
    expect(a.screen()).toMatch(/[0-9a-f-]{36}/);
  });
});

describe('clock stepping and fast pacing', () => {
  it('step advances to the next observable change even while paused', async () => {
    const { client, timer } = setup();
    await client.ready();
    client.pause();
    await client.apply(POD);
    const before = client.now();
    // The first steps are the scheduling at the apply instant, then the kubelet's work.
    for (let i = 0; i < 5 && client.now() === before; i++) client.step();
    const t1 = client.now();
    expect(t1).toBeGreaterThan(before);
    // One step is one change, not a leap: the pod is not running yet.
    expect(t1 - before).toBeLessThan(5000);
    // Paused: real time passing does not move the clock.
    timer.advance(5000);
    expect(client.now()).toBe(t1);
  });

  it('fast skips quiet stretches: a 30 s sleep passes in a few real seconds', async () => {
    const { client, timer, screen } = setup();
    await client.ready();
    client.setFast(true);
    client.run('sleep 30; echo woke');
    for (let i = 0; i < 100 && !screen().includes('woke'); i++) timer.advance(100);
    expect(screen()).toContain('woke');
    expect(client.now() - START).toBeGreaterThanOrEqual(30_000);
  });

  it('max speed runs far ahead of real time', async () => {
    const { client, timer } = setup();
    await client.ready();
    client.setSpeed(Infinity);
    timer.advance(1000);
    expect(client.clock().speed).toBe(Infinity);
    expect(client.now() - START).toBeGreaterThan(60_000);
  });
});
