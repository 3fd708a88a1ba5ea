/**
 * `tar` with the modes kubectl cp and learners use: `tar cf - PATH…`, `tar xf -` (`-xmf - -C DIR`),
 * `tar tf FILE`, `-v`. ustar archives (ustar.ts). Two flavours, by image: busybox tar
 * (`tar: removing leading '/' from member names`) and GNU tar on Debian-family images
 * (``tar: Removing leading `/' from member names``, `Cannot stat`, exit 2).
 */
import type { Program, Process } from '../../runtime/process';
import { FsError, normalize } from '../../runtime/fs';
import { errText, isGnuUserland, out, readAll, type Gen } from './util';
import { readTar, writeTar, type TarEntry } from './ustar';

interface TarOpts {
  mode?: 'c' | 'x' | 't';
  file?: string;
  dir?: string;
  verbose: boolean;
  operands: string[];
}

function parse(argv: string[], err: (m: string) => void): TarOpts | undefined {
  const o: TarOpts = { verbose: false, operands: [] };
  const args = [...argv];
  // The first word may bundle letters without a dash (`tar cf - x`), as tar has always allowed.
  if (args.length && !args[0].startsWith('-')) args[0] = '-' + args[0];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-same-permissions' || a === '--no-same-owner') continue;
    if (a.startsWith('--directory=')) o.dir = a.slice(12);
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'c' || f === 'x' || f === 't') o.mode = f;
        else if (f === 'v') o.verbose = true;
        else if (f === 'm' || f === 'p' || f === 'o') continue;
        else if (f === 'f' || f === 'C') {
          const v = j < a.length - 1 ? a.slice(j + 1) : args[++i];
          if (v === undefined) {
            err(`option requires an argument -- '${f}'`);
            return undefined;
          }
          if (f === 'f') o.file = v;
          else o.dir = v;
          break;
        } else {
          err(`invalid option -- '${f}'`);
          return undefined;
        }
      }
    } else o.operands.push(a);
  }
  return o;
}

export const tar: Program = function* (p): Gen<number> {
  const gnu = isGnuUserland(p);
  const say = (m: string) => p.fds.stderr.write(`tar: ${m}\n`);
  const o = parse(p.argv.slice(1), say);
  if (!o) return gnu ? 2 : 1;
  if (!o.mode) {
    say(gnu ? "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information." : 'need -c, -x or -t');
    return 2;
  }
  const base = o.dir ? normalize(o.dir, p.cwd) : p.cwd;
  if (o.dir && p.host.fs.stat(base, true)?.type !== 'dir') {
    if (gnu) say(`${o.dir}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now`);
    else say(`can't change directory to '${o.dir}': No such file or directory`);
    return gnu ? 2 : 1;
  }
  if (o.mode === 'c') return create(p, o, base, gnu, say);
  let archive: string;
  if (!o.file || o.file === '-') archive = yield* readAll(p);
  else {
    try {
      archive = p.host.fs.readFile(normalize(o.file, p.cwd));
    } catch (e) {
      say(gnu ? `${o.file}: Cannot open: ${errText(e)}\ntar: Error is not recoverable: exiting now` : `can't open '${o.file}': ${errText(e)}`);
      return gnu ? 2 : 1;
    }
  }
  const entries = readTar(archive);
  if (!entries) {
    say(gnu ? 'This does not look like a tar archive\ntar: Exiting with failure status due to previous errors' : 'invalid tar magic');
    return gnu ? 2 : 1;
  }
  for (const e of entries) {
    if (o.mode === 't' || o.verbose) out(p, e.name + '\n');
    if (o.mode === 't') continue;
    const path = normalize(e.name, base);
    try {
      if (e.type === 'dir') p.host.fs.mkdir(path, true);
      else {
        p.host.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
        if (e.type === 'file') p.host.fs.writeFile(path, e.data);
      }
    } catch (err) {
      say(gnu ? `${e.name}: Cannot open: ${errText(err)}` : `can't create '${e.name}': ${errText(err)}`);
      return gnu ? 2 : 1;
    }
  }
  return 0;
};

function create(p: Process, o: TarOpts, base: string, gnu: boolean, say: (m: string) => void): number {
  if (!o.operands.length) {
    say(gnu ? 'Cowardly refusing to create an empty archive\nTry \'tar --help\' or \'tar --usage\' for more information.' : 'empty archive');
    return gnu ? 2 : 1;
  }
  const entries: TarEntry[] = [];
  let warned = false;
  let failed = false;
  const walk = (abs: string, name: string) => {
    const st = p.host.fs.stat(abs);
    if (!st) return;
    if (st.type === 'dir') {
      entries.push({ name: name.replace(/\/?$/, '/'), type: 'dir', mode: st.mode, mtime: st.mtime, data: '' });
      for (const n of p.host.fs.readdir(abs).sort()) walk(`${abs === '/' ? '' : abs}/${n}`, `${name.replace(/\/$/, '')}/${n}`);
    } else if (st.type === 'symlink') entries.push({ name, type: 'symlink', mode: st.mode, mtime: st.mtime, data: '', linkname: st.target });
    else entries.push({ name, type: 'file', mode: st.mode, mtime: st.mtime, data: st.data });
  };
  for (const operand of o.operands) {
    const abs = normalize(operand, base);
    let name = operand;
    if (name.startsWith('/')) {
      // GNU tar strips the slash before looking at the file; busybox only for members it writes.
      if (!warned && gnu) say("Removing leading `/' from member names");
      warned ||= gnu;
      name = name.replace(/^\/+/, '') || '.';
    }
    let st;
    try {
      st = p.host.fs.stat(abs);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
    }
    if (!st) {
      say(gnu ? `${operand}: Cannot stat: No such file or directory` : `${operand}: No such file or directory`);
      failed = true;
      continue;
    }
    if (operand.startsWith('/') && !warned) {
      say("removing leading '/' from member names");
      warned = true;
    }
    walk(abs, name);
  }
  const archive = writeTar(entries);
  if (!o.file || o.file === '-') out(p, archive);
  else p.host.fs.writeFile(normalize(o.file, p.cwd), archive);
  if (o.verbose) for (const e of entries) p.fds.stderr.write(e.name + '\n');
  if (failed && gnu) say('Exiting with failure status due to previous errors');
  return failed ? (gnu ? 2 : 1) : 0;
}
