/**
 * `python app.py` in training/webapp (the old Docker tutorial image): a Flask 0.10 development
 * server on 0.0.0.0:$PORT (default 5000). GET / answers `Hello ` + $PROVIDER (default "world")
 * + `!`; Werkzeug logs its banner and one line per request on stderr, in its own format:
 * ` * Running on http://0.0.0.0:5000/` and `10.244.1.1 - - [15/Jan/2025 10:00:05] "GET / HTTP/1.1" 200 -`.
 */
import type { Program } from '../../runtime/process';
import type { NetNamespace } from '../../net/netns';
import { strftime } from '../../shell/commands/time';

const SERVER = 'Werkzeug/0.9.4 Python/2.7.6';
const NOT_FOUND = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>The requested URL was not found on the server.  If you entered the URL manually please check your spelling and try again.</p>
`;

export const webappProgram: Program = function* (p) {
  const script = p.argv[1];
  if (script !== 'app.py' && script !== '/opt/webapp/app.py') {
    p.fds.stderr.write(`python: can't open file '${script ?? ''}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const net = p.host.services.net as NetNamespace | undefined;
  const port = Number(p.env.get('PORT') ?? '5000') || 5000;
  const provider = p.env.get('PROVIDER') ?? 'world';
  const ok = net?.bind({
    port,
    process: p,
    handleHttp: (req) => {
      const path = req.path.split('?')[0];
      const hit = path === '/' && (req.method === 'GET' || req.method === 'HEAD');
      const status = hit ? 200 : path === '/' ? 405 : 404;
      const body = hit ? `Hello ${provider}!` : status === 404 ? NOT_FOUND : '';
      p.fds.stderr.write(`${req.remoteAddr} - - [${strftime('%d/%b/%Y %H:%M:%S', p.host.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} -\n`);
      return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', Server: SERVER }, body };
    },
  });
  if (net && !ok) {
    p.fds.stderr.write('Traceback (most recent call last):\n  File "app.py", line 12, in <module>\n    app.run(host=\'0.0.0.0\', port=port)\nsocket.error: [Errno 98] Address already in use\n');
    return 1;
  }
  p.fds.stderr.write(` * Running on http://0.0.0.0:${port}/\n`);
  for (;;) yield { op: 'pause' };
};
