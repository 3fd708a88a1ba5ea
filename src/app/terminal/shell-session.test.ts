import { describe, expect, it } from 'vitest';
import { SimClient } from '../../client/SimClient';
import { inProcessTransport } from '../../client/in-process';
import { FakeTimer } from '../../client/fake-timer.test-util';
import { ShellSession } from './shell-session';

/** A terminal that keeps only what a person would read: escape sequences dropped, CRLF → LF. */
function setup() {
  const timer = new FakeTimer();
  const options = { seed: 1, start: Date.UTC(2025, 0, 15, 10), speed: 20 };
  const client = new SimClient(inProcessTransport(options, timer), options);
  let raw = '';
  const term = { cols: 80, write: (s: string) => void (raw += s) };
  const session = new ShellSession(term, client);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { timer, session, raw: () => raw, settle };
}

describe('ShellSession', () => {
  it('runs a pasted here-document line by line, then the command', async () => {
    const { session, raw, settle } = setup();
    await settle();
    session.input('cat <<EOF > pod.yaml\rapiVersion: v1\rkind: Pod\rEOF\rcat pod.yaml\r');
    await settle();
    const text = raw();
    expect(text).toContain('student@workstation:~$ cat <<EOF > pod.yaml');
    expect(text).toContain('> apiVersion: v1');
    expect(text).toContain('> EOF');
    expect(text).toContain('apiVersion: v1\nkind: Pod\n');
  });

  it('edits the line with readline keys and recalls history', async () => {
    const { session, raw, settle } = setup();
    await settle();
    // "echo wrld", ←←← then "o" → "echo world"; Ctrl+W twice and Ctrl+U clear a line.
    session.input('echo wrld\x1b[D\x1b[D\x1b[Do\r');
    await settle();
    expect(raw()).toContain('world\n');
    session.input('typo here\x17\x17\x15echo again\r');
    await settle();
    expect(raw()).toContain('again\n');
    session.input('\x1b[A\x1b[A\r');
    await settle();
    expect(raw().match(/world\n/g)?.length).toBe(2);
    session.input('history\r');
    await settle();
    expect(raw()).toContain('    1  echo world\r\n    2  echo again\r\n    3  echo world\r\n    4  history\r\n');
  });

  it('completes a pod name with Tab', async () => {
    const { session, raw, settle } = setup();
    await settle();
    session.input('kubectl run web --image=nginx\r');
    await settle();
    session.input('kubectl describe pod w\t');
    await settle();
    session.input('\r');
    await settle();
    expect(raw()).toContain('Name:             web');
  });
});
