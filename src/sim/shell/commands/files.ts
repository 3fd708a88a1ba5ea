/** File commands: cat, touch, rm, mkdir, ls (short and -l forms). */
import { lsColumns } from './columns';
import type { Program, Process } from '../../runtime/process';
import { FsError } from '../../runtime/fs';
import { abs, errText, fail, isGnuUserland, out, readAll, type Gen } from './util';

export const cat: Program = function* (p): Gen<number> {
  const files = p.argv.slice(1).filter((a) => a !== '-u');
  if (!files.length || (files.length === 1 && files[0] === '-')) {
    out(p, yield* readAll(p));
    return 0;
  }
  let status = 0;
  for (const f of files) {
    try {
      out(p, p.host.fs.readFile(abs(p, f)));
    } catch (e) {
      fail(p, isGnuUserland(p) ? `${f}: ${errText(e)}` : `can't open '${f}': ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const touch: Program = function* (p): Gen<number> {
  let status = 0;
  for (const f of p.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      const path = abs(p, f);
      const st = p.host.fs.stat(path);
      if (st) {
        st.mtime = p.host.now();
        if (p.host.fs.resolve(path).readOnly) throw new FsError('EROFS', path);
      } else p.host.fs.writeFile(path, '');
    } catch (e) {
      fail(p, `${f}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const rm: Program = function* (p): Gen<number> {
  const flags = p.argv.slice(1).filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
  const force = flags.includes('f');
  const recursive = /[rR]/.test(flags);
  let status = 0;
  for (const f of p.argv.slice(1).filter((a) => !/^-[a-zA-Z]+$/.test(a))) {
    try {
      const st = p.host.fs.stat(abs(p, f));
      if (!st) throw new FsError('ENOENT', f);
      if (st.type === 'dir' && !recursive) {
        fail(p, `'${f}' is a directory`);
        status = 1;
        continue;
      }
      p.host.fs.unlink(abs(p, f), recursive);
    } catch (e) {
      if (force && e instanceof FsError && e.code === 'ENOENT') continue;
      fail(p, `can't remove '${f}': ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};

export const mkdir: Program = function* (p): Gen<number> {
  const parents = p.argv.includes('-p');
  let status = 0;
  for (const d of p.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      p.host.fs.mkdir(abs(p, d), parents);
    } catch (e) {
      fail(p, `can't create directory '${d}': ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};

function lsLong(p: Process, name: string, path: string): string {
  const st = p.host.fs.stat(path)!;
  const type = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const mode = st.mode;
  const rwx = (m: number) => `${m & 4 ? 'r' : '-'}${m & 2 ? 'w' : '-'}${m & 1 ? 'x' : '-'}`;
  const perms = type + rwx(mode >> 6) + rwx(mode >> 3) + rwx(mode);
  const size = st.type === 'file' ? st.data.length : st.type === 'dir' ? 4096 : st.target.length;
  const d = new Date(st.mtime);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const when = `${mon} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const links = st.type === 'dir' ? 2 : 1;
  const tail = st.type === 'symlink' ? ` -> ${st.target}` : '';
  return `${perms}    ${String(links).padStart(1)} root     root     ${String(size).padStart(9)} ${when} ${name}${tail}`;
}

export const ls: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1);
  const flags = args.filter((a) => /^-[a-zA-Z1]+$/.test(a)).join('');
  const paths = args.filter((a) => !/^-[a-zA-Z1]+$/.test(a));
  const long = flags.includes('l');
  const all = flags.includes('a') || flags.includes('A');
  if (!paths.length) paths.push('.');
  let status = 0;
  const lines: string[] = [];
  paths.forEach((path, idx) => {
    const full = abs(p, path);
    const st = p.host.fs.stat(full);
    if (!st) {
      fail(p, `${path}: No such file or directory`);
      status = 1;
      return;
    }
    if (st.type !== 'dir') {
      lines.push(long ? lsLong(p, path, full) : path);
      return;
    }
    if (paths.length > 1) lines.push(`${idx ? '\n' : ''}${path}:`);
    let names = p.host.fs.readdir(full);
    if (!all) names = names.filter((n) => !n.startsWith('.'));
    if (long) {
      lines.push(`total ${names.length * 4}`);
      for (const n of names) lines.push(lsLong(p, n, full === '/' ? `/${n}` : `${full}/${n}`));
    } else if (p.tty?.isTerminal(p, 1) && !flags.includes('1')) lines.push(...lsColumns(names, p.host.resolveProgram('ash', '/bin') ? 'busybox' : 'gnu'));
    else for (const n of names) lines.push(n);
  });
  if (lines.length) out(p, lines.join('\n') + '\n');
  return status;
};
