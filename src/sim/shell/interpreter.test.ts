/** busybox ash behaviour a learner meets in container commands, run inside a simulated container. */
import { describe, expect, it } from 'vitest';
import { sh } from '../runtime/testing';

describe('ash: lists, conditions and loops', () => {
  it('runs ; && || and reports $?', () => {
    const r = sh('true && echo and; false || echo or; false; echo "status=$?"; exit 3');
    expect(r.stdout).toBe('and\nor\nstatus=1\n');
    expect(r.exitCode).toBe(3);
  });

  it('has if/elif/else, while, until, for, case and functions', () => {
    const r = sh(`i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i
until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i
for x in a b; do echo item $x; done
if [ -z "" ]; then echo empty; elif true; then echo no; else echo no; fi
case hello.txt in *.log) echo log;; *.txt) echo text;; esac
greet() { echo "hi $1"; return 7; }; greet you; echo $?`);
    expect(r.stdout).toBe('3\n0\nitem a\nitem b\nempty\ntext\nhi you\n7\n');
  });

  it('expands parameters: defaults, length, prefix and suffix removal', () => {
    const r = sh('f=/var/log/app.log; echo ${f##*/} ${f%.log} ${#f} ${unset:-dflt} ${f:+set}; : ${new:=assigned}; echo $new');
    expect(r.stdout).toBe('app.log /var/log/app 16 dflt set\nassigned\n');
  });

  it('substitutes commands, quotes, and splits fields', () => {
    const r = sh(`v="a  b"; echo $v; echo "$v"; echo $(echo nested $(echo deep)); echo \`echo back\`; printf '%s-%d\\n' x 5; echo 'single $v'`);
    expect(r.stdout).toBe('a b\na  b\nnested deep\nback\nx-5\nsingle $v\n');
  });

  it('pipes, redirects and here-documents', () => {
    const r = sh(['echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f | cat; cat <<END', 'line $((1+1))', 'END', 'cat < /tmp/f; echo err >&2; ls /nope 2>/dev/null || echo hidden'].join('\n'));
    expect(r.stdout).toBe('one\ntwo\nline 2\none\ntwo\nhidden\n');
    expect(r.stderr).toBe('err\n');
  });

  it('reports unknown commands as ash does, with 127', () => {
    const r = sh('nosuchcmd; echo $?');
    expect(r.stderr).toBe('sh: nosuchcmd: not found\n');
    expect(r.stdout).toBe('127\n');
  });

  it('reports syntax errors', () => {
    expect(sh('if true; then echo x').stderr).toBe('sh: syntax error: unexpected end of file\n');
    expect(sh('echo "open').stderr).toBe('sh: syntax error: unterminated quoted string\n');
    expect(sh('fi').stderr).toBe('sh: syntax error: unexpected "fi"\n');
  });

  it('honours set -e and traps on EXIT', () => {
    const r = sh('trap "echo cleanup" EXIT; set -e; echo before; false; echo after');
    expect(r.stdout).toBe('before\ncleanup\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('ash: descriptors shared between processes', () => {
  it('keeps redirections of the last, exec\'d command', () => {
    expect(sh('cat /etc/hostname > /tmp/x').stdout).toBe('');
    expect(sh('cat /etc/hostname > /tmp/x; cat /tmp/x').stdout).toBe('test\n');
    expect(sh('echo two | tee -a /tmp/t > /dev/null; cat /tmp/t').stdout).toBe('two\n');
  });

  it('closes a pipe only when its last writer exits', () => {
    expect(sh('(echo a; /bin/echo b; echo c) | cat').stdout).toBe('a\nb\nc\n');
  });

  it('joins partial writes of several processes into one log line', () => {
    expect(sh('printf x; /bin/echo -n y; echo z').stdout).toBe('xyz\n');
  });
});

describe('ash: processes in virtual time', () => {
  it('sleep advances virtual time, output streams as produced', () => {
    const r = sh('echo start; sleep 2; echo end');
    expect(r.elapsed).toBeGreaterThanOrEqual(2000);
    const logs = r.runtime.containerLogs(r.id);
    expect(logs[1].t - logs[0].t).toBeGreaterThanOrEqual(2000);
  });

  it('runs background jobs and waits for them', () => {
    const r = sh('(sleep 1; echo bg) & echo fg; wait; echo done');
    expect(r.stdout).toBe('fg\nbg\ndone\n');
  });

  it('charges a busy loop virtual CPU time instead of hanging', () => {
    const r = sh('while true; do :; done', { runForMs: 5_000 });
    expect(r.exitCode).toBeUndefined();
    expect(r.elapsed).toBe(5_000);
  });

  it('date prints busybox format in UTC at the virtual time', () => {
    expect(sh('date').stdout).toBe('Wed Jan 15 10:00:00 UTC 2025\n');
    expect(sh('date +%Y-%m-%dT%H:%M:%S').stdout).toBe('2025-01-15T10:00:00\n');
  });

  it('exec replaces the shell with the program (same PID)', () => {
    const r = sh('echo $$; exec sh -c "echo \\$\\$"');
    const [a, b] = r.stdout.trim().split('\n');
    expect(a).toBe(b);
  });
});

describe('ash keeps ash: bash-only syntax is the workstation dialect', () => {
  it('rejects a here-string with ash\'s error and leaves &> to POSIX (background, then a redirection)', () => {
    expect(sh('cat <<< word').stderr).toBe('sh: syntax error: unexpected "<"\n');
    const r = sh('echo a &> /tmp/out; wait; cat /tmp/out; echo "[$(cat /tmp/out)]"');
    expect(r.stdout).toBe('a\n[]\n');
  });

  it('gives local variables back their outer values when the function returns (ash keeps the outer value until assigned)', () => {
    const r = sh('v=outer; f() { local v; echo "in:$v"; v=inner; echo "in:$v"; }; f; echo "out:$v"');
    expect(r.stdout).toBe('in:outer\nin:inner\nout:outer\n');
  });

  it('expands a leading ~ to $HOME', () => {
    expect(sh('HOME=/root; echo ~ ~/x "~" a~').stdout).toBe('/root /root/x ~ a~\n');
  });
});
