import { describe, expect, it } from 'vitest';
import { runSh } from './testkit';

describe('cut / tr / sort / uniq / tee', () => {
  it('cut fields and characters', () => {
    const r = runSh('cut -d: -f1,3 /etc/passwd | head -2; echo hello | cut -c 2-4; printf "a\\tb\\n" | cut -f2; cut -x; echo $?');
    expect(r.stdout).toBe('root:0\ndaemon:1\nell\nb\n1\n');
    expect(r.stderr.split('\n')[0]).toBe("cut: invalid option -- 'x'");
  });
  it('tr ranges, classes, -d, -s', () => {
    const r = runSh('echo hello | tr a-z A-Z; echo hello | tr -d l; echo "a   b" | tr -s " "; echo abc | tr "[:lower:]" "[:upper:]"; echo a,b | tr , "\\n"');
    expect(r.stdout).toBe('HELLO\nheo\na b\nABC\na\nb\n');
  });
  it('sort -n -r -u -k -t', () => {
    const r = runSh('printf "10\\n9\\n100\\n9\\n" | sort -n; printf "b\\na\\nb\\n" | sort -u; printf "b\\na\\n" | sort -r; printf "x:3\\ny:1\\nz:2\\n" | sort -t: -k2n');
    expect(r.stdout).toBe('9\n9\n10\n100\na\nb\nb\na\ny:1\nz:2\nx:3\n');
  });
  it('uniq -c -d', () => {
    const r = runSh('printf "a\\na\\nb\\nc\\nc\\nc\\n" | uniq -c; printf "a\\na\\nb\\n" | uniq -d');
    expect(r.stdout).toBe('      2 a\n      1 b\n      3 c\na\n');
  });
  it('tee writes stdout and files, -a appends', () => {
    const r = runSh('echo one | tee /tmp/t; echo two | tee -a /tmp/t | wc -l; cat /tmp/t');
    expect(r.stdout).toBe('one\n1\none\ntwo\n');
  });
});

describe('seq / yes / basename / dirname / which', () => {
  it('seq forms', () => {
    const r = runSh('seq 3; seq 2 4; seq 1 2 7; seq -s, 3; seq -w 8 10; seq 1 0.5 2; seq 5 -2 1');
    expect(r.stdout).toBe('1\n2\n3\n2\n3\n4\n1\n3\n5\n7\n1,2,3\n08\n09\n10\n1.0\n1.5\n2.0\n5\n3\n1\n');
  });
  it('seq with a bad number prints usage', () => {
    const r = runSh('seq x');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST');
  });
  it('yes | head ends', () => {
    const r = runSh('yes | head -n 3; yes no | head -1; echo done');
    expect(r.stdout).toBe('y\ny\ny\nno\ndone\n');
    expect(r.code).toBe(0);
  });
  it('basename, dirname, which', () => {
    const r = runSh('basename /usr/lib/x.so .so; basename /a/b/; dirname /a/b/c; dirname x; dirname /; which sh; which nope; echo $?');
    expect(r.stdout).toBe('x\nb\n/a/b\n.\n/\n/bin/sh\n1\n');
  });
});

describe('options the simulator does not model', () => {
  it('are refused clearly instead of giving a silently wrong result', async () => {
    const { sh } = await import('../../runtime/testing');
    expect(sh("printf 'b\\na\\n' | sort -c; echo $?").output).toBe('sort: option -c is not supported in Pod Lab\n1\n');
    expect(sh('df -i; echo $?').output).toBe('df: option -i is not supported in Pod Lab\n1\n');
    expect(sh('echo a | xargs -P 2 echo; echo $?').output).toBe('xargs: option -P is not supported in Pod Lab\n1\n');
  });
});
