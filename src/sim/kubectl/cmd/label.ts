/**
 * `kubectl label` and, through the same machinery, `kubectl annotate` (label.go, annotate.go):
 * `TYPE NAME KEY=VAL … KEY-` with --overwrite, --list, -l/--all/-A/-f, --dry-run and -o.
 * kubectl computes the change locally and sends it as a JSON merge patch of metadata; the API
 * server then validates the object as for any update (bad label keys come back Invalid). The
 * messages: `pod/web labeled`, `unlabeled` (a removal without --overwrite), `not labeled`
 * (nothing changed); annotate always says `annotated`.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import type { KubeObject } from '../../api/types';
import { StatusError } from '../../api/errors';
import { stableEqual } from '../../api/store';
import { isValidLabelValue } from '../../api/validation/names';
import { renderKubectlErrors } from '../errors';
import { selectObjects } from '../builder';
import { BUILDER_VERB_RULES, unmodeledFlag } from '../unmodeled';
import { checkOutput, dryRunStrategy, printObject, PrintFlagError, type DryRun } from '../print-flags';

export const PAIR_VERB_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'resource-version', type: 'string' },
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

/** What differs between label and annotate. */
export interface PairVerb {
  verb: 'label' | 'annotate';
  /** `label` / `annotation`, in messages. */
  noun: string;
  field: 'labels' | 'annotations';
  /** Splits KEY=VAL / KEY- arguments, or throws an Error with kubectl's message. */
  parse(pairs: string[]): { add: Map<string, string>; remove: string[] };
  /** validateNoOverwrites: the errors for keys that exist while --overwrite is false. */
  overwriteErrors(current: Record<string, string>, add: Map<string, string>): string[];
  /** The operation printed after `pod/web` (label: labeled/unlabeled/not labeled). */
  operation(oldObj: KubeObject, newObj: KubeObject, overwrite: boolean): string;
  /** label prints the object it changed locally; annotate prints what the server returned. */
  printsServerObject: boolean;
}

const LABEL: PairVerb = {
  verb: 'label',
  noun: 'label',
  field: 'labels',
  parse(pairs) {
    const add = new Map<string, string>();
    const remove: string[] = [];
    for (const spec of pairs) {
      if (spec.includes('=')) {
        const parts = spec.split('=');
        if (parts.length !== 2) throw new Error(`invalid label spec: ${spec}`);
        const errs = isValidLabelValue(parts[1]);
        if (errs.length) throw new Error(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
        add.set(parts[0], parts[1]);
      } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
      else throw new Error(`unknown label spec: ${spec}`);
    }
    if (remove.some((k) => add.has(k))) throw new Error('can not both modify and remove a label in the same command');
    return { add, remove };
  },
  overwriteErrors(current, add) {
    return [...add.keys()].filter((k) => k in current).map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
  },
  operation(oldObj, newObj, overwrite) {
    if (stableEqual(oldObj, newObj)) return 'not labeled';
    // kubectl compares the lengths of the two JSON encodings: a shorter object was "unlabeled".
    return !overwrite && JSON.stringify(newObj).length < JSON.stringify(oldObj).length ? 'unlabeled' : 'labeled';
  },
  printsServerObject: false,
};

export function* label(args: string[], ctx: KubectlCtx): CmdGen {
  return runPairVerb(LABEL, args, ctx);
}

/** GetResourcesAndPairs: resources first, then KEY=VAL / KEY- pairs. */
function splitResourcesAndPairs(args: string[], noun: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length) throw new Error(`all resources must be specified before ${noun} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

export function runPairVerb(v: PairVerb, args: string[], ctx: KubectlCtx): number {
  const { flags, positional, set } = parseFlags(args, PAIR_VERB_FLAGS, v.verb);
  const io = ctx.io;
  const refusal = unmodeledFlag(v.verb, flags, set, BUILDER_VERB_RULES);
  if (refusal) {
    io.err(refusal);
    return 1;
  }
  const fail = (msg: string) => {
    io.err(`error: ${msg}\n`);
    return 1;
  };
  const output = flags.output as string | undefined;
  let dry: DryRun;
  let resources: string[];
  let add: Map<string, string>;
  let remove: string[];
  try {
    dry = dryRunStrategy(flags['dry-run']);
    checkOutput(output);
    ({ resources, pairs: args } = splitResourcesAndPairs(positional, v.noun));
    ({ add, remove } = v.parse(args));
  } catch (e) {
    if (e instanceof PrintFlagError) {
      io.err(e.message + '\n');
      return 1;
    }
    return fail((e as Error).message);
  }
  const list = !!flags.list;
  if (list && output) return fail('--list and --output may not be specified together');
  if (flags.all && flags.selector !== undefined) return fail('cannot set --all and --selector at the same time');
  if (flags.all && flags['field-selector'] !== undefined) return fail('cannot set --all and --field-selector at the same time');
  const files = (flags.filename as string[] | undefined) ?? [];
  if (flags.local) return fail(`--local is not available in Pod Lab: ${v.verb} works on the cluster's objects`);
  if (!resources.length && !files.length) return fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (!add.size && !remove.length && !list) return fail(`at least one ${v.noun} update is required`);
  if (flags['field-selector'] !== undefined) return fail('--field-selector is not available in Pod Lab for this command; use -l');

  const sel = selectObjects(ctx, {
    args: resources,
    namespace: flags.namespace as string | undefined,
    selector: flags.selector as string | undefined,
    all: !!flags.all,
    allNamespaces: !!flags['all-namespaces'],
    filenames: files,
    recursive: !!flags.recursive,
  });
  if (sel.fatal) {
    io.err(sel.fatal + '\n');
    return 1;
  }
  if (!sel.single && flags['resource-version'] !== undefined) return fail('--resource-version may only be used with a single resource');
  const errors: unknown[] = [...sel.errors];
  const overwrite = !!flags.overwrite;
  for (const { obj } of sel.items) {
    const before = structuredClone(obj);
    const current = { ...(obj.metadata?.[v.field] ?? {}) } as Record<string, string>;
    const server = dry !== 'client' && !list;
    // Removing a key that is not there is only reported on the way to the server.
    if (server && v.verb === 'label') for (const k of remove) if (!(k in current)) io.out(`label ${JSON.stringify(k)} not found.\n`);
    if (!overwrite) {
      const errs = v.overwriteErrors(current, add);
      if (errs.length) {
        errors.push(...errs);
        continue;
      }
    }
    for (const [k, val] of add) current[k] = val;
    for (const k of remove) delete current[k];
    const after = structuredClone(obj);
    after.metadata = { ...after.metadata, [v.field]: current };
    if (flags['resource-version'] !== undefined) after.metadata.resourceVersion = flags['resource-version'] as string;
    const operation = v.operation(before, after, overwrite);
    let printed = after;
    if (server) {
      try {
        const sent = withoutEmpty(after, v.field);
        const result = stableEqual(withoutEmpty(before, v.field), sent) ? before : ctx.cluster.api.update(sent, { dryRun: dry === 'server' });
        if (v.printsServerObject) printed = result;
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        errors.push(e);
        continue;
      }
    }
    if (list) {
      const entries = Object.entries(printed.metadata?.[v.field] ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const indent = sel.single ? '' : ' ';
      if (!sel.single) io.out(`Listing ${v.noun}s for ${printed.kind}./${printed.metadata?.name}:\n`);
      for (const [k, val] of entries) io.out(`${indent}${k}=${val}\n`);
      continue;
    }
    try {
      io.out(printObject(printed, operation, { output, dryRun: dry }));
    } catch (e) {
      if (e instanceof PrintFlagError) errors.push(new Error(e.message.replace(/^error: /, '')));
      else throw e;
    }
  }
  if (errors.length) {
    io.err(renderKubectlErrors(errors.map((err) => ({ err }))) + '\n');
    return 1;
  }
  return 0;
}

/** A merge patch that empties the map leaves `labels: {}`; the server stores no empty map. */
function withoutEmpty(o: KubeObject, field: 'labels' | 'annotations'): KubeObject {
  const copy = structuredClone(o);
  if (copy.metadata && Object.keys(copy.metadata[field] ?? {}).length === 0) delete copy.metadata[field];
  return copy;
}
