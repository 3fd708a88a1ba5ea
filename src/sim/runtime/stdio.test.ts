import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/clock';
import { Prng } from '../clock/prng';
import { Trace } from '../trace/trace';
import { SimContainerRuntime } from './runtime';
import { TEST_START } from './testing';
import type { StdioConfig } from './stdio';

/** A busybox container running `command` with the given stdin/tty settings. */
function start(command: string[], stdio: StdioConfig) {
  const clock = new VirtualClock(TEST_START);
  const runtime = new SimContainerRuntime(clock, new Prng(1), new Trace());
  const sb = runtime.runPodSandbox({ podUid: 'uid', name: 'p', namespace: 'default', hostname: 'p', ip: '10.244.1.5', shareProcessNamespace: false, etcFiles: {} });
  const id = runtime.createContainer(sb, { name: 'c', attempt: 0, image: 'busybox:1.36', command, env: [], mounts: [], ...stdio });
  runtime.startContainer(id);
  const run = (ms = 100) => clock.runUntil(clock.now() + ms);
  const state = () => runtime.containerStatus(id)!;
  const log = () => runtime.containerLogs(id).map((l) => l.line);
  return { runtime, id, run, state, log };
}

function client() {
  let out = '';
  return { stdout: { write: (t: string) => void (out += t) }, read: () => out };
}

describe('container stdin and tty', () => {
  it('without stdin, sh reads end-of-file at once and exits 0', () => {
    const c = start(['sh'], {});
    c.run();
    expect(c.state()).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 0 });
  });

  it('with stdin, sh waits; an attach without stdinOnce leaves stdin open for the next one', () => {
    const c = start(['sh'], { stdin: true });
    c.run(5000);
    expect(c.state().state).toBe('CONTAINER_RUNNING');
    const a1 = client();
    const r1 = c.runtime.attachContainer(c.id, { wantsStdin: true, tty: false, stdout: a1.stdout });
    if ('error' in r1) throw new Error(r1.error);
    r1.attachment.write('x=kept; echo one\n');
    c.run();
    expect(a1.read()).toBe('one\n');
    r1.attachment.endInput();
    expect(r1.attachment.ended).toBe(true);
    c.run();
    const a2 = client();
    const r2 = c.runtime.attachContainer(c.id, { wantsStdin: true, tty: false, stdout: a2.stdout });
    if ('error' in r2) throw new Error(r2.error);
    r2.attachment.write('echo two $x\n');
    c.run();
    expect(a1.read()).toBe('one\n');
    expect(a2.read()).toBe('two kept\n');
    expect(c.log()).toEqual(['one', 'two kept']);
    expect(c.state().state).toBe('CONTAINER_RUNNING');
  });

  it('stdinOnce: the first attach that ends its input closes stdin, and the shell exits', () => {
    const c = start(['sh'], { stdin: true, stdinOnce: true });
    c.run();
    const a = client();
    const r = c.runtime.attachContainer(c.id, { wantsStdin: true, tty: false, stdout: a.stdout });
    if ('error' in r) throw new Error(r.error);
    r.attachment.write('echo bye; exit 6\n');
    r.attachment.endInput();
    // The attach keeps streaming output until the container's streams close.
    expect(r.attachment.ended).toBe(false);
    c.run();
    expect(a.read()).toBe('bye\n');
    expect(r.attachment.ended).toBe(true);
    expect(c.state()).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 6 });
    expect('error' in c.runtime.attachContainer(c.id, { wantsStdin: true, tty: false, stdout: a.stdout })).toBe(true);
  });

  it('an attach without stdin, or to a container without stdin, sends nothing', () => {
    const c = start(['sh', '-c', 'while true; do sleep 1; done'], {});
    c.run();
    const r = c.runtime.attachContainer(c.id, { wantsStdin: true, tty: false, stdout: client().stdout });
    if ('error' in r) throw new Error(r.error);
    expect(r.attachment.hasStdin).toBe(false);
  });

  it('tty: sh is interactive on PID 1, a resize redraws the prompt, the screen (typed lines too) is the log', () => {
    const c = start(['sh'], { stdin: true, tty: true });
    c.run();
    expect(c.state().state).toBe('CONTAINER_RUNNING');
    const a = client();
    const r = c.runtime.attachContainer(c.id, { wantsStdin: true, tty: true, stdout: a.stdout });
    if ('error' in r) throw new Error(r.error);
    // Output from before the attach (the first prompt) is not replayed; the redraw shows it.
    expect(a.read()).toBe('');
    r.attachment.resize();
    expect(a.read()).toBe('/ # ');
    r.attachment.write('echo hi\n');
    c.run();
    // The typist's own terminal shows what was typed; the process's output and next prompt follow.
    expect(a.read()).toBe('/ # hi\n/ # ');
    r.attachment.sendEof();
    c.run();
    expect(c.state()).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 0 });
    // The redraw overwrote the first prompt on the terminal: one prompt per line in the log.
    expect(c.log()).toEqual(['/ # echo hi', 'hi', '/ # ']);
  });

  it('tty without stdin: sh still waits at its prompt (nothing is ever typed)', () => {
    const c = start(['sh'], { tty: true });
    c.run(60_000);
    expect(c.state().state).toBe('CONTAINER_RUNNING');
  });
});
