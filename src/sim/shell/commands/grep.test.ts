import { describe, expect, it } from 'vitest';
import { runSh } from './testkit';

const files = { '/tmp/a': 'apple pie\nBanana split\ncherry\napple\n', '/tmp/d/x.txt': 'needle here\n', '/tmp/d/y.txt': 'nothing\n' };

describe('grep', () => {
  it('matches, inverts, ignores case, counts, numbers', () => {
    const r = runSh('grep apple /tmp/a; grep -v apple /tmp/a; grep -ic BANANA /tmp/a; grep -n cherry /tmp/a', { files });
    expect(r.stdout).toBe('apple pie\napple\nBanana split\ncherry\n1\n3:cherry\n');
  });
  it('exit codes 0, 1, 2 and -q', () => {
    const r = runSh('grep -q apple /tmp/a; echo $?; grep zzz /tmp/a; echo $?; grep x /nope; echo $?', { files });
    expect(r.stdout).toBe('0\n1\n2\n');
    expect(r.stderr).toBe('grep: /nope: No such file or directory\n');
  });
  it('-E, -F, -o, -w, -x', () => {
    const r = runSh('grep -E "^(apple|cherry)$" /tmp/a; grep -F "e p" /tmp/a; echo "a1b22c333" | grep -oE "[0-9]+"; grep -w apple /tmp/a | wc -l; grep -x apple /tmp/a', { files });
    expect(r.stdout).toBe('cherry\napple\napple pie\n1\n22\n333\n2\napple\n');
  });
  it('BRE operators and a pipe', () => {
    const r = runSh('printf "aaa\\nab\\nb\\n" | grep "a\\{2,\\}"; echo "x+y" | grep "x+y"', { files });
    expect(r.stdout).toBe('aaa\nx+y\n');
  });
  it('-r, -l and file name prefixes', () => {
    const r = runSh('grep -r needle /tmp/d; grep -l apple /tmp/a /tmp/d/y.txt; grep cherry /tmp/a /tmp/d/y.txt', { files });
    expect(r.stdout).toBe('/tmp/d/x.txt:needle here\n/tmp/a\n/tmp/a:cherry\n');
  });
  it('context lines', () => {
    const r = runSh('seq 1 10 | grep -A1 -B1 -e 3 -e 8', { files });
    expect(r.stdout).toBe('2\n3\n4\n--\n7\n8\n9\n');
  });
});
