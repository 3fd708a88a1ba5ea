import { describe, expect, it } from 'vitest';
import { runSh } from './testkit';

const F = { '/tmp/f': Array.from({ length: 15 }, (_, i) => `line${i + 1}`).join('\n') + '\n' };

describe('head', () => {
  it('prints the first lines of a file and of a pipe', () => {
    expect(runSh('printf "a\\nb\\nc\\n" > /tmp/x; head -n 2 /tmp/x; printf "1\\n2\\n3\\n" | head -1').stdout).toBe('a\nb\n1\n');
  });
  it('headers for several files, -c bytes, all-but-last', () => {
    const r = runSh('printf "a\\nb\\n" > /tmp/x; printf "c\\n" > /tmp/y; head /tmp/x /tmp/y; echo "[$(head -c 3 /tmp/x)]"; head -n -1 /tmp/x');
    expect(r.stdout).toBe('==> /tmp/x <==\na\nb\n\n==> /tmp/y <==\nc\n[a\nb]\na\n');
  });
  it('reports a missing file and a bad count', () => {
    const r = runSh('head /nope; echo $?; head -n x /etc/passwd; echo $?');
    expect(r.stdout).toBe('1\n1\n');
    expect(r.stderr).toBe("head: can't open '/nope': No such file or directory\nhead: invalid number 'x'\n");
  });
  it('rejects an unknown option with busybox usage', () => {
    const r = runSh('head -z /etc/passwd');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 4)).toEqual(["head: invalid option -- 'z'", 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.', '', 'Usage: head [OPTIONS] [FILE]...']);
  });
});

describe('tail', () => {
  it('last lines and +N', () => {
    const r = runSh('tail -n 2 /tmp/f; tail -n +14 /tmp/f; tail -3 /tmp/f | wc -l', { files: F });
    expect(r.stdout).toBe('line14\nline15\nline14\nline15\n3\n');
  });
  it('-f follows appended lines in virtual time until killed', () => {
    const r = runSh('tail -n 1 -f /tmp/f', {
      files: F,
      ms: 10_000,
      at: [
        { ms: 2500, run: ({ write }) => write('/tmp/f', 'new1\n') },
        { ms: 4500, run: ({ write }) => write('/tmp/f', 'new2\n') },
      ],
    });
    expect(r.stdout).toBe('line15\nnew1\nnew2\n');
    expect(r.code).toBeUndefined();
    const logs = r.runtime.containerLogs(r.containerId);
    expect(logs.map((l) => l.t - logs[0].t)).toEqual([0, 3000, 5000]);
  });
});

describe('wc', () => {
  it('counts with busybox column widths', () => {
    const r = runSh('printf "a b\\nc\\n" > /tmp/x; wc /tmp/x; wc -l < /tmp/x; wc -l /tmp/x; echo hi | wc; wc -l /tmp/x /tmp/x');
    expect(r.stdout).toBe('        2         3         6 /tmp/x\n2\n2 /tmp/x\n        1         1         3\n        2 /tmp/x\n        2 /tmp/x\n        4 total\n');
  });
});
