/**
 * Workstation commands beyond kubectl and the basic file tools: procps `watch`, the screen editors
 * and the coreutils of coreutils.ts (undefined means "not one of these"); what bash's `source`/`.`
 * and `complete` do with the workstation (bash.ts runs them as builtins); process substitution `<(…)`.
 */
import type { CmdGen, TerminalIO } from '../kubectl/context';
import type { HomeFiles } from './files';
import type { CommandHistory } from './history';
import { EditorRequests, SCREEN_EDITORS } from './editors';
import { watch } from './watch';
import { COREUTILS } from './coreutils';

export interface BuiltinHost {
  readonly files: HomeFiles;
  readonly env: Map<string, string>;
  readonly history: CommandHistory;
  readonly editors: EditorRequests;
  readonly completions: Map<string, string>;
  /** The browser app shows a screen (watch redraws it); podlab sh does not. */
  hasScreen: boolean;
  /** The terminal (error output of process substitutions goes here, as in bash). */
  readonly io: TerminalIO;
  now(): number;
  /** Run a command line with its output going to `io`. */
  runWith(line: string, io: TerminalIO): CmdGen;
  /** Run argv as a program found in PATH (no aliases, no builtins): 127 without a word when none is. */
  exec(argv: string[], stdin: undefined, io: TerminalIO, env: Map<string, string>, spawned: boolean): CmdGen;
  /** `<(…)` paths of the current line, removed when it ends. */
  readonly substituted: string[];
}

export function* workstationBuiltin(ws: BuiltinHost, name: string, args: string[], stdin: string | undefined, io: TerminalIO): Generator<import('../kubectl/context').Wait, number | undefined, void> {
  const tool = COREUTILS[name];
  if (tool) return tool(args, stdin, ws.files, io);
  if (SCREEN_EDITORS.has(name)) return yield* ws.editors.edit(name, args.filter((a) => !a.startsWith('-') && !a.startsWith('+'))[0], ws.files, io);
  if (name === 'watch') return yield* watch(args, { now: () => ws.now(), hasScreen: ws.hasScreen, runCaptured: (line, cio) => ws.runWith(line, cio) }, io);
  return undefined;
}

/**
 * `source FILE`: kubectl's completion script is accepted as is (Tab completion of kubectl and its
 * aliases is built in: 0 is returned); any other file's text is returned for the shell to run.
 */
export function readSourced(ws: Pick<BuiltinHost, 'files' | 'completions'>, name: string, args: string[], io: TerminalIO): string | number {
  const file = args[0];
  if (!file) {
    io.err(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const text = ws.files.read(file);
  if (text === undefined) {
    io.err(`bash: ${file}: ${ws.files.isDir(file) ? 'is a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  if (/__start_kubectl|bash completion (V2 )?for kubectl/.test(text)) {
    ws.completions.set('kubectl', 'complete -o default -F __start_kubectl kubectl');
    return 0;
  }
  return text;
}

/** `complete -o default -F __start_kubectl k`: remembered (Pod Lab completes kubectl aliases itself); `complete -p` lists. */
export function completeBuiltin(ws: Pick<BuiltinHost, 'completions'>, args: string[], io: TerminalIO): number {
  if (!args.length || args[0] === '-p') {
    const names = args.slice(1);
    for (const [n, spec] of ws.completions) if (!names.length || names.includes(n)) io.out(spec + '\n');
    for (const n of names.filter((x) => !ws.completions.has(x))) {
      io.err(`bash: complete: ${n}: no completion specification\n`);
      return 1;
    }
    return 0;
  }
  if (args[0] === '-r') {
    for (const n of args.slice(1)) ws.completions.delete(n);
    return 0;
  }
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^-[oFCAGWXPSabcdefgjksuv]$/.test(args[i]) && /[oFCAGWXPS]/.test(args[i][1])) i++;
    else if (!args[i].startsWith('-')) names.push(args[i]);
  }
  const spec = args.filter((a) => !names.includes(a)).join(' ');
  for (const n of names) ws.completions.set(n, `complete ${spec} ${n}`);
  return 0;
}

/**
 * bash's process substitution `<(command)`: the command runs first and the word becomes a path
 * (`/dev/fd/63`) whose content is its output — enough for `source <(kubectl completion bash)` and
 * `diff <(…) <(…)`.
 */
export function* substituteProcesses(ws: BuiltinHost, line: string): Generator<import('../kubectl/context').Wait, string, void> {
  let fd = 63;
  let out = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      out += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c === '<' && line[i + 1] === '(' && line[i - 1] !== '<') {
      let depth = 0;
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] === '(') depth++;
        else if (line[j] === ')' && --depth === 0) break;
      }
      if (j >= line.length) {
        out += line.slice(i);
        break;
      }
      let captured = '';
      yield* ws.runWith(line.slice(i + 2, j), { out: (t) => void (captured += t), err: (t) => ws.io.err(t) });
      const path = `/dev/fd/${fd--}`;
      ws.files.write(path, captured);
      ws.substituted.push(path);
      out += path;
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * The editor kubectl runs (`kubectl edit`), as kubectl's editor.go does it: `$KUBE_EDITOR`, else
 * `$EDITOR`, else vi, from kubectl's environment (exported or `VAR=x kubectl …`). Without quotes
 * or backslashes the value is split on spaces and executed directly with the file's path appended
 * (`sed -i s/a/b/` works headlessly; a name that is not in PATH is kubectl's "unable to launch",
 * with nothing from a shell); otherwise it goes to `$SHELL -c 'VALUE "PATH"'`. vi and nano open
 * the app's editor panel.
 */
export function* runEditor(ws: BuiltinHost, path: string, env: Map<string, string>): CmdGen {
  const editor = env.get('KUBE_EDITOR') || env.get('EDITOR') || 'vi';
  if (/["'\\]/.test(editor) && editor.includes(' ')) {
    const st = yield* ws.exec([env.get('SHELL') || '/bin/bash', '-c', `${editor} ${JSON.stringify(path)}`], undefined, ws.io, env, true);
    // The shell itself started, so kubectl reports a problem with the editor, not a failed launch.
    return st === 127 ? 1 : st;
  }
  return yield* ws.exec([...editor.split(' '), path], undefined, ws.io, env, true);
}
