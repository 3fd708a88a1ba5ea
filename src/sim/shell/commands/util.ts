/** Helpers shared by the busybox-style commands. */
import type { Process, Syscall, SyscallResult } from '../../runtime/process';
import { ERRNO_TEXT, FsError, normalize } from '../../runtime/fs';

export type Gen<T> = Generator<Syscall, T, SyscallResult>;

export function out(p: Process, s: string): void {
  p.fds.stdout.write(s);
}

/** busybox applets print `applet: message` on stderr. */
export function fail(p: Process, msg: string): void {
  p.fds.stderr.write(`${appletName(p)}: ${msg}\n`);
}

export function appletName(p: Process): string {
  const a = p.argv[0] ?? '';
  return a.slice(a.lastIndexOf('/') + 1);
}

export function errText(e: unknown): string {
  return e instanceof FsError ? ERRNO_TEXT[e.code] : String(e);
}

export function abs(p: Process, path: string): string {
  return normalize(path, p.cwd);
}

/** Read all of stdin (for filters like cat with no file arguments). */
export function* readAll(p: Process): Gen<string> {
  const pipe = p.fds.stdin;
  if (!pipe) return '';
  let data = '';
  for (;;) {
    const r = yield { op: 'read', pipe };
    if (!r || !('data' in r)) continue;
    if (r.data === null) return data;
    data += r.data;
  }
}

/** busybox's usage banner for a bad invocation. */
export function usage(p: Process, text: string): number {
  p.fds.stderr.write(`BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\n${text}\n`);
  return 1;
}
