import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { cluster, exec, logs, pod } from './harness.test-util';
import { runTrivial } from './programs/python/expr';

const LOG = /^10\.244\.1\.\d+ - - \[15\/Jan\/2025 10:0\d:\d\d\] "GET \/ HTTP\/1.1" 200 -$/;

describe('python image', () => {
  it('python -m http.server: request lines on stderr, the banner held in the stdout buffer unless unbuffered', () => {
    const c = cluster();
    c.api.create(pod('py', [
      { name: 'srv', image: 'python:3.12-slim', command: ['python', '-m', 'http.server'], workingDir: '/srv', volumeMounts: [{ name: 'srv', mountPath: '/srv' }] },
      { name: 'u', image: 'python:3.12', command: ['python', '-u', '-m', 'http.server', '8080', '-d', '/etc'] },
    ], { volumes: [{ name: 'srv', emptyDir: {} }] }));
    c.api.create(pod('client', [{ name: 'sh', image: 'busybox', command: ['sleep', '3600'] }]));
    c.advance(60_000);
    const ip = (c.store.get('Pod', 'default', 'py') as Pod).status!.podIP!;
    exec(c, 'py', 'srv', ['sh', '-c', 'echo hello > /srv/hi.txt; mkdir /srv/sub']);
    const listing = exec(c, 'client', 'sh', ['wget', '-qO-', `http://${ip}:8000/`]).out;
    expect(listing).toBe('<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n<li><a href="hi.txt">hi.txt</a></li>\n<li><a href="sub/">sub/</a></li>\n</ul>\n<hr>\n</body>\n</html>\n');
    expect(exec(c, 'client', 'sh', ['wget', '-qO-', `http://${ip}:8000/hi.txt`]).out).toBe('hello\n');
    const missing = exec(c, 'client', 'sh', ['wget', '-qO-', `http://${ip}:8000/nope`]);
    expect(missing.err).toContain('404');
    const l = logs(c, 'py', 'srv');
    expect(l[0]).toMatch(LOG);
    expect(l[0].startsWith('10.244.1.')).toBe(true);
    expect(l).toContain(l[0].replace('"GET / HTTP/1.1" 200 -', 'code 404, message File not found'));
    expect(l.some((x) => x.endsWith('"GET /nope HTTP/1.1" 404 -'))).toBe(true);
    expect(l.some((x) => x.startsWith('Serving HTTP'))).toBe(false);
    expect(logs(c, 'py', 'u')[0]).toBe('Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...');
    expect(exec(c, 'client', 'sh', ['wget', '-qO-', `http://${ip}:8080/debian_version`]).out).toBe('12.8\n');
  });

  it('--version, trivial -c prints, and a clear refusal for the rest', () => {
    const c = cluster();
    c.api.create(pod('py', [{ name: 'py', image: 'python:3.12', command: ['sleep', '3600'] }]));
    c.advance(40_000);
    expect(exec(c, 'py', 'py', ['python', '--version']).out).toBe('Python 3.12.8\n');
    expect(exec(c, 'py', 'py', ['python3', '-c', 'print("hello from", 3 * 7); print(1/2)']).out).toBe('hello from 21\n0.5\n');
    const r = exec(c, 'py', 'py', ['python', '-c', 'import os; print(os.getcwd())']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('python: `import os; print(os.getcwd())` is not supported in Pod Lab (only print() of literals, --version and -m http.server run here)\n');
    expect(exec(c, 'py', 'py', ['python', 'app.py']).err).toBe("python: can't open file '/app.py': [Errno 2] No such file or directory\n");
  });

  it('the default CMD (python3 on a closed stdin) exits 0 at once', () => {
    const c = cluster();
    c.api.create(pod('repl', [{ name: 'py', image: 'python:3.12-slim' }], { restartPolicy: 'Never' }));
    c.advance(30_000);
    expect((c.store.get('Pod', 'default', 'repl') as Pod).status!.phase).toBe('Succeeded');
  });

  it('trivial evaluator', () => {
    expect(runTrivial("print('a' + 'b', 7 // 2, -7 % 3, 2 ** 10, True, None, 1.5 * 2)")).toBe('ab 3 2 1024 True None 3.0\n');
  });
});
