/**
 * /usr/local/bin/python (python3, python3.12) in the python images: `--version`, `-m http.server`,
 * `-c` / a script file / stdin limited to trivial print() (expr.ts), anything else refused with a
 * message that names Pod Lab rather than an invented Python error.
 *
 * stdout is block-buffered when it is not a terminal (container logs are a pipe) unless `-u` or
 * PYTHONUNBUFFERED is set: `python -m http.server` in a pod shows its request lines (stderr) but
 * not its `Serving HTTP on ...` banner, a real surprise learners meet. The buffer is written out
 * when the program exits normally; a kill loses it.
 */
import type { Process, Program } from '../../../runtime/process';
import type { NetNamespace } from '../../../net/netns';
import { normalize } from '../../../runtime/fs';
import { readAll, type Gen } from '../../../shell/commands/util';
import { PYTHON_VERSION, fileServer } from './http-server';
import { Unsupported, runTrivial } from './expr';

/** CPython's io buffer size for pipes. */
const BUFFER = 8192;

class Stdout {
  private buf = '';
  constructor(
    private readonly p: Process,
    private readonly unbuffered: boolean,
  ) {}
  write(s: string): void {
    this.buf += s;
    if (this.unbuffered || this.buf.length >= BUFFER) this.flush();
  }
  flush(): void {
    if (this.buf) this.p.fds.stdout.write(this.buf);
    this.buf = '';
  }
}

function notSupported(p: Process, what: string): number {
  p.fds.stderr.write(`python: ${what} is not supported in Pod Lab (only print() of literals, --version and -m http.server run here)\n`);
  return 1;
}

export const pythonProgram: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1);
  let unbuffered = !!p.env.get('PYTHONUNBUFFERED');
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i];
    if (a === '-V' || a === '--version') {
      p.fds.stdout.write(`Python ${PYTHON_VERSION}\n`);
      return 0;
    }
    if (a === '-u') unbuffered = true;
    else if (a === '-c') return run(p, args[i + 1] ?? '', unbuffered, 'code');
    else if (a === '-m') return yield* module(p, args[i + 1], args.slice(i + 2), new Stdout(p, unbuffered));
    else if (!/^-[BEIOqsSv]+$/.test(a)) {
      p.fds.stderr.write(`unknown option ${a}\nusage: ${p.argv[0]} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`);
      return 2;
    }
  }
  const script = args[i];
  if (script === undefined || script === '-') return run(p, yield* readAll(p), unbuffered, 'stdin');
  const path = normalize(script, p.cwd);
  let text: string;
  try {
    text = p.host.fs.readFile(path);
  } catch {
    p.fds.stderr.write(`${p.argv[0]}: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  return run(p, text, unbuffered, `the script ${script}`);
};

function run(p: Process, code: string, unbuffered: boolean, what: string): number {
  let text: string;
  try {
    text = runTrivial(code);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return notSupported(p, what === 'code' ? `\`${code.trim().split('\n')[0]}\`` : `${what} (\`${e.message.split('\n')[0]}\`)`);
  }
  const out = new Stdout(p, unbuffered);
  out.write(text);
  out.flush();
  return 0;
}

function* module(p: Process, name: string | undefined, args: string[], out: Stdout): Gen<number> {
  if (name === undefined) {
    p.fds.stderr.write('Argument expected for the -m option\n');
    return 2;
  }
  if (name !== 'http.server') return notSupported(p, `\`-m ${name}\``);
  let port = 8000;
  let bind = '0.0.0.0';
  let dir = p.cwd;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-b' || a === '--bind') bind = args[++i] ?? bind;
    else if (a === '-d' || a === '--directory') dir = normalize(args[++i] ?? '.', p.cwd);
    else if (/^\d+$/.test(a)) port = Number(a);
    else {
      p.fds.stderr.write(`usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\nserver.py: error: argument port: invalid int value: '${a}'\n`);
      return 2;
    }
  }
  const net = p.host.services.net as NetNamespace | undefined;
  if (net && !net.bind({ port, process: p, handleHttp: fileServer(p, dir) })) {
    // The real traceback runs through runpy and socketserver; its last line is what matters.
    p.fds.stderr.write('Traceback (most recent call last):\nOSError: [Errno 98] Address already in use\n');
    return 1;
  }
  out.write(`Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`);
  // Ctrl+C (SIGINT) is KeyboardInterrupt: a message and a normal exit that flushes stdout.
  p.dispositions.set(2, 'catch');
  for (;;) {
    const r = yield { op: 'pause' };
    if (r && 'interrupted' in r && r.interrupted === 2) {
      out.write('\nKeyboard interrupt received, exiting.\n');
      out.flush();
      return 0;
    }
  }
}
