import { describe, expect, it } from 'vitest';
import { runSh } from './testkit';

const files = { '/tmp/f': 'one\ntwo\nthree\nfour\n' };

describe('sed', () => {
  it('s///g with & and groups', () => {
    const r = runSh('echo hello world | sed "s/o/0/g"; echo hello | sed "s/l/[&]/"; echo "key=value" | sed -E "s/(.*)=(.*)/\\2=\\1/"; echo aaa | sed "s/a/b/2"');
    expect(r.stdout).toBe('hell0 w0rld\nhe[l]lo\nvalue=key\naba\n');
  });
  it('-n with p, line and regex addresses, ranges, d, !', () => {
    const r = runSh('sed -n 2p /tmp/f; sed -n "/^t/p" /tmp/f; sed 2,3d /tmp/f; sed -n "/two/,/three/p" /tmp/f; sed "\\$!d" /tmp/f; sed -n "2!p" /tmp/f', { files });
    expect(r.stdout).toBe('two\ntwo\nthree\none\nfour\ntwo\nthree\nfour\none\nthree\nfour\n');
  });
  it('-e several, a/i/c, =, y, q', () => {
    const r = runSh('sed -e s/one/1/ -e s/two/2/ /tmp/f | head -2; sed "1a\\\\\nadded" /tmp/f | head -2; sed "2i before" /tmp/f | sed -n 2p; sed -n "\\$=" /tmp/f; echo abc | sed "y/abc/xyz/"; sed 2q /tmp/f', { files });
    expect(r.stdout).toBe('1\n2\none\nadded\nbefore\n4\nxyz\none\ntwo\n');
  });
  it('-i edits in place, with a backup suffix', () => {
    const r = runSh('sed -i s/one/ONE/ /tmp/f; head -1 /tmp/f; sed -i.bak 1d /tmp/f; head -1 /tmp/f /tmp/f.bak', { files });
    expect(r.stdout).toBe('ONE\n==> /tmp/f <==\ntwo\n\n==> /tmp/f.bak <==\nONE\n');
  });
  it('errors', () => {
    const r = runSh('sed "s/a/b" /tmp/f; echo $?; sed "k" /tmp/f; sed p /nope; echo $?', { files });
    expect(r.stdout).toBe('1\n2\n');
    expect(r.stderr).toBe("sed: unmatched '/'\nsed: unsupported command k\nsed: can't open '/nope': No such file or directory\n");
  });
});
