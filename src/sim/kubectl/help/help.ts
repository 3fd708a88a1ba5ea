/**
 * kubectl's help surface, answered before any verb runs (the way cobra does it): `kubectl`,
 * `kubectl --help`, `kubectl help [CMD…]`, `kubectl CMD… --help|-h`, command groups run without a
 * subcommand (`kubectl config` prints its help on stderr and exits 1), and global flags written
 * before the verb (`kubectl -n kube-system get pods`).
 *
 * The texts are kubectl v1.32's own, captured by scripts/kubectl-reference/capture-help.mjs. The
 * flags each command accepts are read back out of its help text, so `kubectl get --foo --help`
 * fails with pflag's message exactly as kubectl does (flags are parsed before help is honoured).
 */
import { COMMAND_TREE, HELP_TEXTS, OPTIONS_TEXT, ROOT_USAGE } from './help-texts.generated';

export interface HelpAnswer {
  out?: string;
  err?: string;
  code: number;
}

interface FlagInfo {
  name: string;
  /** Consumes a value (`--output yaml`); bool flags and flags with a no-option default do not. */
  takesValue: boolean;
}

/** Flags whose value is optional in kubectl (pflag NoOptDefVal): `--dry-run` alone means "unchanged". */
const OPTIONAL_VALUE = new Set(['dry-run', 'validate', 'cascade']);

/** Commands that only group subcommands: run bare, they print their help on stderr and exit 1. */
const GROUPS_WITHOUT_RUN = new Set(['config', 'set', 'top', 'create secret', 'create service']);

const tableCache = new Map<string, Map<string, FlagInfo>>();

/** "--name" and "-n" → flag, from the Options section of the command's help plus `kubectl options`. */
function flagTable(path: string): Map<string, FlagInfo> {
  let table = tableCache.get(path);
  if (table) return table;
  table = new Map();
  const add = (text: string) => {
    for (const m of text.matchAll(/^ {4}(?:-(\S), )?--([^=\s]+)=(.*):$/gm)) {
      const [, short, name, def] = m;
      const info = { name, takesValue: def !== 'true' && def !== 'false' && !OPTIONAL_VALUE.has(name) };
      table.set(`--${name}`, info);
      if (short) table.set(`-${short}`, info);
    }
  };
  add(OPTIONS_TEXT);
  if (path) add(HELP_TEXTS[path] ?? '');
  const help = { name: 'help', takesValue: false };
  table.set('--help', help);
  table.set('-h', help);
  tableCache.set(path, table);
  return table;
}

/** True when kubectl has captured help for this command path. */
export function hasHelp(path: string): boolean {
  return path in HELP_TEXTS;
}

/** The help text of a command path ('' = root), exactly as kubectl prints it. */
export function helpText(path: string): string {
  return HELP_TEXTS[path];
}

/** The subcommand of `path` named (or aliased) `word`, or undefined. */
function subcommand(path: string, word: string): string | undefined {
  for (const sub of COMMAND_TREE[path]?.subcommands ?? []) {
    const full = path ? `${path} ${sub}` : sub;
    if (sub === word || COMMAND_TREE[full]?.aliases.includes(word)) return full;
  }
  return undefined;
}

interface Scan {
  help: boolean;
  positional: string[];
  error?: string;
}

/**
 * pflag's walk over args with a command's flag table: which args are positional, whether
 * `--help`/`-h` was given (and true), and the first flag error in pflag's words.
 */
function scanFlags(args: string[], path: string): Scan {
  const table = flagTable(path);
  const positional: string[] = [];
  let help = false;
  const usage = `See 'kubectl${path ? ' ' + path : ''} --help' for usage.`;
  const fail = (msg: string): Scan => ({ help, positional, error: `Error: ${msg}\n${usage}\n` });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const f = table.get(`--${name}`);
      if (!f) return fail(`unknown flag: --${name}`);
      let value: string | undefined = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (value === undefined && f.takesValue) {
        if (i + 1 >= args.length) return fail(`flag needs an argument: --${name}`);
        value = args[++i];
      }
      if (f.name === 'help') help = isTrue(value ?? 'true');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const f = table.get(`-${c}`);
        if (!f) return fail(`unknown shorthand flag: '${c}' in ${a}`);
        if (a[j + 1] === '=') {
          if (f.name === 'help') help = isTrue(a.slice(j + 2));
          break;
        }
        if (f.takesValue) {
          if (j + 1 === a.length && i + 1 >= args.length) return fail(`flag needs an argument: '${c}' in -${c}`);
          if (j + 1 === a.length) i++;
          break;
        }
        if (f.name === 'help') help = true;
      }
      continue;
    }
    positional.push(a);
  }
  return { help, positional };
}

function isTrue(v: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
}

/**
 * Where the verb is when global flags come first (`kubectl -n x get pods`): cobra skips flags and
 * their values; a flag written without `=` takes the next word as its value unless it is boolean.
 */
export function splitVerb(args: string[]): { verb?: string; rest: string[] } {
  const table = flagTable('');
  let i = 0;
  while (i < args.length && args[i].startsWith('-') && args[i] !== '--' && args[i].length > 1) {
    const a = args[i];
    const f = a.includes('=') ? undefined : table.get(a.startsWith('--') ? a : a.slice(0, 2));
    i += f && !f.takesValue ? 1 : a.includes('=') || (!a.startsWith('--') && a.length > 2) ? 1 : 2;
  }
  if (i >= args.length) return { rest: args };
  return { verb: args[i], rest: [...args.slice(0, i), ...args.slice(i + 1)] };
}

/** Descends from a top-level command through subcommand words to the deepest command named. */
function resolvePath(top: string, args: string[]): { path: string; depth: number } {
  let path = top;
  let depth = 0;
  while (COMMAND_TREE[path]?.subcommands.length) {
    const word = scanFlags(args, path).positional[depth];
    const next = word === undefined ? undefined : subcommand(path, word);
    if (!next) break;
    path = next;
    depth++;
    if (!hasHelp(path)) break;
  }
  return { path, depth };
}

/**
 * Answers kubectl's help forms, or returns undefined when the command line is not one of them
 * (the verb then runs). `known` lists every top-level command of kubectl v1.32.
 */
export function answerHelp(args: string[], known: readonly string[]): HelpAnswer | undefined {
  const { verb, rest } = splitVerb(args);
  if (verb === undefined) {
    // Only flags (or nothing): the root command, whose Run prints its help.
    const scan = scanFlags(args, '');
    if (scan.error) return { err: scan.error, code: 1 };
    return { out: HELP_TEXTS[''], code: 0 };
  }
  if (verb === 'help') {
    const scan = scanFlags(rest, 'help');
    if (scan.error) return { err: scan.error, code: 1 };
    if (scan.help) return { out: HELP_TEXTS.help, code: 0 };
    const [topic] = scan.positional;
    if (topic === undefined) return { out: HELP_TEXTS[''], code: 0 };
    if (!known.includes(topic) || topic === 'help') {
      if (topic === 'help') return { out: HELP_TEXTS.help, code: 0 };
      const quoted = scan.positional.map((p) => `\`${p}\``).join(' ');
      return { err: `Unknown help topic [${quoted}]\n${ROOT_USAGE}`, code: 0 };
    }
    if (!hasHelp(topic)) return { err: `error: "kubectl ${topic}" is not available in Pod Lab yet\n`, code: 1 };
    const { path } = resolvePath(topic, scan.positional.slice(1));
    if (!hasHelp(path)) return { err: `error: "kubectl ${path}" is not available in Pod Lab yet\n`, code: 1 };
    return { out: HELP_TEXTS[path], code: 0 };
  }
  if (!hasHelp(verb)) return undefined;
  const { path, depth } = resolvePath(verb, rest);
  // A subcommand Pod Lab does not have (`rollout status --help`): the verb table says "not available".
  if (!hasHelp(path)) return undefined;
  const scan = scanFlags(rest, path);
  // pflag reports a bad flag before cobra looks at --help.
  if (scan.error && rest.some((a) => a === '-h' || a.startsWith('--help'))) return { err: scan.error, code: 1 };
  if (scan.help) return { out: HELP_TEXTS[path], code: 0 };
  if (path === 'options') {
    if (scan.error) return { err: scan.error, code: 1 };
    return { out: OPTIONS_TEXT, code: 0 };
  }
  if (GROUPS_WITHOUT_RUN.has(path)) {
    if (scan.error) return { err: scan.error, code: 1 };
    const extra = scan.positional[depth];
    if (extra !== undefined) return { err: `error: unknown command "${extra}"\nSee 'kubectl ${path} -h' for help and examples\n`, code: 1 };
    return { err: HELP_TEXTS[path], code: 1 };
  }
  return undefined;
}
