import { describe, expect, it } from 'vitest';
import { runSh } from '../testkit';

const files = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
  '/tmp/ps': 'alice 10 3\nbob 20 4\nalice 5 10\ncarol 1 1\n',
  '/tmp/log': 'ok start\nerror disk\nok run\nerror net\nok stop\n',
};

describe('awk', () => {
  it('fields, -F, sums, NR%2, regex counts', () => {
    const r = runSh(
      `echo "a b  c" | awk '{print $2}'; awk -F: '{print $1}' /etc/passwd; awk '{sum+=$3} END {print sum}' /tmp/ps; seq 5 | awk 'NR%2'; awk '/error/ {c++} END {print c+0}' /tmp/log; awk '/nothing/ {c++} END {print c+0}' /tmp/log`,
      { files },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('b\nroot\ndaemon\nnobody\n18\n1\n3\n5\n2\n0\n');
  });

  it('for (k in a) walks in busybox hash order (bucket = hash % 61, chain head first)', () => {
    const r = runSh(`awk '{a[$1]++} END {for (k in a) print k, a[k]}' /tmp/ps; echo | awk '{a["x"]; a["y"]; a["z"]; for (k in a) printf "%s", k; print ""; print length(a)}'`, { files });
    expect(r.stdout).toBe('alice 2\ncarol 1\nbob 1\nzxy\n3\n');
  });
  it('printf conversions, widths, precision and flags', () => {
    const r = runSh(`awk 'BEGIN { printf "%5d|%-5s|%05.1f|%x|%o|%c|%c|%e|%g|%g|%i|%u|%%\\n", 42, "ab", 3.14159, 255, 8, 65, "hi", 12345.678, 0.0001, 1e10, -7.9, 3; printf("%.3s|%+d|%s\\n", "abcdef", 5, 1/3) }'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('   42|ab   |003.1|ff|10|A|h|1.234568e+04|0.0001|1e+10|-7|3|%\n' + 'abc|+5|0.333333\n');
  });
  it('gsub/sub with & and \\&, split with a regex, substr (truncating, as busybox), index, match, case', () => {
    const r = runSh(`echo "hello world" | awk '{ n = gsub(/o/, "[&]"); print n, $0; sub(/l+/, "\\\\&"); print; print toupper($1), length($2), length }'; awk 'BEGIN { n = split("a1b22c", p, /[0-9]+/); print n, p[1], p[2], p[3]; print substr("kubernetes", 5), substr("kubernetes", 0, 4), index("pod lab", "lab"); if (match("xxabcx", /abc/)) print RSTART, RLENGTH }'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('2 hell[o] w[o]rld\nhe&[o] w[o]rld\nHE&[O] 7 14\n3 a b c\nrnetes kube 5\n3 3\n');
  });
  it('range patterns, -v, operand assignments, field assignment with OFS, NF', () => {
    const r = runSh(`awk '/error disk/,/error net/' /tmp/log; awk -v n=2 -v greeting=hi 'NR==n {print greeting, $1}' /tmp/log; awk '{print x, $1}' x=1 /tmp/ps x=2 /tmp/ps | sed -n '1p;5p'; echo "a b c" | awk 'BEGIN{OFS="-"} {$2="X"; print; $5="e"; print; print NF; NF=2; print}'`, { files });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('error disk\nok run\nerror net\nhi error\n1 alice\n2 alice\na-X-c\na-X-c--e\n5\na-X\n');
  });
  it('strnum comparisons, arithmetic, ternary, loops, functions with local arrays', () => {
    const r = runSh(`printf '10 9\\nabc xyz\\n' | awk '{print ($1 > $2) ? "gt" : "le"}'; awk 'function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i; return n } function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { fill(sq, 4); s = 0; for (k in sq) s += sq[k]; print s, fact(10), 2^10, -2^2, 7 % 3, 10 / 4, 1e6, 1e20, 0.1 + 0.2; i = 0; do { i++; if (i == 2) continue; if (i > 4) break; printf "%d ", i } while (1); print ""; x = "3x"; print x + 1, ("a" < "b"), (2 < 10), ("2" < "10") }'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('gt\nle\n30 3628800 1024 -4 1 2.5 1000000 1e+20 0.3\n1 3 4 \n4 1 1 0\n');
  });
  it('RS paragraph mode, -F regex and tab, getline, exit codes, END after exit', () => {
    const r = runSh(`printf 'a b\\nc\\n\\n\\nd e\\n' | awk 'BEGIN{RS=""} {print NR": "$1"/"$NF" ("NF")"}'; echo "a1b22c" | awk -F'[0-9]+' '{print $2}'; printf 'x\\ty z\\n' | awk -F'\\t' '{print $2}'; seq 3 | awk 'NR==1 { getline; print "got", $0 } END { print NR }'; seq 5 | awk '{ if ($1 == 3) exit 4 } END { print "end", $1 }'; echo "rc=$?"`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1: a/c (3)\n2: d/e (2)\nb\ny z\ngot 2\n3\nend 3\nrc=4\n');
  });
  it('syntax and runtime errors use busybox messages', () => {
    const r = runSh(`awk '{print $1' /tmp/ps; echo "rc=$?"; awk 'BEGIN { x = 1 +* 2 }'; awk 'BEGIN { print "unterminated }'; awk 'BEGIN { print 1/0 }'; echo "rc=$?"; awk '{print}' /nope; echo "rc=$?"; awk; echo "rc=$?"`, { files });
    expect(r.stdout).toBe('rc=1\nrc=1\nrc=1\nrc=1\n');
    expect(r.stderr).toMatch(/^awk: cmd\. line:1: Unexpected end of string\nawk: cmd\. line:1: Unexpected token\nawk: cmd\. line:1: Unexpected end of string\nawk: cmd\. line:1: Division by zero\nawk: can't open '\/nope': No such file or directory\nBusyBox v1\.36\.1 .*\n\nUsage: awk \[OPTIONS\] \[AWK_PROGRAM\] \[FILE\]\.\.\./);
  });
  it('streams: prints each record before the next arrives (tail -f | awk)', () => {
    const r = runSh(`tail -f /tmp/live | awk '{print "seen", $1}'`, {
      files: { '/tmp/live': 'first line\n' },
      ms: 5000,
      at: [{ ms: 2000, run: ({ write }) => write('/tmp/live', 'second line\n') }],
    });
    expect(r.code).toBeUndefined();
    expect(r.stdout).toBe('seen first\nseen second\n');
  });
  it('rand is deterministic, srand returns the previous seed, busy loops are preemptible', () => {
    const a = runSh(`awk 'BEGIN { srand(42); print rand(), rand(); print srand(7) }'`);
    const b = runSh(`awk 'BEGIN { srand(42); print rand(), rand(); print srand(7) }'`);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^0\.\d+ 0\.\d+\n42\n$/);
    expect(runSh(`awk 'BEGIN { print srand() }'`).stdout).toBe('1\n');
    const loop = runSh(`awk 'BEGIN { while (1) x++ }'`, { ms: 300 });
    expect(loop.code).toBeUndefined();
    expect(loop.clock.now()).toBeGreaterThan(0);
  });
});
