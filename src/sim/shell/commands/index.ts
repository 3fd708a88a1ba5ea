/** The registry of programs by name; images say which of them they ship and where. */
import type { Program } from '../../runtime/process';
import { date, sleep } from './time';
import { cat, ls, mkdir, rm, touch } from './files';
import { env, hostname, id, printenv, uname, whoami } from './system';
import { head, tail, wc } from './headtail';
import { grep } from './grep';
import { cut, sort, tee, tr, uniq } from './filters';
import { basename, dirname, seq, which, yes } from './gen';
import { NET_PROGRAMS } from './net';
import { pidof, ps } from './procs';
import { psProcps } from './procps';
import { df, du, mount } from './mounts';
import { cp, ln, mv, stat } from './fileops';
import { find } from './find';
import { expr, xargs } from './misc';
import { sed } from './sed';
import { tar } from './tar';
import { awk } from './awk';
import { sh } from '../sh';
import { BUILTINS } from '../builtins';

/** Builtins that also exist as standalone applets (`/bin/echo`, `/bin/true`...). */
function fromBuiltin(name: string): Program {
  return function* (p) {
    const b = BUILTINS[name];
    // A standalone applet behaves like the builtin, writing to the process's own descriptors.
    const fake = {
      proc: p,
      err: (_io: unknown, msg: string) => p.fds.stderr.write(`${name}: ${msg}\n`),
      getVar: (n: string) => p.env.get(n),
      // `kill` signals through the same kernel hooks the shell uses.
      hooks: p.host.services.shellHooks,
    };
    return yield* b(fake as never, p.argv, { stdin: p.fds.stdin, stdout: p.fds.stdout, stderr: p.fds.stderr });
  };
}

export const PROGRAMS: Record<string, Program> = {
  kill: fromBuiltin('kill'),
  tar,
  sh,
  ash: sh,
  date,
  sleep,
  cat,
  ls,
  mkdir,
  rm,
  touch,
  env,
  printenv,
  hostname,
  id,
  whoami,
  uname,
  head,
  tail,
  wc,
  grep,
  egrep: grep,
  fgrep: grep,
  cut,
  tr,
  sort,
  uniq,
  tee,
  seq,
  yes,
  basename,
  dirname,
  which,
  ps,
  'ps-procps': psProcps,
  pidof,
  mount,
  df,
  du,
  cp,
  mv,
  ln,
  stat,
  find,
  xargs,
  expr,
  sed,
  awk,
  echo: fromBuiltin('echo'),
  printf: fromBuiltin('printf'),
  true: fromBuiltin('true'),
  false: fromBuiltin('false'),
  test: fromBuiltin('test'),
  '[': fromBuiltin('['),
  ...NET_PROGRAMS,
};
