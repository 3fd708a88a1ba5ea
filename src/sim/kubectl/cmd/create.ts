/**
 * `kubectl create`: with a subcommand, one of kubectl's generators (configmap, secret generic,
 * service clusterip|nodeport|loadbalancer|externalname, namespace) builds the object, then it is
 * printed (--dry-run=client) or created through the API server; without one, `create -f` as
 * before (cmd/apply.ts). Generators for objects Pod Lab does not simulate (deployment, job, …)
 * say so instead of pretending.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { FlagError, parseFlags, type FlagSpec, type ParsedArgs } from '../flags';
import { FIELD_MANAGER, TEMPLATE_RULES, unmodeledFlag, validationDirective } from '../unmodeled';
import type { KubeObject } from '../../api/types';
import { formatFieldError, goQuote, StatusError } from '../../api/errors';
import { renderKubectlError } from '../errors';
import { checkOutput, dryRunStrategy, printObject, PrintFlagError, type DryRun } from '../print-flags';
import { applyLike } from './apply';
import { createConfigMap } from './create-configmap';
import { createSecret } from './create-secret';
import { createService } from './create-service';
import { createNamespace } from './create-namespace';
import { SourceError } from '../generate/data-sources';

/** Flags every create subcommand has (PrintFlags, dry-run, apply annotation, validation, field manager). */
export const CREATE_COMMON_FLAGS: FlagSpec[] = [
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
];

/** Subcommands and aliases of `kubectl create` in v1.32. */
const SUBCOMMANDS: Record<string, string> = {
  configmap: 'configmap', cm: 'configmap', secret: 'secret', service: 'service', svc: 'service', namespace: 'namespace', ns: 'namespace',
  clusterrole: 'clusterrole', clusterrolebinding: 'clusterrolebinding', cronjob: 'cronjob', cj: 'cronjob', deployment: 'deployment', deploy: 'deployment',
  ingress: 'ingress', ing: 'ingress', job: 'job', poddisruptionbudget: 'poddisruptionbudget', pdb: 'poddisruptionbudget', priorityclass: 'priorityclass',
  pc: 'priorityclass', quota: 'quota', resourcequota: 'quota', role: 'role', rolebinding: 'rolebinding', serviceaccount: 'serviceaccount', sa: 'serviceaccount', token: 'token',
};

type Sub = (args: string[], ctx: KubectlCtx) => CmdGen;
const MODELLED: Record<string, Sub> = { configmap: createConfigMap, secret: createSecret, service: createService, namespace: createNamespace };

/** Flags of `create` itself that take their value from the next word (cobra's stripFlags skips it). */
const VALUE_FLAGS = new Set(['-f', '--filename', '-n', '--namespace', '-o', '--output', '--kubeconfig', '--context', '--field-manager', '--selector', '-l', '--raw', '--template', '-k', '--kustomize', '--request-timeout']);

export function* create(args: string[], ctx: KubectlCtx): CmdGen {
  const at = firstPositional(args);
  if (at < 0) return yield* applyLike('create', args, ctx);
  const word = args[at];
  const sub = SUBCOMMANDS[word];
  if (!sub) {
    const positional = args.filter((a, i) => i >= at && !a.startsWith('-'));
    ctx.io.err(`error: Unexpected args: [${positional.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`);
    return 1;
  }
  const impl = MODELLED[sub];
  if (!impl) {
    ctx.io.err(`error: "kubectl create ${sub}" is not available in Pod Lab: it simulates one node's Pods and the objects they use (configmap, secret generic, service, namespace); write a Pod manifest or use kubectl run\n`);
    return 1;
  }
  return yield* impl([...args.slice(0, at), ...args.slice(at + 1)], ctx);
}

function firstPositional(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return -1;
    if (a.startsWith('-')) {
      if (!a.includes('=') && VALUE_FLAGS.has(a)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** What a generator subcommand hands to runGenerator. */
export interface GeneratorRun {
  /** `create configmap`, for usage errors. */
  command: string;
  parsed: ParsedArgs;
  /** Builds the object from the parsed flags and the one NAME (throws SourceError/FlagError on bad input). */
  build(name: string, namespace: string | undefined): KubeObject;
  /** Checks after Complete (kubectl's Validate); returns an error message or undefined. */
  validate?(): string | undefined;
  /** How the create error is wrapped (`failed to create configmap: %v`), or undefined to print it as the API error. */
  wrap?: string;
}

/**
 * The common life of a create subcommand: NAME, dry-run strategy and printer (Complete), Validate,
 * build, then print (client dry run) or create and print the server's object.
 */
export function runGenerator(ctx: KubectlCtx, g: GeneratorRun): number {
  const { flags, positional } = g.parsed;
  const io = ctx.io;
  const fail = (msg: string) => {
    io.err(msg.replace(/\n?$/, '\n'));
    return 1;
  };
  // The generated object has only known fields, so --validate can change nothing but a bad value is kubectl's error.
  const refusal = unmodeledFlag(g.command, flags, g.parsed.set, [FIELD_MANAGER, ...TEMPLATE_RULES]) ?? (typeof validationDirective(flags.validate) === 'string' ? (validationDirective(flags.validate) as string) : undefined);
  if (refusal) return fail(refusal);
  if (positional.length !== 1) return fail(`error: exactly one NAME is required, got ${positional.length}\nSee 'kubectl ${g.command} -h' for help and examples`);
  let dry: DryRun;
  const output = flags.output as string | undefined;
  try {
    dry = dryRunStrategy(flags['dry-run']);
    checkOutput(output);
  } catch (e) {
    if (e instanceof PrintFlagError) return fail(e.message);
    throw e;
  }
  const err = g.validate?.();
  if (err) return fail(`error: ${err}`);
  const nsFlag = flags.namespace as string | undefined;
  let obj: KubeObject;
  try {
    obj = g.build(positional[0], nsFlag);
  } catch (e) {
    if (e instanceof SourceError) return fail(`error: ${e.message}`);
    throw e;
  }
  if (flags['save-config']) {
    obj.metadata = { ...obj.metadata, annotations: { ...obj.metadata?.annotations, 'kubectl.kubernetes.io/last-applied-configuration': lastApplied(obj) } };
  }
  try {
    if (dry === 'client') {
      io.out(printObject(obj, 'created', { output, dryRun: dry, typed: true }));
      return 0;
    }
    const toCreate = structuredClone(obj);
    delete (toCreate.metadata as Record<string, unknown>).creationTimestamp;
    delete (toCreate as Record<string, unknown>).status;
    const ns = obj.kind === 'Namespace' ? undefined : nsFlag ?? contextNamespace(ctx);
    if (ns) toCreate.metadata = { ...toCreate.metadata, namespace: ns };
    const created = ctx.cluster.api.create(toCreate, { dryRun: dry === 'server' });
    io.out(printObject(created, 'created', { output, dryRun: dry, typed: true }));
    return 0;
  } catch (e) {
    if (e instanceof PrintFlagError) return fail(e.message);
    if (!(e instanceof StatusError)) throw e;
    if (g.wrap) return fail(`error: ${g.wrap}: ${serverText(e)}`);
    return fail(renderKubectlError(e));
  }
}

/** err.Error() of an API error: the Status message (`ConfigMap "x" is invalid: [a, b]` for Invalid). */
function serverText(e: StatusError): string {
  const causes = [...new Set((e.details?.causes ?? []).map(formatFieldError))];
  if (e.reason !== 'Invalid' || !causes.length) return e.message;
  return `${e.details?.kind ?? ''} ${goQuote(e.details?.name ?? '')} is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`;
}

/** util.CreateOrUpdateAnnotation: the object as compact JSON in struct order. */
function lastApplied(obj: KubeObject): string {
  return JSON.stringify(JSON.parse(JSON.stringify(obj))) + '\n';
}

/** Parse a subcommand's flags; FlagError propagates to the kubectl dispatcher (cobra's wording). */
export function parseCreateFlags(args: string[], specific: FlagSpec[], command: string): ParsedArgs {
  return parseFlags(args, [...specific, ...CREATE_COMMON_FLAGS], command);
}

export { FlagError };
