/**
 * The shell read–eval loop on a terminal (`kubectl exec -it POD -- sh`): print the prompt, read a
 * line, run it, again — until `exit` or Ctrl+D. The three shells images ship differ in what a
 * learner sees, so each is reproduced:
 *
 * - busybox ash (busybox, alpine): PS1 `\w \$ ` → `/ # `, `~ # ` in root's home; Ctrl+D prints a
 *   newline and exits.
 * - dash (`sh` on Debian-family images): PS1 `# ` (`$ ` when not root), no prompt escapes.
 * - bash (Debian-family): reads /etc/bash.bashrc and ~/.bashrc, whose PS1
 *   `${debian_chroot:+($debian_chroot)}\u@\h:\w\$ ` gives `root@POD:/# `; `exit` and Ctrl+D
 *   print `exit`.
 *
 * Ctrl+C at the prompt discards the line (the terminal echoes `^C`, the shell starts a new line);
 * during a command, SIGINT ends the foreground command and the rest of the line (ash's EXINT).
 */
import type { Shell, IO } from './interpreter';
import { Parser, ShellSyntaxError } from './parser';
import type { List } from './ast';
import { BreakUnwind, ExitUnwind, InterruptUnwind, ReturnUnwind, ShellError } from './context';
import { normalize } from '../runtime/fs';
import type { Syscall, SyscallResult } from '../runtime/process';

type Gen<T> = Generator<Syscall, T, SyscallResult>;

export type ShellFlavor = 'ash' | 'dash' | 'bash';

const SIGINT = 2;
const BASH_VERSION = '5.2';

/**
 * `onTerminal` false: commands typed through `kubectl exec -i` without a tty — no prompts, no
 * signal handling, but still one command at a time as its lines arrive.
 */
export function* interactiveLoop(shell: Shell, io: IO, flavor: ShellFlavor, onTerminal = true): Gen<number> {
  const p = shell.proc;
  if (!onTerminal) return yield* lineByLine(shell, io);
  shell.interactive = true;
  // An interactive shell survives the signals a terminal user sends it (ash, dash and bash alike).
  p.dispositions.set(SIGINT, 'catch');
  p.dispositions.set(15, 'ignore');
  p.dispositions.set(3, 'ignore');
  if (!shell.vars.has('PS1')) shell.vars.set('PS1', flavor === 'ash' ? '\\w \\$ ' : flavor === 'bash' ? '\\s-\\v\\$ ' : p.user === 'root' ? '# ' : '$ ');
  if (!shell.vars.has('PS2')) shell.vars.set('PS2', '> ');
  if (flavor === 'bash') {
    for (const rc of ['/etc/bash.bashrc', `${homeOf(shell)}/.bashrc`]) yield* sourceIfPresent(shell, io, rc);
  }
  const lines: string[] = [];
  let lineno = 0;
  for (;;) {
    const prompt = lines.length ? shell.vars.get('PS2') ?? '> ' : expandPrompt(shell, flavor);
    io.stderr.write(prompt);
    // ash's lineedit and bash's readline redraw the prompt on SIGWINCH while they wait (dash has no editor).
    const unwatch = flavor !== 'dash' && p.tty?.isTerminal(p, 0) ? p.tty.onResize(() => io.stderr.write('\r' + prompt)) : undefined;
    let r: SyscallResult;
    try {
      r = yield { op: 'read', pipe: io.stdin!, line: true };
    } finally {
      unwatch?.();
    }
    if (r && 'interrupted' in r) {
      // Ctrl+C at the prompt: the typed line is gone; a fresh prompt on a new line.
      dropSignal(shell, SIGINT);
      io.stderr.write('\n');
      lines.length = 0;
      shell.status = 128 + SIGINT;
      continue;
    }
    if (!r || !('data' in r) || r.data === null) {
      if (lines.length) {
        shell.err(io, 'syntax error: unexpected end of file');
        return 2;
      }
      io.stderr.write(flavor === 'bash' ? 'exit\n' : '\n');
      return shell.status;
    }
    lines.push(r.data);
    lineno++;
    const src = lines.join('\n');
    let list: List;
    try {
      list = Parser.parse(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      if (/unexpected end of file|unterminated quoted string/.test(e.message)) continue;
      shell.err(io, flavor === 'dash' ? `${lineno}: ${e.message}` : e.message);
      shell.status = 2;
      lines.length = 0;
      continue;
    }
    if (awaitsMore(src)) continue;
    lines.length = 0;
    try {
      shell.status = yield* shell.runList(list, flavor === 'dash' ? dashErrors(io, lineno) : io);
    } catch (e) {
      if (e instanceof ExitUnwind) {
        if (flavor === 'bash') io.stderr.write('exit\n');
        return e.status;
      }
      if (e instanceof InterruptUnwind) {
        io.stderr.write('\n');
        shell.status = 128 + SIGINT;
      } else if (e instanceof ShellError) {
        shell.err(io, e.message);
        shell.status = e.status;
      } else if (!(e instanceof BreakUnwind || e instanceof ReturnUnwind)) throw e;
    }
    // What is still running now was started with `&`: later Ctrl+C presses do not reach it.
    if (p.tty) for (const c of p.children) if (c.alive) p.tty.background.add(c);
  }
}

function* lineByLine(shell: Shell, io: IO): Gen<number> {
  const lines: string[] = [];
  for (;;) {
    const r = yield { op: 'read', pipe: io.stdin!, line: true };
    if (!r || !('data' in r)) continue;
    if (r.data === null) {
      if (lines.length) return yield* shell.runScript(lines.join('\n'), io);
      return shell.status;
    }
    lines.push(r.data);
    const src = lines.join('\n');
    try {
      Parser.parse(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError && /unexpected end of file|unterminated quoted string/.test(e.message)) continue;
    }
    if (awaitsMore(src)) continue;
    lines.length = 0;
    try {
      shell.status = yield* shell.runScriptNested(src, io);
    } catch (e) {
      if (e instanceof ExitUnwind) return e.status;
      if (e instanceof ShellError) {
        shell.err(io, e.message);
        return e.status;
      }
      if (!(e instanceof BreakUnwind || e instanceof ReturnUnwind)) throw e;
    }
  }
}

/** dash names the input line in its messages: `sh: 3: foo: not found`. */
function dashErrors(io: IO, lineno: number): IO {
  const inner = io.stderr;
  return { ...io, stderr: { write: (t) => inner.write(t.replace(/^sh: /gm, `sh: ${lineno}: `)), close: () => inner.close?.(), addWriter: () => inner.addWriter?.() } };
}

/** Here-documents whose delimiter line has not been typed yet, or a trailing backslash. */
function awaitsMore(src: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(src)) return true;
  const lines = src.split('\n');
  const open: Array<{ word: string; strip: boolean }> = [];
  for (const line of lines) {
    if (open.length) {
      if ((open[0].strip ? line.replace(/^\t+/, '') : line) === open[0].word) open.shift();
      continue;
    }
    for (const m of line.matchAll(/<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z_0-9]+))/g)) open.push({ word: m[2] ?? m[3] ?? m[4], strip: m[1] === '-' });
  }
  return open.length > 0;
}

function dropSignal(shell: Shell, sig: number): void {
  const pending = shell.proc.pendingSignals;
  for (let i = pending.length - 1; i >= 0; i--) if (pending[i] === sig) pending.splice(i, 1);
}

/** The user's home: $HOME, else /etc/passwd's entry (what login would have set). */
export function homeOf(shell: Shell): string {
  const h = shell.vars.get('HOME');
  if (h) return h;
  try {
    const passwd = shell.proc.host.fs.readFile('/etc/passwd');
    const entry = passwd.split('\n').find((l) => l.split(':')[0] === shell.proc.user);
    if (entry) return entry.split(':')[5] || '/';
  } catch {
    /* no passwd: fall through */
  }
  return '/';
}

function* sourceIfPresent(shell: Shell, io: IO, path: string): Gen<void> {
  let src: string;
  try {
    src = shell.proc.host.fs.readFile(normalize(path, '/'));
  } catch {
    return;
  }
  try {
    yield* shell.runScriptNested(src, io);
  } catch (e) {
    // `return` ends a sourced file early; anything else the file does wrong is reported as bash would.
    if (e instanceof ShellError) shell.err(io, e.message);
    else if (!(e instanceof ReturnUnwind)) throw e;
  }
}

/** PS1 as the shell shows it: backslash escapes (ash, bash), then `$VAR` expansion (bash). */
export function expandPrompt(shell: Shell, flavor: ShellFlavor): string {
  const ps1 = shell.vars.get('PS1') ?? '';
  if (flavor === 'dash') return ps1;
  const p = shell.proc;
  const home = homeOf(shell);
  const cwd = p.cwd;
  const w = cwd === home ? '~' : home !== '/' && cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd;
  let out = ps1.replace(/\\([uhHwW$sv\\n\[\]])/g, (_m, c: string) => {
    switch (c) {
      case 'u':
        return p.user;
      case 'h':
        return p.host.hostname.split('.')[0];
      case 'H':
        return p.host.hostname;
      case 'w':
        return w;
      case 'W':
        return cwd === home ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1);
      case '$':
        return p.user === 'root' ? '#' : '$';
      case 's':
        return flavor;
      case 'v':
        return BASH_VERSION;
      case 'n':
        return '\n';
      case '\\':
        return '\\';
      default:
        return ''; // \[ \] mark non-printing sequences
    }
  });
  if (flavor === 'bash') {
    out = out
      .replace(/\$\{(\w+):\+([^}]*)\}/g, (_m, n: string, alt: string) => (shell.vars.get(n) ? alt.replace(/\$(\w+)/g, (_x, v: string) => shell.vars.get(v) ?? '') : ''))
      .replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string | undefined, b: string | undefined) => shell.vars.get((a ?? b)!) ?? '');
  }
  return out;
}
