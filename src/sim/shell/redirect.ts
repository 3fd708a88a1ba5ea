/**
 * Shell redirections: `>`, `>|`, `>>`, `&>`, `<`, `<<`/`<<-` here-documents, `<<<` here-strings,
 * `n>&m`/`n<&m` duplication and `n>&-` closing, applied left to right to a copy of the command's
 * descriptors as ash does. /dev/null, /dev/stdout and /dev/stderr are recognised by name. A file that
 * cannot be opened is reported in the dialect's wording and the command does not run.
 */
import type { Redir } from './ast';
import { ShellError } from './context';
import { expandOne } from './expand';
import type { IO, Shell } from './interpreter';
import type { Syscall, SyscallResult } from '../runtime/process';
import { Pipe, type Writable } from '../runtime/pipe';
import { ERRNO_TEXT, FsError, normalize } from '../runtime/fs';

type Gen<T> = Generator<Syscall, T, SyscallResult>;

/** The descriptors `io` becomes under `redirs`, or undefined when one failed (already reported). */
export function* applyRedirs(sh: Shell, redirs: Redir[], io: IO): Gen<IO | undefined> {
  const rio: IO = { ...io };
  const fds: Record<number, Writable | Pipe | undefined> = { 0: rio.stdin, 1: rio.stdout, 2: rio.stderr };
  for (const r of redirs) {
    const target = r.heredoc ? '' : yield* expandOne(sh, r.target);
    try {
      switch (r.op) {
        case '>':
        case '>|':
        case '>>': {
          const path = normalize(target, sh.proc.cwd);
          if (target === '/dev/null') fds[r.fd] = { write() {} };
          else if (target === '/dev/stdout' || target === '/proc/self/fd/1') fds[r.fd] = io.stdout;
          else if (target === '/dev/stderr' || target === '/proc/self/fd/2') fds[r.fd] = io.stderr;
          else {
            const fs = sh.proc.host.fs;
            const st = fs.stat(path);
            if (st && st.type === 'dir') throw new FsError('EISDIR', path);
            if (r.op !== '>>' || !st) fs.writeFile(path, '');
            fds[r.fd] = { write: (t: string) => fs.writeFile(path, t, true) };
          }
          if (r.alsoStderr) fds[2] = fds[r.fd];
          break;
        }
        case '<<<':
          fds[r.fd] = filledPipe((yield* expandOne(sh, r.target)) + '\n');
          break;
        case '<': {
          const data = target === '/dev/null' ? '' : sh.proc.host.fs.readFile(normalize(target, sh.proc.cwd));
          fds[r.fd] = filledPipe(data);
          break;
        }
        case '<<':
        case '<<-': {
          const data = r.heredoc ? yield* expandOne(sh, r.heredoc) : '';
          fds[r.fd] = filledPipe(data);
          break;
        }
        case '>&':
        case '<&': {
          if (target === '-') fds[r.fd] = undefined;
          else if (/^\d+$/.test(target)) fds[r.fd] = fds[Number(target)];
          else throw new ShellError(`${target}: bad file descriptor`, 1);
          break;
        }
        case '<>':
          break;
      }
    } catch (e) {
      if (e instanceof FsError) {
        sh.dialect.redirectError(sh, r.op, target, ERRNO_TEXT[e.code], io);
        return undefined;
      }
      throw e;
    }
  }
  rio.stdin = fds[0] instanceof Pipe ? fds[0] : closedPipe();
  rio.stdout = (fds[1] as Writable) ?? { write() {} };
  rio.stderr = (fds[2] as Writable) ?? { write() {} };
  return rio;
}

export function closedPipe(): Pipe {
  const p = new Pipe();
  p.close();
  return p;
}

export function filledPipe(data: string): Pipe {
  const p = new Pipe();
  p.write(data);
  p.close();
  return p;
}
