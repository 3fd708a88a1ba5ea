/** `kubectl delete` by -f or TYPE NAME: prints `pod "x" deleted`, then (with --wait) waits until the object is gone. */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import { readSources } from '../sources';
import { decodeManifest } from '../../api/decode';
import { resolveResource, resourceForKind } from '../resources';
import { CLUSTER_SCOPED } from '../../api/store';
import { renderError } from './common';

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
];

export function* del(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'delete');
  const io = ctx.io;
  const nsFlag = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  let grace = flags['grace-period'] as number;
  if (flags.now) grace = 1;
  const force = !!flags.force;
  if (force && grace > 0) io.err('warning: --force is ignored because --grace-period is not 0.\n');
  if (force && grace < 0) grace = 0;
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
    let [type, ...names] = positional;
    const slashed = positional.every((p) => p.includes('/'));
    if (slashed) {
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
      const res = resolveResource(type);
      if (!res) {
        io.err(`error: the server doesn't have a resource type "${type}"\n`);
        return 1;
      }
      if (flags.all) names = ctx.cluster.store.list(res.kind, res.namespaced ? nsFlag : undefined).map((o) => o.metadata!.name!);
      if (!names.length && !flags.all) {
        io.err(`error: resource(s) were provided, but no name was specified\n`);
        return 1;
      }
      for (const n of names) targets.push({ kind: res.kind, ns: res.namespaced ? nsFlag : undefined, name: n });
    }
  }
  const deleted: typeof targets = [];
  for (const t of targets) {
    const res = resourceForKind(t.kind)!;
    try {
      ctx.cluster.api.delete(t.kind, t.ns, t.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, force });
      io.out(flags.output === 'name' ? `${res.singular}/${t.name}\n` : `${res.singular} "${t.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}\n`);
      deleted.push(t);
    } catch (e) {
      if (flags['ignore-not-found']) continue;
      io.err(renderError(e, t.source, 'deleting') + '\n');
      status = 1;
    }
  }
  if (flags.wait !== false && !(force && grace === 0)) {
    const store = ctx.cluster.store;
    yield { op: 'until', done: () => deleted.every((t) => !store.peek(t.kind, t.ns, t.name)) };
  }
  return status;
}
