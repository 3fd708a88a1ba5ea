/**
 * `kubectl cp SRC DEST [-c CONTAINER]` as kubectl v1.32's cp.go does it: through `tar` in the
 * container, over exec. To a pod: `test -d DEST` (is it a directory?), then the local files as a
 * tar stream into `tar -xmf - -C DIR`. From a pod: `tar cf - PATH`, unpacked into the workstation's
 * files. So a container without tar fails with the runtime's exec error, and tar's own messages
 * (`tar: removing leading '/' from member names`) appear as they do for real.
 */
import type { CmdGen, KubectlCtx, TerminalIO } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import type { Pod } from '../../api/types';
import { Pipe } from '../../runtime/pipe';
import { defaultContainer, findPod } from './common';
import { readTar, writeTar, type TarEntry } from '../../shell/commands/ustar';

const FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'no-preserve', type: 'bool' },
  // Retries resume a copy whose stream broke; the simulated exec stream never breaks, so a copy
  // succeeds or fails the same way with any number of retries.
  { name: 'retries', type: 'int', default: 0 },
];

const USAGE = "error: expected 'cp <file-spec-src> <file-spec-dest> [-c container]'.\nSee 'kubectl cp -h' for help and examples\n";
const SPEC_FORMAT = 'error: filespec must match the canonical format: [[namespace/]pod:]file/path\n';

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

function fileSpec(arg: string): FileSpec | undefined {
  const i = arg.indexOf(':');
  if (i === 0) return undefined;
  if (i < 0) return { file: arg };
  const pieces = arg.slice(0, i).split('/');
  if (pieces.length > 2) return undefined;
  return pieces.length === 2 ? { namespace: pieces[0], pod: pieces[1], file: arg.slice(i + 1) } : { pod: pieces[0], file: arg.slice(i + 1) };
}

export function* cp(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'cp');
  const io = ctx.io;
  if (positional.length !== 2) {
    io.err(USAGE);
    return 1;
  }
  const src = fileSpec(positional[0]);
  const dest = fileSpec(positional[1]);
  if (!src || !dest) {
    io.err(SPEC_FORMAT);
    return 1;
  }
  if (src.pod && dest.pod) return fail(io, 'one of src or dest must be a local file specification');
  if (!src.file || !dest.file) return fail(io, 'filepath can not be empty');
  const ns = (flags.namespace as string | undefined) ?? 'default';
  const container = flags.container as string | undefined;
  if (src.pod) return yield* fromPod(ctx, { ...src, namespace: src.namespace ?? ns }, dest.file, container);
  if (dest.pod) return yield* toPod(ctx, src.file, { ...dest, namespace: dest.namespace ?? ns }, container, !!flags['no-preserve']);
  return fail(io, 'one of src or dest must be a remote file specification');
}

function fail(io: TerminalIO, msg: string): number {
  io.err(`error: ${msg}\n`);
  return 1;
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) || '/' : '');
const baseOf = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? p;

function* toPod(ctx: KubectlCtx, local: string, dest: FileSpec, container: string | undefined, noPreserve: boolean): CmdGen {
  const files = ctx.files;
  if (!files.exists(local)) return fail(ctx.io, `${local} doesn't exist in local filesystem`);
  let destFile = dest.file;
  // Copy into DEST when it is a directory in the container (its messages are discarded).
  const quiet: TerminalIO = { out: () => {}, err: () => {} };
  if ((yield* execIn(ctx, dest, container, ['test', '-d', destFile], undefined, quiet)) === 0) destFile = `${destFile.replace(/\/+$/, '')}/${baseOf(local)}`;
  const entries: TarEntry[] = [];
  const add = (path: string, name: string) => {
    if (files.isDir(path)) {
      const names = files.list(path);
      if (!names.length) entries.push({ name, type: 'dir', mode: 0o755, mtime: ctx.cluster.now(), data: '' });
      for (const n of names) add(`${path.replace(/\/+$/, '')}/${n}`, `${name}/${n}`);
    } else entries.push({ name, type: 'file', mode: 0o644, mtime: ctx.cluster.now(), data: files.read(path) ?? '' });
  };
  add(local, baseOf(destFile));
  const cmd = noPreserve ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  const dir = dirOf(destFile.replace(/\/+$/, ''));
  if (dir) cmd.push('-C', dir);
  const st = yield* execIn(ctx, dest, container, cmd, writeTar(entries), ctx.io);
  return reportExit(ctx.io, st);
}

function* fromPod(ctx: KubectlCtx, src: FileSpec, local: string, container: string | undefined): CmdGen {
  let archive = '';
  // kubectl wires tar's stderr (and its own notes) to stdout for this direction.
  const st = yield* execIn(ctx, src, container, ['tar', 'cf', '-', src.file], undefined, { out: (t) => void (archive += t), err: (t) => ctx.io.out(t) }, ctx.io.out);
  if (st === 'reported') return 1;
  const entries = readTar(archive) ?? [];
  const prefix = src.file.replace(/^\/+/, '').replace(/\/+$/, '').replace(/(^|\/)\.\.\//g, '$1').replace(/^\.\//, '');
  for (const e of entries) {
    if (!e.name.startsWith(prefix)) return fail(ctx.io, 'tar contents corrupted');
    const rest = e.name.slice(prefix.length).replace(/^\/+/, '').replace(/\/+$/, '');
    const target = rest ? `${local.replace(/\/+$/, '')}/${rest}` : local;
    if (e.type === 'dir') {
      mkdirs(ctx, target);
      continue;
    }
    if (e.type === 'symlink') {
      ctx.io.err(`warning: skipping symlink: "${target}" -> "${e.linkname}"\n`);
      continue;
    }
    if (ctx.files.isDir(target)) return fail(ctx.io, `open ${target}: is a directory`);
    mkdirs(ctx, dirOf(target));
    ctx.files.write(target, e.data);
  }
  return reportExit(ctx.io, st);
}

function mkdirs(ctx: KubectlCtx, dir: string): void {
  const mk = (ctx.files as { mkdir?: (p: string) => void }).mkdir;
  if (dir && mk) mk.call(ctx.files, dir);
}

/** A command's non-zero exit is kubectl's `command terminated with exit code N` (and its exit code). */
function reportExit(io: TerminalIO, st: number | string): number {
  if (typeof st === 'string') return 1;
  if (st !== 0) io.err(`command terminated with exit code ${st}\n`);
  return st;
}

/**
 * Run a command in the pod's container as `kubectl exec` would (the same errors), feeding
 * `stdin`; its exit status, or 'reported' when kubectl already printed why it could not run.
 */
function* execIn(ctx: KubectlCtx, spec: FileSpec, container: string | undefined, cmd: string[], stdin: string | undefined, io: TerminalIO, notes: (s: string) => void = (s) => ctx.io.err(s)): Generator<import('../context').Wait, number | 'reported', void> {
  // The `test -d` probe's own errors are swallowed, as kubectl gives it a buffer for stderr.
  const kerr = cmd[0] === 'test' ? () => {} : (s: string) => ctx.io.err(s);
  const pod = findPod({ cluster: ctx.cluster, io: { err: kerr } }, spec.namespace ?? 'default', spec.pod!) as Pod | undefined;
  if (!pod) return 'reported';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    kerr(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
    return 'reported';
  }
  const name = container ?? defaultContainer(pod, cmd[0] === 'test' ? () => {} : notes);
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name);
  if (!all.includes(name)) {
    kerr(`error: container ${name} not found in pod ${spec.pod}\n`);
    return 'reported';
  }
  const ids = ctx.cluster.kubelet.containerLogIds(pod, name);
  const id = ids[ids.length - 1];
  let pipe: Pipe | undefined;
  if (stdin !== undefined) {
    pipe = new Pipe();
    pipe.write(stdin);
    pipe.close();
  }
  const runtime = ctx.cluster.kubelet.runtime;
  const r = id ? runtime.execStream(id, cmd, { stdin: pipe, stdout: { write: (t) => io.out(t) }, stderr: { write: (t) => io.err(t) } }) : { error: '', notRunning: true };
  if ('error' in r) {
    if (cmd[0] === 'test') return 1;
    if (r.notRunning) ctx.io.err(`error: Internal error occurred: unable to upgrade connection: container not found ("${name}")\n`);
    else ctx.io.err(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${ctx.cluster.prng.hex(64)}": ${r.error}\n`);
    return 'reported';
  }
  const proc = r.process;
  try {
    yield { op: 'until', done: () => !proc.alive };
  } finally {
    if (proc.alive) runtime.kernel.kill(proc, 9, true);
  }
  const st = proc.exitStatus!;
  return st.signal ? 128 + st.signal : st.code;
}
