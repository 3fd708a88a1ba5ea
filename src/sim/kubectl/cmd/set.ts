/**
 * `kubectl set image (-f FILE | TYPE NAME) CONTAINER=IMAGE … | *=IMAGE` (set_image.go). kubectl
 * fetches the objects first (any fetch error ends the command), changes the images of matching
 * containers and init containers locally, and sends the change as a strategic merge patch; an
 * object whose images were already those prints nothing. The kubelet then restarts the
 * changed containers in place. Other `set` subcommands (env, resources, …) change pod fields a
 * live Pod may not change, so only `set image` is simulated.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import type { KubeObject, Pod } from '../../api/types';
import { formatFieldError, goQuote, StatusError } from '../../api/errors';
import { stableEqual } from '../../api/store';
import { renderKubectlErrors } from '../errors';
import { NO_RESOURCES, selectObjects } from '../builder';
import { BUILDER_VERB_RULES, unmodeledFlag } from '../unmodeled';
import { checkOutput, dryRunStrategy, printObject, PrintFlagError, type DryRun } from '../print-flags';

const FLAGS: FlagSpec[] = [
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'local', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
];


const SUBCOMMANDS = ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'];

export function* set(args: string[], ctx: KubectlCtx): CmdGen {
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub === 'image') {
    const i = args.indexOf(sub);
    return setImage([...args.slice(0, i), ...args.slice(i + 1)], ctx);
  }
  if (sub && SUBCOMMANDS.includes(sub)) {
    ctx.io.err(`error: "kubectl set ${sub}" is not available in Pod Lab: a running Pod only lets you change container images (kubectl set image)\n`);
    return 1;
  }
  ctx.io.err(`error: unknown command "${args.filter((a) => !a.startsWith('-')).join(' ')}"\nSee 'kubectl set -h' for help and examples\n`);
  return 1;
}

function setImage(args: string[], ctx: KubectlCtx): number {
  const { flags, positional, set } = parseFlags(args, FLAGS, 'set image');
  const io = ctx.io;
  const refusal = unmodeledFlag('set image', flags, set, BUILDER_VERB_RULES);
  if (refusal) {
    io.err(refusal);
    return 1;
  }
  const output = flags.output as string | undefined;
  let dry: DryRun;
  try {
    dry = dryRunStrategy(flags['dry-run']);
    checkOutput(output);
  } catch (e) {
    if (e instanceof PrintFlagError) {
      io.err(e.message + '\n');
      return 1;
    }
    throw e;
  }
  // getResourcesAndImages: GetResourcesAndPairs, then ParsePairs without removals.
  const resources: string[] = [];
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const s of positional) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (!pair) {
      if (images.size || invalid.length) {
        io.err(`error: all resources must be specified before image changes: ${s}\n`);
        return 1;
      }
      resources.push(s);
    } else if (s.includes('=') && s[0] !== '=') images.set(s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1));
    else invalid.push(s);
  }
  if (invalid.length) {
    io.err(`error: invalid image format: ${invalid.join(', ')}\n`);
    return 1;
  }
  if (flags.local) {
    io.err('error: --local is not available in Pod Lab: set image works on the cluster\'s objects\n');
    return 1;
  }
  const files = (flags.filename as string[] | undefined) ?? [];
  if (!resources.length && !files.length && !flags.selector && !flags.all) {
    io.err(NO_RESOURCES + '\n');
    return 1;
  }
  const sel = selectObjects(ctx, { args: resources, namespace: flags.namespace as string | undefined, selector: flags.selector as string | undefined, all: !!flags.all, filenames: files, recursive: !!flags.recursive });
  if (sel.fatal) {
    io.err(sel.fatal + '\n');
    return 1;
  }
  if (sel.errors.length) {
    io.err(renderKubectlErrors(sel.errors.map((err) => ({ err }))) + '\n');
    return 1;
  }
  const invalidArgs: string[] = [];
  if (flags.all && flags.selector !== undefined) invalidArgs.push('cannot set --all and --selector at the same time');
  if (!images.size) invalidArgs.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) invalidArgs.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (invalidArgs.length) {
    io.err(renderKubectlErrors(invalidArgs.map((m) => ({ err: new Error(m) }))) + '\n');
    return 1;
  }
  const errors: unknown[] = [];
  for (const { res, obj } of sel.items) {
    if (res.kind !== 'Pod') {
      errors.push(new Error(`error: ${res.plural}/${obj.metadata?.name} the object is not a pod or does not have a pod template: *v1.${res.kind}\n`.trimEnd()));
      continue;
    }
    const next = structuredClone(obj) as unknown as Pod;
    const spec = next.spec!;
    for (const [name, image] of images) {
      let found = false;
      for (const list of [spec.initContainers ?? [], spec.containers]) {
        for (const c of list) {
          if (c.name === name || name === '*') {
            c.image = image;
            found = true;
          }
        }
      }
      if (!found) errors.push(new Error(`error: unable to find container named ${goQuote(name)}`));
    }
    const changed = next as unknown as KubeObject;
    if (stableEqual(changed, obj)) continue;
    let printed = changed;
    if (dry !== 'client') {
      try {
        printed = ctx.cluster.api.update(changed, { dryRun: dry === 'server' });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        errors.push(new Error(`failed to patch image update to pod template: ${statusText(e)}`));
        continue;
      }
    }
    try {
      io.out(printObject(printed, 'image updated', { output, dryRun: dry }));
    } catch (e) {
      if (e instanceof PrintFlagError) errors.push(new Error(e.message));
      else throw e;
    }
  }
  if (errors.length) {
    io.err(renderKubectlErrors(errors.map((err) => ({ err }))) + '\n');
    return 1;
  }
  return 0;
}

/** err.Error() of an API error, as `%v` puts it into kubectl's wrapped messages. */
export function statusText(e: StatusError): string {
  const causes = [...new Set((e.details?.causes ?? []).map(formatFieldError))];
  if (e.reason !== 'Invalid' || !causes.length) return e.message;
  return `${e.details?.kind ?? ''} ${goQuote(e.details?.name ?? '')} is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`;
}
