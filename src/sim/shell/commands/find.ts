/**
 * busybox find: paths, then an expression of tests and actions joined by implicit -a, -o, !, ( ).
 * Tests: -name -iname -path -ipath -type -empty -maxdepth -mindepth -newer -size; actions: -print
 * -print0 -exec CMD {} ; / + -delete -quit. Without an action, -print is implied.
 */
import type { Process, Program } from '../../runtime/process';
import type { FsNode } from '../../runtime/fs';
import type { ShellHooks } from '../interpreter';
import { abs, fail, out, showUsage, type Gen } from './util';
import { globMatch } from '../pattern';

type Expr =
  | { t: 'and' | 'or'; a: Expr; b: Expr }
  | { t: 'not'; e: Expr }
  | { t: 'test'; fn: (e: Entry) => boolean }
  | { t: 'exec'; argv: string[]; plus: boolean }
  | { t: 'print'; end: string }
  | { t: 'delete' }
  | { t: 'quit' };

interface Entry {
  path: string;
  node: FsNode;
  depth: number;
  full: string;
}

class Quit {}

export const find: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1);
  let i = 0;
  while (i < args.length && (args[i] === '-L' || args[i] === '-H' || args[i] === '-follow')) i++;
  const paths: string[] = [];
  while (i < args.length && !/^[-!(]/.test(args[i])) paths.push(args[i++]);
  // Unlike expression terms, a lone `-` or an odd path still counts as a path only before them.
  if (!paths.length) paths.push('.');
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  const toks = args.slice(i);
  let k = 0;
  let err: string | undefined;

  const need = (opt: string): string | undefined => {
    const v = toks[++k];
    if (v === undefined) err = `${opt}: requires an argument`;
    return v;
  };
  const primary = (): Expr | undefined => {
    const a = toks[k];
    switch (a) {
      case '(': {
        k++;
        const e = orExpr();
        if (toks[k] !== ')') {
          err = 'unrecognized: ('; // busybox reports the unbalanced group this way
          return undefined;
        }
        k++;
        return e;
      }
      case '!':
      case '-not': {
        k++;
        const e = primary();
        return e && { t: 'not', e };
      }
      case '-name':
      case '-iname': {
        const pat = need(a);
        k++;
        if (pat === undefined) return undefined;
        const ci = a === '-iname';
        return { t: 'test', fn: (e) => globMatch(ci ? pat.toLowerCase() : pat, ci ? baseName(e.path).toLowerCase() : baseName(e.path)) };
      }
      case '-path':
      case '-ipath':
      case '-wholename': {
        const pat = need(a);
        k++;
        if (pat === undefined) return undefined;
        const ci = a === '-ipath';
        return { t: 'test', fn: (e) => globMatch(ci ? pat.toLowerCase() : pat, ci ? e.path.toLowerCase() : e.path) };
      }
      case '-type': {
        const ty = need(a);
        k++;
        if (ty === undefined) return undefined;
        const want = { f: 'file', d: 'dir', l: 'symlink' }[ty];
        if (!want && !'bcsp'.includes(ty)) {
          err = `bad arg '${ty}'`;
          return undefined;
        }
        return { t: 'test', fn: (e) => e.node.type === want };
      }
      case '-empty':
        k++;
        return { t: 'test', fn: (e) => (e.node.type === 'dir' ? e.node.children.size === 0 : e.node.type === 'file' && e.node.data === '') };
      case '-maxdepth':
      case '-mindepth': {
        const v = need(a);
        k++;
        if (v === undefined) return undefined;
        if (!/^\d+$/.test(v)) {
          err = `invalid number '${v}'`;
          return undefined;
        }
        if (a === '-maxdepth') maxDepth = Number(v);
        else minDepth = Number(v);
        return { t: 'test', fn: () => true };
      }
      case '-newer': {
        const ref = need(a);
        k++;
        if (ref === undefined) return undefined;
        const rn = p.host.fs.stat(abs(p, ref));
        if (!rn) {
          err = `${ref}: No such file or directory`;
          return undefined;
        }
        return { t: 'test', fn: (e) => e.node.mtime > rn.mtime };
      }
      case '-size': {
        const v = need(a);
        k++;
        if (v === undefined) return undefined;
        const m = v.match(/^([-+]?)(\d+)([ckMG]?)$/);
        if (!m) {
          err = `invalid number '${v}'`;
          return undefined;
        }
        const unit = { '': 512, c: 1, k: 1024, M: 1048576, G: 1073741824 }[m[3]]!;
        const n = Number(m[2]);
        return {
          t: 'test',
          fn: (e) => {
            const size = Math.ceil((e.node.type === 'file' ? e.node.data.length : 4096) / unit);
            return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
          },
        };
      }
      case '-print':
      case '-print0':
        k++;
        hasAction = true;
        return { t: 'print', end: a === '-print' ? '\n' : '\0' };
      case '-delete':
        k++;
        hasAction = true;
        return { t: 'delete' };
      case '-quit':
        k++;
        return { t: 'quit' };
      case '-exec': {
        const argv: string[] = [];
        k++;
        while (k < toks.length && toks[k] !== ';' && !(toks[k] === '+' && argv.at(-1) === '{}')) argv.push(toks[k++]);
        if (k >= toks.length || !argv.length) {
          err = '-exec CMD must end by \';\' or \'+\'';
          return undefined;
        }
        const plus = toks[k] === '+';
        k++;
        hasAction = true;
        return { t: 'exec', argv, plus };
      }
      case '-xdev':
      case '-depth':
      case '-follow':
        k++;
        return { t: 'test', fn: () => true };
      default:
        err = `unrecognized: ${a}`;
        return undefined;
    }
  };
  const andExpr = (): Expr | undefined => {
    let e = primary();
    while (e && k < toks.length && toks[k] !== '-o' && toks[k] !== '-or' && toks[k] !== ')') {
      if (toks[k] === '-a' || toks[k] === '-and') k++;
      const b = primary();
      if (!b) return undefined;
      e = { t: 'and', a: e, b };
    }
    return e;
  };
  const orExpr = (): Expr | undefined => {
    let e = andExpr();
    while (e && (toks[k] === '-o' || toks[k] === '-or')) {
      k++;
      const b = andExpr();
      if (!b) return undefined;
      e = { t: 'or', a: e, b };
    }
    return e;
  };
  let expr: Expr | undefined = toks.length ? orExpr() : { t: 'test', fn: () => true };
  if (!err && k < toks.length) err = `unrecognized: ${toks[k]}`;
  if (err || !expr) {
    fail(p, err ?? 'bad expression');
    if (err?.startsWith('unrecognized')) return showUsage(p);
    return 1;
  }
  if (!hasAction) expr = { t: 'and', a: expr, b: { t: 'print', end: '\n' } };

  let status = 0;
  const pending: Array<{ argv: string[]; files: string[] }> = [];
  const toDelete: Entry[] = [];

  function* evalE(e: Expr, en: Entry): Gen<boolean> {
    switch (e.t) {
      case 'and':
        return (yield* evalE(e.a, en)) && (yield* evalE(e.b, en));
      case 'or':
        return (yield* evalE(e.a, en)) || (yield* evalE(e.b, en));
      case 'not':
        return !(yield* evalE(e.e, en));
      case 'test':
        return e.fn(en);
      case 'print':
        out(p, en.path + e.end);
        return true;
      case 'delete':
        toDelete.push(en);
        return true;
      case 'quit':
        throw new Quit();
      case 'exec': {
        if (e.plus) {
          let batch = pending.find((b) => b.argv === e.argv);
          if (!batch) pending.push((batch = { argv: e.argv, files: [] }));
          batch.files.push(en.path);
          return true;
        }
        const code = yield* run(p, e.argv.map((a) => a.replaceAll('{}', en.path)));
        return code === 0;
      }
    }
  }

  function* visit(en: Entry): Gen<void> {
    if (en.depth >= minDepth && en.depth <= maxDepth) yield* evalE(expr!, en);
    if (en.node.type !== 'dir' || en.depth >= maxDepth) return;
    for (const name of p.host.fs.readdir(en.full)) {
      const full = en.full === '/' ? `/${name}` : `${en.full}/${name}`;
      const node = p.host.fs.stat(full);
      if (!node) continue;
      yield* visit({ path: en.path.endsWith('/') ? en.path + name : `${en.path}/${name}`, node, depth: en.depth + 1, full });
    }
  }

  try {
    for (const path of paths) {
      const full = abs(p, path);
      const node = p.host.fs.stat(full);
      if (!node) {
        fail(p, `${path}: No such file or directory`);
        status = 1;
        continue;
      }
      yield* visit({ path, node, depth: 0, full });
    }
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
  }
  for (const b of pending) {
    const at = b.argv.indexOf('{}');
    const code = yield* run(p, [...b.argv.slice(0, at), ...b.files, ...b.argv.slice(at + 1)]);
    if (code !== 0) status = 1;
  }
  // -delete works depth first: children before their directory.
  for (const en of toDelete.reverse()) {
    try {
      if (en.node.type === 'dir' && en.node.children.size) continue;
      p.host.fs.unlink(en.full, true);
    } catch {
      fail(p, `${en.path}: Read-only file system`);
      status = 1;
    }
  }
  return status;
};

function baseName(path: string): string {
  const s = path.replace(/\/+$/, '');
  return s === '' ? '/' : s.slice(s.lastIndexOf('/') + 1);
}

/** Run a program found in PATH as a child and wait for it (find -exec, xargs). */
export function* run(p: Process, argv: string[]): Gen<number> {
  const found = p.host.resolveProgram(argv[0], p.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  if (!found) {
    fail(p, `${argv[0]}: No such file or directory`);
    return 127;
  }
  const hooks = p.host.services.shellHooks as ShellHooks;
  // Forwarders without close(): the kernel closes a process's stdout when it exits, and ours must
  // stay open for the next child (and for us).
  const stdout = { write: (t: string) => p.fds.stdout.write(t) };
  const stderr = { write: (t: string) => p.fds.stderr.write(t) };
  const child = hooks.spawn(p, argv, new Map(p.env), { stdin: p.fds.stdin, stdout, stderr }, found.program);
  for (;;) {
    const r = yield { op: 'wait', pid: child.pid };
    if (r && 'exited' in r) return r.status.signal ? 128 + r.status.signal : r.status.code;
  }
}
