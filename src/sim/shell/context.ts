/**
 * A shell's state: variables (with export marks), positional parameters, functions, options,
 * traps, background jobs and $?. A subshell or pipeline stage gets a copy (it runs in a child
 * process, so its changes never reach the parent — just like fork).
 */
import type { List } from './ast';
import type { Process, Syscall, SyscallResult } from '../runtime/process';

type Gen<T> = Generator<Syscall, T, SyscallResult>;

export class ShellError extends Error {
  constructor(message: string, public readonly status: number) {
    super(message);
  }
}

/** `exit N` unwinds the interpreter to the top. */
export class ExitUnwind {
  constructor(public readonly status: number) {}
}
/** SIGINT reached an interactive shell during a command: the rest of the line is abandoned (ash's EXINT). */
export class InterruptUnwind {}
export class BreakUnwind {
  constructor(public levels: number, public readonly isContinue: boolean) {}
}
export class ReturnUnwind {
  constructor(public readonly status: number) {}
}

export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
}

export abstract class ShellCtx {
  vars = new Map<string, string>();
  exported = new Set<string>();
  positional: string[] = [];
  arg0 = 'sh';
  funcs = new Map<string, import('./ast').Command>();
  status = 0;
  opts: ShellOptions = { errexit: false, xtrace: false, nounset: false };
  /** signal number → trap command text ('' = ignore); 0 is EXIT. */
  traps = new Map<number, string>();
  lastBgPid?: number;
  /** How the shell names itself in messages: `sh` for -c, the script path for scripts. */
  errorPrefix = 'sh';
  lineno = 0;
  /** Reading commands from a terminal (`sh` on a tty): SIGINT abandons the line instead of ending the shell. */
  interactive = false;
  /** One frame per running function call: the outer values of its `local` variables. */
  localFrames: Array<Map<string, string | undefined>> = [];
  /** Loops being run (in the current function): bash's `break` outside one is an error. */
  loopDepth = 0;

  constructor(public readonly proc: Process) {}

  getVar(name: string): string | undefined {
    return this.vars.get(name);
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, value);
    if (this.exported.has(name)) this.proc.env.set(name, value);
  }

  unsetVar(name: string): void {
    this.vars.delete(name);
    this.exported.delete(name);
    this.proc.env.delete(name);
  }

  exportVar(name: string, value?: string): void {
    if (value !== undefined) this.vars.set(name, value);
    this.exported.add(name);
  }

  /** The environment a child command receives: exported variables. */
  childEnv(extra?: Map<string, string>): Map<string, string> {
    const env = new Map<string, string>();
    for (const n of this.exported) {
      const v = this.vars.get(n);
      if (v !== undefined) env.set(n, v);
    }
    if (extra) for (const [k, v] of extra) env.set(k, v);
    return env;
  }

  getSpecial(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '#':
        return String(this.positional.length);
      case '$':
        return String(this.shellPid());
      case '!':
        return this.lastBgPid === undefined ? '' : String(this.lastBgPid);
      case '0':
        return this.arg0;
      case '-':
        return (this.opts.errexit ? 'e' : '') + (this.opts.nounset ? 'u' : '') + (this.opts.xtrace ? 'x' : '');
    }
    if (/^\d+$/.test(name)) return this.positional[Number(name) - 1];
    if (name === 'LINENO') return String(this.lineno);
    return this.vars.get(name);
  }

  /** $$ is the top-level shell's pid even inside subshells. */
  abstract shellPid(): number;
  abstract commandSubstitution(body: List): Gen<string>;

  copyInto(child: ShellCtx): void {
    child.vars = new Map(this.vars);
    child.exported = new Set(this.exported);
    child.positional = [...this.positional];
    child.arg0 = this.arg0;
    child.funcs = new Map(this.funcs);
    child.status = this.status;
    child.opts = { ...this.opts };
    // Traps are reset in subshells, except ignored signals stay ignored (POSIX).
    for (const [sig, cmd] of this.traps) if (cmd === '') child.traps.set(sig, '');
    child.errorPrefix = this.errorPrefix;
    child.loopDepth = this.loopDepth;
    child.localFrames = this.localFrames.map(() => new Map());
  }
}
