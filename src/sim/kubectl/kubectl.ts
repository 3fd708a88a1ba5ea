/**
 * The kubectl entry point: dispatch to a verb, and turn flag errors into cobra's wording.
 * Verbs beyond this set arrive with the kubectl issue; an unknown verb gets kubectl's message,
 * including its "Did you mean this?" suggestions (Levenshtein distance ≤ 2, or a prefix).
 */
import type { CmdGen, KubectlCtx } from './context';
import { FlagError } from './flags';
import { get } from './cmd/get';
import { describe } from './cmd/describe';
import { logs } from './cmd/logs';
import { applyLike } from './cmd/apply';
import { del } from './cmd/delete';
import { run } from './cmd/run';
import { expose } from './cmd/expose';
import { exec } from './cmd/exec';
import { portForward } from './cmd/port-forward';
import { create } from './cmd/create';

type Verb = (args: string[], ctx: KubectlCtx) => CmdGen;

const VERBS: Record<string, Verb> = {
  get,
  describe,
  logs,
  apply: (a, c) => applyLike('apply', a, c),
  create,
  replace: (a, c) => applyLike('replace', a, c),
  delete: del,
  run,
  expose,
  exec,
  'port-forward': portForward,
};

/** Every top-level command of kubectl v1.32 (for suggestions and for "not in Pod Lab yet"). */
const ALL_COMMANDS = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait'];

export function* kubectl(args: string[], ctx: KubectlCtx): CmdGen {
  const [verb, ...rest] = args;
  if (!verb) {
    ctx.io.out('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n');
    return 0;
  }
  const impl = VERBS[verb];
  if (!impl) {
    if (ALL_COMMANDS.includes(verb)) {
      ctx.io.err(`error: "kubectl ${verb}" is not available in Pod Lab yet\n`);
      return 1;
    }
    const suggestions = ALL_COMMANDS.filter((c) => levenshtein(c, verb) <= 2 || c.startsWith(verb));
    let msg = `error: unknown command "${verb}" for "kubectl"`;
    if (suggestions.length) msg += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}\n`;
    ctx.io.err(msg.replace(/^error/, 'Error') + '\n');
    return 1;
  }
  try {
    return yield* impl(rest, ctx);
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
