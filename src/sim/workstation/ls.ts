/**
 * GNU ls on the workstation: names in columns on the terminal (one per line into a pipe or a
 * file, as GNU ls does when stdout is not a tty), -a/-A, -d, -1, several operands (files first,
 * then each directory under a `dir:` heading), and coreutils' messages.
 */
import type { TerminalIO } from '../kubectl/context';
import type { HomeFiles } from './files';
import { lsColumns } from '../shell/commands/columns';

/** GNU's locale order (C.UTF-8 is byte order): what `ls` sorts names by. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function ls(args: string[], files: HomeFiles, io: TerminalIO, tty: boolean): number {
  let flags = '';
  const operands: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && /^-[a-zA-Z1]+$/.test(a)) flags += a.slice(1);
    else if (!done && a.startsWith('--')) {
      io.err(`ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`);
      return 2;
    } else operands.push(a);
  }
  const bad = [...flags].find((c) => !'aAd1'.includes(c));
  if (bad) {
    io.err(`ls: Pod Lab's ls knows -a, -A, -d and -1 (not -${bad}); try find or stat for details\n`);
    return 2;
  }
  const all = flags.includes('a');
  const almost = flags.includes('A');
  const asFile = flags.includes('d');
  const oneCol = flags.includes('1') || !tty;
  const show = (names: string[]) => {
    if (!names.length) return;
    io.out((oneCol ? names : lsColumns(names, 'gnu')).join('\n') + '\n');
  };
  if (!operands.length) operands.push('.');
  let status = 0;
  const plain: string[] = [];
  const dirs: string[] = [];
  for (const p of operands) {
    if (!files.exists(p)) {
      io.err(`ls: cannot access '${p}': No such file or directory\n`);
      status = 2;
    } else if (files.isDir(p) && !asFile) dirs.push(p);
    else plain.push(p);
  }
  show(plain.sort(byName));
  dirs.sort(byName);
  const headed = operands.length > 1;
  dirs.forEach((d, i) => {
    if (headed) io.out(`${plain.length || i ? '\n' : ''}${d}:\n`);
    const names = files.list(d).filter((n) => !n.startsWith('.') || all || almost);
    show([...(all ? ['.', '..'] : []), ...names.sort(byName)]);
  });
  return status;
}
