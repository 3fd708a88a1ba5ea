/**
 * The `sh` program (busybox ash): `sh -c 'cmds' [name [args...]]`, `sh script [args...]`, or
 * commands from stdin. With -c, the last simple command is exec'd in place (same PID), which is
 * why `sh -c "sleep 3600"` shows `sleep 3600` as PID 1 and ignores SIGTERM.
 */
import type { Program } from '../runtime/process';
import { Shell, type IO, type ShellHooks } from './interpreter';
import { normalize } from '../runtime/fs';
import { ERRNO_TEXT, FsError } from '../runtime/fs';
import { interactiveLoop, type ShellFlavor } from './interactive';
import type { Process } from '../runtime/process';

/** Which shell this is, for its prompt and messages: bash, busybox ash, or Debian's dash as `sh`. */
function shellFlavor(p: Process): ShellFlavor {
  const name = (p.argv[0] ?? '').slice((p.argv[0] ?? '').lastIndexOf('/') + 1);
  if (name === 'bash') return 'bash';
  // busybox images ship the `ash` applet next to `sh`; Debian-family images do not.
  return p.host.resolveProgram('ash', '/bin:/usr/bin') ? 'ash' : 'dash';
}

export const sh: Program = function* (p) {
  const hooks = p.host.services.shellHooks as ShellHooks;
  const shell = new Shell(p, hooks, () => p.host.now());
  for (const [k, v] of p.env) {
    shell.vars.set(k, v);
    shell.exported.add(k);
  }
  if (!shell.vars.has('PATH')) shell.vars.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  shell.vars.set('PPID', String(p.ppid));
  shell.vars.set('PWD', p.cwd);
  shell.vars.set('IFS', ' \t\n');
  const io: IO = { stdin: p.fds.stdin, stdout: p.fds.stdout, stderr: p.fds.stderr };
  const args = p.argv.slice(1);
  let i = 0;
  let command: string | undefined;
  let forceInteractive = false;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') {
      command = args[++i];
      if (command === undefined) {
        p.fds.stderr.write('sh: -c requires an argument\n');
        return 2;
      }
      i++;
      break;
    }
    if (a === '-e') shell.opts.errexit = true;
    else if (a === '-x') shell.opts.xtrace = true;
    else if (a === '-u') shell.opts.nounset = true;
    else if (a === '-i') forceInteractive = true;
    else if (/^-[a-z]+$/.test(a) && a.includes('c')) {
      for (const f of a.slice(1)) if (f === 'e') shell.opts.errexit = true;
      command = args[++i];
      i++;
      break;
    } else if (a === '--' || a === '-') {
      i++;
      break;
    } else if (a.startsWith('-') && a !== '-') {
      continue;
    } else break;
  }
  if (command !== undefined) {
    shell.arg0 = args[i] ?? p.argv[0];
    shell.positional = args.slice(i + 1);
    return yield* shell.runScript(command, io, true);
  }
  const script = args[i];
  if (script !== undefined) {
    let src: string;
    try {
      src = p.host.fs.readFile(normalize(script, p.cwd));
    } catch (e) {
      p.fds.stderr.write(`sh: can't open '${script}': ${e instanceof FsError ? ERRNO_TEXT[e.code] : 'error'}\n`);
      return 2;
    }
    shell.arg0 = script;
    shell.errorPrefix = script;
    shell.positional = args.slice(i + 1);
    return yield* shell.runScript(src, io);
  }
  // No command, stdin a terminal (kubectl exec -it … -- sh) or -i: the interactive read–eval loop.
  if (p.tty?.isTerminal(p, 0) || forceInteractive) return yield* interactiveLoop(shell, io, shellFlavor(p));
  if ((p.fds.stdin as { live?: boolean } | undefined)?.live) return yield* interactiveLoop(shell, io, shellFlavor(p), false);
  // No command: read the whole of stdin as the script (non-interactive use).
  let src = '';
  if (p.fds.stdin) {
    for (;;) {
      const r = yield { op: 'read', pipe: p.fds.stdin };
      if (!r || !('data' in r)) continue;
      if (r.data === null) break;
      src += r.data;
    }
  }
  return yield* shell.runScript(src, io);
};
