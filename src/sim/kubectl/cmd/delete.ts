/**
 * `kubectl delete` by -f, TYPE NAME..., TYPE/NAME..., or TYPE[,TYPE] with --all / -l /
 * --field-selector: prints `pod "x" deleted` per object (types in the order given, objects by
 * name), then (with --wait) waits until every one is gone. --now, --grace-period, --force and
 * --ignore-not-found with kubectl v1.32's rules and errors.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { FlagError, parseFlags, type FlagSpec } from '../flags';
import { goDurationError, parseGoDuration } from '../duration-flag';
import { readSources } from '../sources';
import { decodeManifest } from '../../api/decode';
import { resolveResource, resourceForKind, type ResourceInfo } from '../resources';
import { parseSelector } from '../../api/selector';
import { matchesFieldSelector } from '../field-selector';
import { CLUSTER_SCOPED } from '../../api/store';
import { renderError } from './common';
import { notFound, StatusError } from '../../api/errors';
import { dryRunStrategy, dryRunSuffix, PrintFlagError, type DryRun } from '../print-flags';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool' },
  { name: 'wait', type: 'bool', default: true },
  { name: 'now', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'cascade', type: 'string' },
];

export function* del(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'delete');
  const io = ctx.io;
  const nsFlag = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  let grace = flags['grace-period'] as number;
  const force = !!flags.force;
  // --timeout is a duration flag: pflag rejects a bad value before anything runs.
  const rawTimeout = (flags.timeout as string | undefined) ?? '0s';
  const ms = parseGoDuration(rawTimeout);
  if (ms === undefined) throw new FlagError(`Error: invalid argument "${rawTimeout}" for "--timeout" flag: ${goDurationError(rawTimeout)}\nSee 'kubectl delete --help' for usage.`);
  // DeleteOptions.Complete/Validate, in kubectl's order.
  let dry: DryRun;
  try {
    dry = dryRunStrategy(flags['dry-run']);
  } catch (e) {
    if (!(e instanceof PrintFlagError)) throw e;
    io.err(e.message + '\n');
    return 1;
  }
  // GetCascadingFlag: this cluster's objects have no dependents (no owner references to follow),
  // so background, foreground and orphan delete alike; the values are still kubectl's.
  const cascade = (flags.cascade as string | undefined) ?? 'background';
  if (cascade === 'true' || cascade === 'false') io.err(`warning: --cascade=${cascade} is deprecated (boolean value) and can be replaced with --cascade=${cascade === 'true' ? 'background' : 'orphan'}.\n`);
  else if (!['background', 'foreground', 'orphan'].includes(cascade)) {
    io.err(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"\n`);
    return 1;
  }
  if (flags.now) {
    if (grace !== -1) {
      io.err('error: --now and --grace-period cannot be specified together\n');
      return 1;
    }
    grace = 1;
  }
  if (force && grace > 0) {
    io.err('error: --force and --grace-period greater than 0 cannot be specified together\n');
    return 1;
  }
  if (force && grace < 0) grace = 0;
  // --grace-period=0 without --force means "as fast as possible", which the API reads as 1 second.
  if (grace === 0 && !force) grace = 1;
  if (force && grace === 0) io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const targets: Array<{ kind: string; ns?: string; name: string; source?: string }> = [];
  let status = 0;
  const files = (flags.filename as string[] | undefined) ?? [];
  if (files.length) {
    const { sources, errors } = readSources(ctx, files);
    for (const e of errors) io.err(e + '\n');
    if (errors.length) status = 1;
    for (const s of sources)
      for (const d of s.docs) {
        const dec = decodeManifest(d);
        if ('error' in dec) {
          io.err(renderError(dec.error, s.name, 'deleting') + '\n');
          status = 1;
          continue;
        }
        const o = dec.object;
        targets.push({ kind: o.kind!, ns: CLUSTER_SCOPED.has(o.kind!) ? undefined : o.metadata?.namespace ?? nsFlag, name: o.metadata!.name!, source: s.name });
      }
  } else {
    if (!positional.length) {
      io.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
      return 1;
    }
    const [type, ...names] = positional;
    const selector = flags.selector as string | undefined;
    const fieldSel = flags['field-selector'] as string | undefined;
    if (flags.all && (selector || fieldSel)) {
      io.err("error: setting 'all' parameter but found a non empty selector. \n");
      return 1;
    }
    const slashed = positional.every((p) => p.includes('/'));
    if (slashed) {
      if (selector || flags.all) {
        io.err('error: name cannot be provided when a selector is specified\n');
        return 1;
      }
      for (const p of positional) {
        const [t, n] = p.split('/');
        const res = resolveResource(t);
        if (!res) {
          io.err(`error: the server doesn't have a resource type "${t}"\n`);
          return 1;
        }
        targets.push({ kind: res.kind, ns: res.namespaced ? nsFlag : undefined, name: n });
      }
    } else {
      if (names.some((n) => n.includes('/'))) {
        io.err("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n");
        return 1;
      }
      const types: ResourceInfo[] = [];
      for (const t of type.split(',')) {
        const res = resolveResource(t);
        if (!res) {
          io.err(`error: the server doesn't have a resource type "${t}"\n`);
          return 1;
        }
        types.push(res);
      }
      const bySelector = !!flags.all || selector !== undefined || fieldSel !== undefined;
      if (names.length && bySelector) {
        io.err('error: name cannot be provided when a selector is specified\n');
        return 1;
      }
      if (!names.length && !bySelector) {
        io.err('error: resource(s) were provided, but no name was specified\n');
        return 1;
      }
      let sel;
      try {
        sel = selector ? parseSelector(selector) : undefined;
      } catch (e) {
        io.err(`error: ${(e as Error).message}\n`);
        return 1;
      }
      const allNs = !!flags['all-namespaces'];
      for (const res of types) {
        if (names.length) for (const n of names) targets.push({ kind: res.kind, ns: res.namespaced ? nsFlag : undefined, name: n });
        else
          for (const o of ctx.cluster.store.list(res.kind, res.namespaced && !allNs ? nsFlag : undefined, sel).filter((o) => !fieldSel || matchesFieldSelector(o, fieldSel)))
            targets.push({ kind: res.kind, ns: o.metadata?.namespace, name: o.metadata!.name! });
      }
      if (bySelector && !targets.length) {
        io.out('No resources found\n');
        return 0;
      }
    }
  }
  // The visitor continues past errors and returns them together at the end; with any error
  // kubectl skips the wait for the objects it did delete.
  const deleted: typeof targets = [];
  const failures: Array<{ err: unknown; ctx: { source?: string; verb: 'deleting' } }> = [];
  for (const t of targets) {
    const res = resourceForKind(t.kind)!;
    try {
      // A dry run deletes nothing: the client one only prints, the server one still answers NotFound.
      if (dry === 'none') ctx.cluster.api.delete(t.kind, t.ns, t.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, force });
      else if (!ctx.cluster.store.get(t.kind, t.ns, t.name)) throw notFound(res.plural, t.name);
      io.out(flags.output === 'name' ? `${res.singular}/${t.name}\n` : `${res.singular} "${t.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dry)}\n`);
      if (dry === 'none') deleted.push(t);
    } catch (e) {
      if (flags['ignore-not-found'] && e instanceof StatusError && e.reason === 'NotFound') continue;
      failures.push({ err: e, ctx: { source: t.source, verb: 'deleting' } });
    }
  }
  if (failures.length) {
    io.err(failures.map((f) => renderError(f.err, f.ctx.source, 'deleting')).join('\n') + '\n');
    return 1;
  }
  if (status === 0 && flags.wait !== false && !(force && grace === 0)) {
    const store = ctx.cluster.store;
    // --timeout bounds the wait (0, the default, means a week); objects are waited for in turn.
    const deadline = ctx.cluster.now() + (ms > 0 ? ms : 168 * 3600_000);
    for (const t of deleted) {
      const uid = store.peek(t.kind, t.ns, t.name)?.metadata?.uid;
      const gone = () => !uid || store.peek(t.kind, t.ns, t.name)?.metadata?.uid !== uid;
      if (!gone()) yield { op: 'until', done: gone, deadline };
      if (!gone()) {
        io.err(`error: timed out waiting for the condition on ${resourceForKind(t.kind)!.plural}/${t.name}\n`);
        return 1;
      }
    }
  }
  return status;
}
