/**
 * Tab completion for the workstation shell, computed where the cluster lives (in the worker) so
 * pod and container names are the cluster's current ones. Works on the text before the cursor:
 * finds the word being typed, the command it belongs to, and offers what that position accepts.
 */
import type { Cluster } from '../sim/cluster';
import type { HomeFiles } from '../sim/workstation/files';
import { RESOURCES, resolveResource } from '../sim/kubectl/resources';
import { KUBECTL_COMMANDS } from '../sim/kubectl/kubectl';
import { flagsOf } from './flag-completion';
import type { Completion } from './protocol';

export interface CompletionContext {
  cluster: Cluster;
  files: HomeFiles;
  aliases: ReadonlyMap<string, string>;
}

/** bash builtins a learner types; programs come from the workstation's /usr/bin. */
const SHELL_BUILTINS = ['alias', 'cd', 'export', 'history', 'pwd', 'source', 'type', 'unalias', 'unset'];
const BIN_DIR = '/usr/bin';
const OUTPUT_FORMATS = ['json', 'jsonpath=', 'name', 'wide', 'yaml', 'custom-columns='];
/** Verbs whose first positional argument is a resource type and the rest are names of it. */
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'explain', 'wait', 'expose', 'label', 'annotate', 'patch', 'edit']);
/** kubectl flags that take a value in the next word (so that word is not a positional). */
const VALUE_FLAGS = new Set(['-c', '--container', '-f', '--filename', '-n', '--namespace', '-o', '--output', '-l', '--selector', '--field-selector', '--image', '--tail', '--grace-period', '--since', '--port', '--timeout', '--for']);

export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, cursor);
  // The current simple command starts after the last operator.
  const cmdStart = Math.max(...['|', ';', '&&', '||', '$(', '('].map((op) => before.lastIndexOf(op) + (before.lastIndexOf(op) >= 0 ? op.length : 0)), 0);
  const wordStart = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t'), cmdStart - 1) + 1;
  const word = before.slice(Math.max(wordStart, cmdStart));
  const from = Math.max(wordStart, cmdStart);
  const words = before.slice(cmdStart, from).trim().split(/\s+/).filter(Boolean);
  const found = candidatesFor(words, word, ctx);
  const candidates = [...new Set(found.list)].filter((c) => c.startsWith(word)).sort();
  return { from, to: cursor, candidates, closes: found.closes && !(candidates.length === 1 && candidates[0].endsWith('/')) };
}

interface Found {
  list: string[];
  closes: boolean;
}

function candidatesFor(words: string[], word: string, ctx: CompletionContext): Found {
  // `timeout 30 kubectl …` completes as `kubectl …`.
  if (words[0] === 'timeout') {
    if (words.length < 2) return { list: [], closes: true };
    words = words.slice(2);
  }
  if (!words.length) return { list: [...SHELL_BUILTINS, ...(ctx.files.isDir(BIN_DIR) ? ctx.files.list(BIN_DIR) : []), ...ctx.aliases.keys()], closes: true };
  const alias = ctx.aliases.get(words[0]);
  const cmd = alias ? alias.split(' ')[0] : words[0];
  if (cmd === 'kubectl') return kubectlCandidates([...(alias ? alias.split(' ').slice(1) : []), ...words.slice(1)], word, ctx);
  if (cmd === 'sleep' || cmd === 'clear' || cmd === 'history') return { list: [], closes: true };
  return fileCandidates(word, ctx.files);
}

function kubectlCandidates(args: string[], word: string, ctx: CompletionContext): Found {
  const prev = args[args.length - 1];
  const ns = namespaceOf(args);
  const none: Found = { list: [], closes: true };
  if (prev === '-f' || prev === '--filename') return fileCandidates(word, ctx.files);
  if (prev === '-n' || prev === '--namespace') return names(ctx, 'Namespace');
  if (prev === '-o' || prev === '--output') return { list: OUTPUT_FORMATS, closes: true };
  if (prev === '-c' || prev === '--container') return { list: containersOf(positionals(args)[1], ns, ctx), closes: true };
  const pos = positionals(args);
  if (args.includes('--')) return none;
  if (word.startsWith('-')) return { list: flagsOf(pos), closes: true };
  if (!pos.length) return { list: [...KUBECTL_COMMANDS], closes: true };
  const verb = pos[0];
  // `pod/we<Tab>`: a type/name pair.
  const slash = word.indexOf('/');
  if (slash > 0) {
    const res = resolveResource(word.slice(0, slash));
    return res ? { list: names(ctx, res.kind, ns).list.map((n) => `${word.slice(0, slash)}/${n}`), closes: true } : none;
  }
  if (verb === 'logs' || verb === 'exec' || verb === 'attach') return pos.length === 1 ? names(ctx, 'Pod', ns) : none;
  if (TYPED_VERBS.has(verb)) {
    if (pos.length === 1) return { list: RESOURCES.flatMap((r) => [r.plural, r.singular, ...r.short]), closes: true };
    const res = resolveResource(pos[1]);
    return res && verb !== 'explain' ? names(ctx, res.kind, ns) : none;
  }
  return none;
}

/** Non-flag words, skipping each value-taking flag's value. */
function positionals(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

function namespaceOf(args: string[]): string {
  for (let i = 0; i < args.length; i++) {
    if ((args[i] === '-n' || args[i] === '--namespace') && args[i + 1]) return args[i + 1];
    const m = args[i].match(/^--namespace=(.+)$/);
    if (m) return m[1];
  }
  return 'default';
}

function names(ctx: CompletionContext, kind: string, ns?: string): Found {
  return { list: ctx.cluster.store.list(kind, ns).map((o) => o.metadata?.name ?? '').filter(Boolean), closes: true };
}

/** Container names of a pod (`web` or `pod/web`), init and ephemeral ones included. */
function containersOf(podArg: string | undefined, ns: string, ctx: CompletionContext): string[] {
  if (!podArg) return [];
  const pod = ctx.cluster.store.peek('Pod', ns, podArg.replace(/^(pods?|po)\//, ''));
  const spec = pod?.spec as { containers?: { name: string }[]; initContainers?: { name: string }[] } | undefined;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name);
}

function fileCandidates(word: string, files: HomeFiles): Found {
  const slash = word.lastIndexOf('/');
  const dir = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = word.slice(slash + 1);
  const listDir = dir === '' ? '.' : dir;
  if (!files.isDir(listDir)) return { list: [], closes: true };
  const list = files
    .list(listDir)
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dir + n + (files.isDir(dir + n) ? '/' : ''));
  return { list, closes: true };
}
