import { describe, expect, it } from 'vitest';
import { SimClient } from './SimClient';
import { inProcessTransport } from './in-process';
import { FakeTimer } from './fake-timer.test-util';
import { EngineHost } from './engine-host';
import type { EngineMessage } from './protocol';

const START = Date.UTC(2025, 0, 15, 10, 0, 0);

function setup(speed = 1) {
  const timer = new FakeTimer();
  const options = { seed: 1, start: START, speed };
  const client = new SimClient(inProcessTransport(options, timer), options);
  let screen = '';
  const done: number[] = [];
  client.on({ output: (t) => (screen += t), done: (s) => done.push(s) });
  return { timer, client, done, screen: () => screen, clear: () => (screen = '') };
}

describe('EngineHost pacing', () => {
  it('streams kubectl get pods -w as the pod starts, and Ctrl+C gives the prompt back', async () => {
    const { timer, client, done, screen, clear } = setup();
    expect(await client.ready()).toBe('student@workstation:~$ ');

    client.run('kubectl run web --image=nginx');
    expect(screen()).toBe('pod/web created\n');
    expect(done).toEqual([0]);
    clear();

    client.run('kubectl get pods -w');
    // The first listing is immediate; the pod has not started yet.
    expect(screen()).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+(Pending|ContainerCreating)/);
    expect(screen()).not.toContain('Running');
    expect(done).toEqual([0]);

    // Real time passes at 1×: the watch streams the pod's progress, and is still running.
    let seen = '';
    for (let s = 0; s < 30 && !screen().includes('Running'); s++) {
      timer.advance(1000);
      seen = screen();
    }
    expect(seen).toContain('ContainerCreating');
    expect(seen).toMatch(/web\s+1\/1\s+Running/);
    expect(seen.indexOf('ContainerCreating')).toBeLessThan(seen.indexOf('Running'));
    expect(done).toEqual([0]);
    // It took real seconds, not an instant: virtual time followed the fake clock.
    expect(client.now() - START).toBeGreaterThan(1000);

    clear();
    client.interrupt();
    expect(screen()).toBe('^C\n');
    expect(done).toEqual([0, 130]);

    // The shell is usable again.
    clear();
    client.run('kubectl get pod web --no-headers');
    expect(screen()).toMatch(/^web\s+1\/1\s+Running\s+0\s+\d+s\n$/);
  });

  it('sleep takes virtual time at the chosen speed', () => {
    const { timer, client, done } = setup(5);
    client.run('sleep 5');
    expect(done).toEqual([]);
    timer.advance(900);
    expect(done).toEqual([]);
    timer.advance(200);
    expect(done).toEqual([0]);
  });

  it('pause stops the clock and resume continues it; setSpeed changes the rate', () => {
    const { timer, client } = setup();
    timer.advance(1000);
    client.pause();
    const t1 = client.now();
    expect(t1 - START).toBe(1000);
    timer.advance(5000);
    expect(client.now()).toBe(t1);
    client.resume();
    client.setSpeed(20);
    timer.advance(1000);
    expect(client.now() - t1).toBeGreaterThanOrEqual(19_000);
    expect(client.now() - t1).toBeLessThanOrEqual(21_000);
  });

  it('completes commands, verbs, pod and container names, and files', async () => {
    const { client } = setup();
    client.run('kubectl run web --image=nginx');
    client.run("echo hi > notes.txt");
    expect((await client.complete('kube', 4)).candidates).toEqual(['kubectl']);
    expect((await client.complete('kubectl de', 10)).candidates).toEqual(['delete', 'describe']);
    expect((await client.complete('k logs w', 8)).candidates).toEqual(['web']);
    expect((await client.complete('kubectl at', 10)).candidates).toEqual(['attach']);
    expect((await client.complete('kubectl attach -it w', 20)).candidates).toEqual(['web']);
    expect((await client.complete('kubectl get pods w', 18)).candidates).toEqual(['web']);
    expect((await client.complete('kubectl logs web -c ', 20)).candidates).toEqual(['web']);
    expect((await client.complete('kubectl get po', 14)).candidates).toEqual(['po', 'pod', 'pods']);
    expect((await client.complete('cat no', 6)).candidates).toEqual(['notes.txt']);
    const c = await client.complete('kubectl describe pod/w', 22);
    expect(c).toEqual({ from: 17, to: 22, candidates: ['pod/web'], closes: true });
  });

  it("completes kubectl's flags from its help texts, every verb, and the workstation's programs", async () => {
    const { client } = setup();
    expect((await client.complete('kubectl get pods --sh', 21)).candidates).toEqual(['--show-kind', '--show-labels', '--show-managed-fields']);
    expect((await client.complete('kubectl logs web --all-', 23)).candidates).toEqual(['--all-containers', '--all-pods']);
    // Subcommand flags (create configmap) and the global ones (--namespace) both complete.
    expect((await client.complete('k create configmap x --from-l', 29)).candidates).toEqual(['--from-literal']);
    expect((await client.complete('kubectl get --names', 19)).candidates).toEqual(['--namespace']);
    expect((await client.complete('kubectl to', 10)).candidates).toEqual(['top']);
    expect((await client.complete('kubectl ver', 11)).candidates).toEqual(['version']);
    expect((await client.complete('se', 2)).candidates).toEqual(['sed', 'seq']);
    // After `--` the words belong to the container's command.
    expect((await client.complete('kubectl exec web -- --', 22)).candidates).toEqual([]);
  });

  it('keeps running when a command throws, and reports the error', () => {
    const out: EngineMessage[] = [];
    const timer = new FakeTimer();
    const host = new EngineHost({ seed: 1, start: START }, (m) => out.push(m), timer);
    host.receive({ t: 'run', line: 'nosuchcommand' });
    expect(out.filter((m) => m.t === 'done')).toEqual([{ t: 'done', status: 127, prompt: 'student@workstation:~$ ' }]);
  });
});

describe('client defaults', () => {
  it('start at the same instant as the CLI', async () => {
    const { DEFAULT_START } = await import('./defaults');
    const sim = await import('../sim/cluster');
    expect(DEFAULT_START).toBe(sim.DEFAULT_START);
  });
});
