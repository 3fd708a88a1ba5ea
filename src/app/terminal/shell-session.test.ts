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

/** What the screen shows: a small model of the cursor movements the session writes. */
function screen(raw: string): string {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    const esc = raw.slice(i).match(/^\x1b\[(\d*)([A-Za-z])/);
    if (esc) {
      const n = Number(esc[1] || 1);
      if (esc[2] === 'C') col += n;
      else if (esc[2] === 'A') row = Math.max(0, row - n);
      else if (esc[2] === 'J') lines[row] = lines[row].slice(0, col);
      i += esc[0].length - 1;
    } else if (c === '\r') col = 0;
    else if (c === '\n') {
      row++;
      col = 0;
      lines[row] ??= '';
    } else {
      const l = lines[row].padEnd(col);
      lines[row] = l.slice(0, col) + c + l.slice(col + 1);
      col++;
    }
  }
  return lines.join('\n');
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
    // The engine's bash keeps the numbered list (the `history` line itself included).
    expect(raw()).toContain('    1  echo world\n    2  echo again\n    3  echo world\n    4  history\n');
  });

  it('keeps output that did not end its line before the next prompt, as bash does', async () => {
    const { session, raw, settle } = setup();
    await settle();
    // A jsonpath result has no final newline; typing and erasing on the next line must not wipe it.
    session.input('printf Running\r');
    await settle();
    session.input('ab\x7f\x7f');
    await settle();
    const rows = screen(raw()).split('\n');
    expect(rows[rows.length - 1]).toBe('Runningstudent@workstation:~$ ');
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

  it('finds an earlier command with Ctrl+R and runs it with Enter', async () => {
    const { session, raw, settle } = setup();
    await settle();
    session.input('echo first\recho second\r');
    await settle();
    session.input('\x12fir');
    await settle();
    expect(raw()).toContain("(reverse-i-search)`fir': echo first");
    session.input('\x12zz');
    expect(raw()).toContain("(failed reverse-i-search)`firzz': echo first");
    session.input('\x7f\x7f\r');
    await settle();
    expect(raw().match(/first\n/g)?.length).toBe(2);
  });

  it('hands lines to kubectl exec -it, Ctrl+C to the container, and gets the prompt back after exit', async () => {
    const { session, raw, settle, timer } = setup();
    await settle();
    session.input('kubectl run box --image=busybox -- sleep 3600\r');
    await settle();
    for (let i = 0; i < 40 && !/Running/.test(raw()); i++) {
      session.input('kubectl get pod box\r');
      await settle();
      timer.advance(1000);
      await settle();
    }
    session.input('kubectl exec -it box -- sh\r');
    await settle();
    timer.advance(100);
    await settle();
    expect(screen(raw())).toMatch(/\n\/ # $/);
    session.input('cd /tmp\r');
    await settle();
    timer.advance(100);
    await settle();
    expect(screen(raw())).toMatch(/\n\/tmp # $/);
    session.input('sleep 100\r');
    await settle();
    timer.advance(500);
    session.input('\x03');
    await settle();
    timer.advance(100);
    await settle();
    // The terminal echoes ^C; ash starts a new line and shows its prompt again.
    expect(screen(raw())).toMatch(/\/tmp # sleep 100\n\^C\n\/tmp # $/);
    session.input('\x1b[A\x1b[A\r');
    await settle();
    timer.advance(100);
    await settle();
    expect(screen(raw())).toMatch(/\/tmp # cd \/tmp\n\/tmp # $/);
    session.input('exit 4\r');
    await settle();
    timer.advance(100);
    await settle();
    expect(screen(raw())).toMatch(/\/tmp # exit 4\ncommand terminated with exit code 4\nstudent@workstation:~\$ $/);
  });

  it('kubectl run -it --rm: the session gets the typed lines and Ctrl+C, then the pod is deleted', async () => {
    const { session, raw, settle, timer } = setup();
    await settle();
    session.input('kubectl run tmp --image=busybox -it --rm --restart=Never -- sh\r');
    await settle();
    // kubectl waits for the pod to run (image pull, start), then attaches: ash redraws its prompt.
    for (let i = 0; i < 60 && !/\/ # $/.test(screen(raw())); i++) {
      timer.advance(500);
      await settle();
    }
    expect(screen(raw())).toMatch(/--restart=Never -- sh\nIf you don't see a command prompt, try pressing enter\.\n\/ # $/);
    session.input('hostname\r');
    await settle();
    timer.advance(100);
    await settle();
    expect(screen(raw())).toMatch(/\/ # hostname\ntmp\n\/ # $/);
    session.input('sleep 100\r');
    await settle();
    timer.advance(500);
    session.input('\x03');
    await settle();
    timer.advance(100);
    await settle();
    expect(screen(raw())).toMatch(/\/ # sleep 100\n\^C\n\/ # $/);
    session.input('exit 3\r');
    await settle();
    timer.advance(100);
    await settle();
    // --rm deletes the pod before kubectl reports the container's exit code.
    expect(screen(raw())).toMatch(/\/ # exit 3\npod "tmp" deleted\npod default\/tmp terminated \(Error\)\nstudent@workstation:~\$ $/);
    session.input('echo $?\r');
    await settle();
    expect(screen(raw())).toMatch(/echo \$\?\n3\n/);
  });

  it('runs a while loop typed over three lines until Ctrl+C, then $? is 130 and the loop is gone', async () => {
    const { session, raw, settle, timer } = setup();
    await settle();
    session.input('n=0\r');
    await settle();
    // bash's `> ` prompt continues the compound command until `done`.
    session.input('while true; do\r');
    await settle();
    expect(screen(raw())).toMatch(/\$ while true; do\n> $/);
    session.input('  n=$((n+1)); echo "tick $n"; sleep 2\r');
    await settle();
    session.input('done\r');
    await settle();
    // speed 20: 3 real seconds are 60 virtual seconds, one tick every 2 of them.
    timer.advance(3000);
    await settle();
    expect(screen(raw())).toContain('> done\ntick 1\ntick 2\ntick 3\n');
    const ticks = (raw().match(/tick \d+/g) ?? []).length;
    expect(ticks).toBeGreaterThanOrEqual(20);
    session.input('\x03');
    await settle();
    expect(screen(raw())).toMatch(/tick \d+\n\^C\nstudent@workstation:~\$ $/);
    timer.advance(3000);
    await settle();
    // Nothing ticks after the interrupt.
    expect((raw().match(/tick \d+/g) ?? []).length).toBe(ticks);
    session.input('echo "status $? after $n ticks"\r');
    await settle();
    expect(screen(raw())).toContain(`status 130 after ${ticks} ticks\n`);
  });

  it('runs a background job while the prompt waits; bash reports it Done after the next command', async () => {
    const { session, raw, settle, timer } = setup();
    await settle();
    session.input('sleep 3 && echo "job output" &\r');
    await settle();
    expect(screen(raw())).toMatch(/& *\n\[1\] \d+\nstudent@workstation:~\$ $/);
    // speed 20: half a real second is 10 virtual ones, past the job's 3.
    timer.advance(500);
    await settle();
    expect(screen(raw())).toMatch(/\nstudent@workstation:~\$ job output\n$/);
    session.input('echo next\r');
    await settle();
    expect(screen(raw())).toMatch(/echo next\nnext\n\[1\]\+  Done {20}sleep 3 && echo "job output"\nstudent@workstation:~\$ $/);
  });
});
