/**
 * bash's view of commands on the workstation: `type`, `command -v`, `export`/`unset` with the
 * exported set that children see, GNU `env`, and what happens when a name is no command at all
 * (Ubuntu's command-not-found hint for a package that would provide it, else bash's line).
 */
import type { TerminalIO } from '../kubectl/context';
import type { ContainerFs } from '../runtime/containerfs';
import { lookPath } from './programs';

export interface CommandsHost {
  readonly env: Map<string, string>;
  readonly exported: Set<string>;
  readonly aliases: Map<string, string>;
  /** Commands bash has found in PATH before (`type` says "hashed"). */
  readonly hashed: Map<string, string>;
  readonly files: { cwd: string; fs: ContainerFs };
}

/** bash 5.2's builtins (`enable -a`); the ones the workstation runs itself are a subset. */
export const BASH_BUILTINS = new Set(
  ('. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait').split(' '),
);
const KEYWORDS = new Set('! [[ ]] case coproc do done elif else esac fi for function if in select then time until while { }'.split(' '));

/** The environment a child process receives: exported variables, PWD, and the command's own `VAR=x` prefixes. */
export function childEnv(ws: CommandsHost, prefix?: Map<string, string>): Map<string, string> {
  const env = new Map<string, string>();
  for (const n of ws.exported) {
    const v = n === 'PWD' ? ws.files.cwd : ws.env.get(n);
    if (v !== undefined) env.set(n, v);
  }
  if (prefix) for (const [k, v] of prefix) env.set(k, v);
  return env;
}

export function findInPath(ws: CommandsHost, name: string, env = ws.env): string | undefined {
  return lookPath(ws.files.fs, name, env.get('PATH') ?? '', ws.files.cwd);
}

/** `type [-t] NAME…` */
export function typeBuiltin(ws: CommandsHost, args: string[], io: TerminalIO): number {
  const terse = args.includes('-t');
  const names = args.filter((a) => !/^-[tpaPf]+$/.test(a));
  let status = 0;
  for (const n of names) {
    const alias = ws.aliases.get(n);
    const path = ws.hashed.get(n) ?? findInPath(ws, n);
    if (alias !== undefined) io.out(terse ? 'alias\n' : `${n} is aliased to \`${alias}'\n`);
    else if (KEYWORDS.has(n)) io.out(terse ? 'keyword\n' : `${n} is a shell keyword\n`);
    else if (BASH_BUILTINS.has(n)) io.out(terse ? 'builtin\n' : `${n} is a shell builtin\n`);
    else if (path) io.out(terse ? 'file\n' : ws.hashed.has(n) ? `${n} is hashed (${path})\n` : `${n} is ${path}\n`);
    else {
      if (!terse) io.err(`bash: type: ${n}: not found\n`);
      status = 1;
    }
  }
  return status;
}

/** `command -v|-V NAME…`; running `command NAME ARGS` is the workstation's (it skips aliases). */
export function commandQuery(ws: CommandsHost, verbose: boolean, names: string[], io: TerminalIO): number {
  let status = 0;
  for (const n of names) {
    const alias = ws.aliases.get(n);
    const path = ws.hashed.get(n) ?? findInPath(ws, n);
    if (alias !== undefined) io.out(verbose ? `${n} is aliased to \`${alias}'\n` : `alias ${n}='${alias}'\n`);
    else if (BASH_BUILTINS.has(n) || KEYWORDS.has(n)) io.out(verbose ? `${n} is a shell ${KEYWORDS.has(n) ? 'keyword' : 'builtin'}\n` : `${n}\n`);
    else if (path) io.out(verbose ? `${n} is ${path}\n` : `${path}\n`);
    else {
      if (verbose) io.err(`bash: command: ${n}: not found\n`);
      status = 1;
    }
  }
  return status;
}

/** `export [-p] [-n] [NAME[=VALUE]]…` */
export function exportBuiltin(ws: CommandsHost, args: string[], io: TerminalIO): number {
  const unexport = args.includes('-n');
  const names = args.filter((a) => a !== '-p' && a !== '-n');
  if (!names.length) {
    for (const n of [...ws.exported].sort()) {
      const v = n === 'PWD' ? ws.files.cwd : ws.env.get(n);
      io.out(v === undefined ? `declare -x ${n}\n` : `declare -x ${n}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of names) {
    const i = a.indexOf('=');
    const name = i > 0 ? a.slice(0, i) : a;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      io.err(`bash: export: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (i > 0) ws.env.set(name, a.slice(i + 1));
    if (unexport) ws.exported.delete(name);
    else ws.exported.add(name);
  }
  return status;
}

export function unsetBuiltin(ws: CommandsHost, args: string[], io: TerminalIO): number {
  let status = 0;
  for (const n of args.filter((a) => a !== '-v')) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) {
      io.err(`bash: unset: \`${n}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    ws.env.delete(n);
    ws.exported.delete(n);
  }
  return status;
}

/**
 * GNU env's options: -i (empty environment), -u NAME, NAME=VALUE…, then an optional command.
 * Returns the environment and the command's argv, or an exit status after an error.
 */
export function parseEnvArgs(base: Map<string, string>, args: string[], io: TerminalIO): { env: Map<string, string>; argv: string[] } | number {
  let env = new Map(base);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-i' || a === '-' || a === '--ignore-environment') env = new Map();
    else if (a === '-u' || a === '--unset') {
      if (args[i + 1] === undefined) {
        io.err("env: option requires an argument -- 'u'\nTry 'env --help' for more information.\n");
        return 125;
      }
      env.delete(args[++i]);
    } else if (a.startsWith('-u')) env.delete(a.slice(2));
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a.length > 1) {
      io.err(`env: invalid option -- '${a[1]}'\nTry 'env --help' for more information.\n`);
      return 125;
    } else break;
  }
  for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    env.set(args[i].slice(0, eq), args[i].slice(eq + 1));
  }
  return { env, argv: args.slice(i) };
}

/**
 * Ubuntu's command_not_found_handle: packages that provide the name get an install hint (text as
 * /usr/lib/command-not-found prints it for a sudoer on 24.04), anything else bash's plain line.
 */
export function commandNotFound(name: string, io: TerminalIO, script?: string): number {
  if (script) {
    // `bash -c` does not read /etc/bash.bashrc, so there is no handler: bash's own message.
    io.err(`${script}: line 1: ${name}: command not found\n`);
    return 127;
  }
  const hint = INSTALL_HINTS[name];
  io.err(hint ?? `${name}: command not found\n`);
  return 127;
}

const INSTALL_HINTS: Record<string, string> = {
  jq: "\nCommand 'jq' not found, but can be installed with:\n\nsudo snap install jq  # version 1.5+dfsg-1, or\nsudo apt  install jq  # version 1.7.1-3ubuntu0.24.04.1\n\nSee 'snap info jq' for additional versions.\n\n",
};
