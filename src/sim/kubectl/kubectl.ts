/**
 * The kubectl entry point: dispatch to a verb, and turn flag errors into cobra's wording.
 * Verbs beyond this set arrive with the kubectl issue; an unknown verb gets kubectl's message,
 * including its "Did you mean this?" suggestions (Levenshtein distance ≤ 2, or a prefix).
 */
import type { CmdGen, KubectlCtx } from './context';
import { applyGlobalFlags } from './global-flags';
import { FlagError } from './flags';
import { get } from './cmd/get';
import { describe } from './cmd/describe';
import { logs } from './cmd/logs';
import { applyLike } from './cmd/apply';
import { del } from './cmd/delete';
import { run } from './cmd/run';
import { expose } from './cmd/expose';
import { exec } from './cmd/exec';
import { attach } from './cmd/attach';
import { portForward } from './cmd/port-forward';
import { cp } from './cmd/cp';
import { edit } from './cmd/edit';
import { patch } from './cmd/patch';
import { set } from './cmd/set';
import { label } from './cmd/label';
import { annotate } from './cmd/annotate';
import { answerHelp, splitVerb } from './help/help';
import { explain } from './cmd/explain';
import { version } from './cmd/version';
import { apiResources, apiVersions } from './cmd/api-resources';
import { clusterInfo } from './cmd/cluster-info';
import { config } from './cmd/config';
import { completion } from './cmd/completion';
import { create } from './cmd/create';
import { wait } from './cmd/wait';
import { top } from './cmd/top';

type Verb = (args: string[], ctx: KubectlCtx) => CmdGen;

const VERBS: Record<string, Verb> = {
  get,
  describe,
  logs,
  apply: (a, c) => applyLike('apply', a, c),
  create,
  label,
  annotate,
  set,
  patch,
  edit,
  replace: (a, c) => applyLike('replace', a, c),
  delete: del,
  run,
  expose,
  exec,
  attach,
  'port-forward': portForward,
  cp,
  explain,
  version,
  'api-resources': apiResources,
  'api-versions': apiVersions,
  'cluster-info': clusterInfo,
  config,
  completion,
  wait,
  top,
};

/**
 * Every top-level command of kubectl v1.32 except `help`, in the order kubectl registers them
 * (the order of its "Did you mean this?" suggestions; for "not in Pod Lab yet").
 */
const ALL_COMMANDS = ['create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options'];

/** The verbs Pod Lab runs (for Tab completion). */
export const KUBECTL_COMMANDS: readonly string[] = Object.keys(VERBS).sort();

export function* kubectl(args: string[], ctx: KubectlCtx): CmdGen {
  // Help forms (`kubectl`, `--help`, `help CMD`, bare command groups) answer before any verb runs.
  const help = answerHelp(args, ALL_COMMANDS);
  if (help) {
    if (help.out) ctx.io.out(help.out);
    if (help.err) ctx.io.err(help.err);
    return help.code;
  }
  // Global flags may precede the verb (`kubectl -n kube-system get pods`); the verb parses them.
  const { verb = '', rest } = splitVerb(args);
  const impl = VERBS[verb];
  if (!impl) {
    if (ALL_COMMANDS.includes(verb)) {
      ctx.io.err(`error: "kubectl ${verb}" is not available in Pod Lab yet\n`);
      return 1;
    }
    const suggestions = ALL_COMMANDS.filter((c) => levenshtein(c, verb) <= 2 || c.startsWith(verb));
    // cobra's root error goes through kubectl's main as `Error: …`; the suggestion block ends with
    // a blank line (checked against the v1.32 binary).
    let msg = `Error: unknown command "${verb}" for "kubectl"`;
    if (suggestions.length) msg += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}\n`;
    ctx.io.err(msg + '\n');
    return 1;
  }
  // --kubeconfig applies to the verb; --context, -v and --request-timeout are checked (global-flags.ts).
  const global = applyGlobalFlags(args, verb, ctx);
  if ('error' in global) {
    ctx.io.err(global.error);
    return 1;
  }
  try {
    return yield* impl(rest, global.ctx);
  } catch (e) {
    if (e instanceof FlagError) {
      ctx.io.err(e.message + '\n');
      return 1;
    }
    throw e;
  }
}

function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}
