/**
 * `kubectl apply -f`, `kubectl create -f`, `kubectl replace -f`: each document is decoded
 * (unknown fields are errors, as with --validate=strict), then created or updated through the API
 * server. apply records the last-applied-configuration annotation and reports created,
 * configured or unchanged exactly as kubectl decides them.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import { readSources } from '../sources';
import { decodeManifest } from '../../api/decode';
import { stableEqual } from '../../api/store';
import type { KubeObject } from '../../api/types';
import { CLUSTER_SCOPED } from '../../api/store';
import { renderError } from './common';
import { threeWayMerge } from '../merge';
import { toJson, toYaml } from '../output';
import { StatusError } from '../../api/errors';
import { KUSTOMIZE, unmodeledFlag, validationDirective } from '../unmodeled';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** `kubectl create <what>` generators (arriving with the kubectl issue). */
const CREATE_SUBCOMMANDS = ['clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'deployment', 'deploy', 'ingress', 'job', 'namespace', 'ns', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'svc', 'serviceaccount', 'sa', 'token'];

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'save-config', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'server-side', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

type Verb = 'apply' | 'create' | 'replace';

export function* applyLike(verb: Verb, args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, set } = parseFlags(args, FLAGS, verb);
  const refusal = unmodeledFlag(verb, flags, set, [
    KUSTOMIZE,
    { flag: 'server-side', when: (v) => v === true, why: 'server-side apply (field ownership) is not modeled; kubectl apply here is client-side' },
    { flag: 'force', when: (v) => v === true, why: 'deleting and re-creating objects on conflicts is not modeled' },
  ]);
  if (refusal) {
    ctx.io.err(refusal);
    return 1;
  }
  const validation = validationDirective(flags.validate);
  if (typeof validation === 'string') {
    ctx.io.err(validation);
    return 1;
  }
  const files = (flags.filename as string[] | undefined) ?? [];
  if (!files.length) {
    const sub = verb === 'create' ? args.find((a) => !a.startsWith('-')) : undefined;
    if (sub && CREATE_SUBCOMMANDS.includes(sub)) ctx.io.err(`error: "kubectl create ${sub}" is not available in Pod Lab yet; write a manifest and use kubectl apply -f\n`);
    else ctx.io.err('error: must specify one of -f and -k\n');
    return 1;
  }
  const dryRun = flags['dry-run'] as string | undefined;
  if (dryRun !== undefined && !['client', 'server', 'none'].includes(dryRun)) {
    ctx.io.err(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".\n`);
    return 1;
  }
  const dry = dryRun === 'client' || dryRun === 'server';
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  const output = flags.output as string | undefined;
  const { sources, errors } = readSources(ctx, files, !!flags.recursive);
  let status = errors.length ? 1 : 0;
  const api = ctx.cluster.api;
  for (const src of sources) {
    for (const doc of src.docs) {
      const decoded = decodeManifest(doc, validation);
      if ('error' in decoded) {
        ctx.io.err(renderError(decoded.error, src.name, verb === 'replace' ? 'replacing' : 'creating') + '\n');
        status = 1;
        continue;
      }
      const obj = decoded.object;
      // --validate=warn: the API server's warnings for unknown fields (no request, no warnings, in a client dry run).
      if (dryRun !== 'client') for (const w of decoded.warnings) ctx.io.err(`Warning: ${w}\n`);
      const kind = obj.kind!;
      const ns = CLUSTER_SCOPED.has(kind) ? undefined : obj.metadata?.namespace ?? (flags.namespace as string | undefined) ?? contextNamespace(ctx);
      if (ns && !CLUSTER_SCOPED.has(kind)) obj.metadata = { ...obj.metadata, namespace: ns };
      const ref = `${kind.toLowerCase()}/${obj.metadata?.name ?? ''}`;
      const positionOf = (p: (string | number)[]) => doc.positionOf(p);
      try {
        if (verb === 'create') {
          const created = api.create(withSavedConfig(obj, !!flags['save-config']), { dryRun: dry, positionOf });
          report(ctx, output, created, `${ref} created${suffix}`);
          continue;
        }
        const live = obj.metadata?.name ? ctx.cluster.store.get(kind, ns, obj.metadata.name) : undefined;
        if (verb === 'replace') {
          if (!live) throw new StatusError('NotFound', `${kind.toLowerCase()}s "${obj.metadata?.name}" not found`, 404);
          const r = api.update(obj, { dryRun: dry, positionOf });
          report(ctx, output, r, `${ref} replaced${suffix}`);
          continue;
        }
        const annotated = withLastApplied(obj);
        if (!live) {
          const created = api.create(annotated, { dryRun: dry, positionOf });
          report(ctx, output, created, `${ref} created${suffix}`);
          continue;
        }
        const lastText = live.metadata?.annotations?.[LAST_APPLIED];
        if (lastText === undefined) {
          ctx.io.err(`Warning: resource ${kindPlural(kind)}/${obj.metadata!.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
        }
        const last = lastText ? JSON.parse(lastText) : {};
        const merged = threeWayMerge(live, last, annotated) as KubeObject;
        if (stableEqual(strip(merged), strip(live)) && lastText === annotated.metadata!.annotations![LAST_APPLIED]) {
          report(ctx, output, live, `${ref} unchanged${suffix}`);
          continue;
        }
        const updated = api.update(merged, { dryRun: dry, positionOf });
        report(ctx, output, updated, `${ref} configured${suffix}`);
      } catch (e) {
        ctx.io.err(renderError(e, src.name, verb === 'replace' ? 'replacing' : verb === 'apply' && !ctx.cluster.store.peek(kind, ns, obj.metadata?.name ?? '') ? 'creating' : verb === 'apply' ? 'applying patch' : 'creating') + '\n');
        status = 1;
      }
    }
  }
  for (const e of errors) ctx.io.err(e + '\n');
  if (!errors.length && sources.every((src) => !src.docs.length)) {
    ctx.io.err(`error: no objects passed to ${verb}\n`);
    return 1;
  }
  return status;
}

function report(ctx: KubectlCtx, output: string | undefined, obj: KubeObject, line: string): void {
  if (output === 'yaml') ctx.io.out(toYaml(obj));
  else if (output === 'json') ctx.io.out(toJson(obj));
  else if (output === 'name') ctx.io.out(line.split(' ')[0] + '\n');
  else ctx.io.out(line + '\n');
}

function kindPlural(kind: string): string {
  return kind.toLowerCase() + (kind.endsWith('s') ? 'es' : 's');
}

/** kubectl stores the manifest as compact JSON (keys sorted, as Go marshals a map) plus a newline. */
function lastAppliedText(obj: KubeObject): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(obj)) + '\n';
}

function withLastApplied(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  const forAnnotation = structuredClone(obj);
  if (forAnnotation.metadata?.annotations) delete forAnnotation.metadata.annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, annotations: { ...copy.metadata?.annotations, [LAST_APPLIED]: lastAppliedText(forAnnotation) } };
  return copy;
}

function withSavedConfig(obj: KubeObject, save: boolean): KubeObject {
  return save ? withLastApplied(obj) : obj;
}

function strip(o: KubeObject): unknown {
  const { status: _s, ...rest } = o as Record<string, unknown>;
  const meta = { ...(rest.metadata as Record<string, unknown>) };
  for (const k of ['resourceVersion', 'uid', 'creationTimestamp', 'managedFields', 'generation', 'annotations']) delete meta[k];
  return { ...rest, metadata: meta };
}
