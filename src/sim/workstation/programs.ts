/**
 * The text tools of the workstation are the very programs the containers run (src/sim/shell/
 * commands: sed, awk, cut, tr, uniq, xargs, find …), started as processes whose root filesystem
 * is the workstation's (files.ts) and whose stderr speaks GNU (gnu-wording.ts). Tools busybox
 * lacks (column, diff, nl, less/more) live in ./tools and run the same way.
 */
import type { Program } from '../runtime/process';
import type { ProcessHost } from '../runtime/process';
import type { ContainerFs } from '../runtime/containerfs';
import { sed } from '../shell/commands/sed';
import { awk } from '../shell/commands/awk';
import { cut, tr, uniq } from '../shell/commands/filters';
import { xargs, expr } from '../shell/commands/misc';
import { basename, dirname, seq, which, yes } from '../shell/commands/gen';
import { find } from '../shell/commands/find';
import { hostname, id, printenv, uname, whoami } from '../shell/commands/system';
import { head, tail } from '../shell/commands/headtail';
import { grep } from '../shell/commands/grep';
import { column } from './tools/column';
import { diff } from './tools/diff';
import { nl } from './tools/nl';
import { pager } from './tools/pager';
import { gnuDate } from './tools/date';
import type { WorkstationKernel } from './tasks';
import { gnuStderr } from './gnu-wording';
import type { Process } from '../runtime/process';

/** Programs by the name they are installed under in /usr/bin. */
export const WORKSTATION_PROGRAMS: Record<string, Program> = {
  sed,
  awk,
  mawk: awk,
  cut,
  tr,
  uniq,
  xargs,
  expr,
  seq,
  yes,
  basename,
  dirname,
  which,
  find,
  date: gnuDate,
  printenv,
  hostname,
  id,
  whoami,
  uname,
  head,
  tail,
  grep,
  egrep: grep,
  fgrep: grep,
  column,
  diff,
  nl,
  less: pager,
  more: pager,
};

/** What a process on the workstation sees of it: its files, its clock, its PATH. */
export function workstationHost(fs: ContainerFs, now: () => number, kernel: () => WorkstationKernel): ProcessHost {
  // Any other command in /usr/bin (kubectl, cat, bash …) is one the workstation runs itself.
  const workstationCommand: Program = (p: Process) => kernel().runCommandIn(p);
  const gnu = new Map<string, Program>();
  return {
    containerId: 'workstation',
    containerName: 'workstation',
    hostname: 'workstation',
    fs,
    now,
    resolveProgram(name, path) {
      const found = lookPath(fs, name, path, '/home/student');
      if (!found) return undefined;
      const base = found.slice(found.lastIndexOf('/') + 1);
      const program = WORKSTATION_PROGRAMS[base];
      if (!program) return { path: found, program: workstationCommand };
      if (!gnu.has(base)) gnu.set(base, speaksGnu(base, program));
      return { path: found, program: gnu.get(base)! };
    },
    services: {
      get shellHooks() {
        return kernel().hooks;
      },
    },
  };
}

/** The program with its stderr in GNU's words (gnu-wording.ts), however it was started. */
function speaksGnu(name: string, program: Program): Program {
  return (p) => {
    const under = p.fds.stderr;
    const shared = under === p.fds.stdout;
    const w = gnuStderr(name === 'mawk' ? 'awk' : name, p.argv, (t) => under.write(t));
    p.fds.stderr = {
      write: (t) => w.write(t),
      close: () => {
        w.close?.();
        if (!shared) under.close?.();
      },
    };
    return program(p);
  };
}

/** execvp's search: NAME with a slash as is, else the first executable PATH/NAME. */
export function lookPath(fs: ContainerFs, name: string, path: string, cwd: string): string | undefined {
  const isExec = (full: string) => {
    const st = fs.statFollow(full.startsWith('/') ? full : `${cwd}/${full}`);
    return !!st && st.type === 'file' && (st.mode & 0o111) !== 0;
  };
  if (name.includes('/')) return isExec(name) ? name : undefined;
  for (const d of path.split(':')) {
    const full = `${d || '.'}/${name}`;
    if (isExec(full)) return full;
  }
  return undefined;
}
