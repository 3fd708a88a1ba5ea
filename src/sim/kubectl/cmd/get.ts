/** `kubectl get`: tables (default, wide, --show-labels, -A), -o yaml|json|name, and -w watches. */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import { resolveResource, type ResourceInfo } from '../resources';
import { tableFor } from '../printers/resource-tables';
import { printTable, TableWatchPrinter, type TableOptions } from '../printers/table';
import { printList, toJson, toName, toYaml } from '../output';
import { parseSelector } from '../../api/selector';
import { JsonPathError, jsonPath } from '../jsonpath';
import type { KubeObject } from '../../api/types';
import { notFound } from '../../api/errors';
import { renderError } from './common';

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'show-kind', type: 'bool' },
];

const OUTPUTS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function* get(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'get');
  const io = ctx.io;
  if (!positional.length) {
    io.err(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`);
    return 1;
  }
  const output = (flags.output as string | undefined) ?? '';
  const jsonpathTpl = output.match(/^jsonpath=([\s\S]*)$/)?.[1];
  if (output && jsonpathTpl === undefined && !['wide', 'yaml', 'json', 'name'].includes(output)) {
    io.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUTS}\n`);
    return 1;
  }
  // `pods`, `pod nginx`, `pods a b`, `pod/nginx`, `po,svc`
  const targets: Array<{ res: ResourceInfo; names: string[] }> = [];
  const [first, ...names] = positional;
  if (first.includes('/')) {
    for (const p of positional) {
      const [t, n] = p.split('/');
      const res = resolveResource(t);
      if (!res) return typeError(ctx, t);
      targets.push({ res, names: [n] });
    }
  } else {
    for (const t of first.split(',')) {
      const res = resolveResource(t);
      if (!res) return typeError(ctx, t);
      targets.push({ res, names });
    }
  }
  const allNs = !!flags['all-namespaces'];
  const ns = (flags.namespace as string | undefined) ?? 'default';
  let selector;
  try {
    selector = flags.selector ? parseSelector(flags.selector as string) : undefined;
  } catch (e) {
    io.err(`error: ${(e as Error).message}\n`);
    return 1;
  }
  const cluster = ctx.cluster;
  let status = 0;
  const found: Array<{ res: ResourceInfo; objs: KubeObject[] }> = [];
  for (const t of targets) {
    const objs: KubeObject[] = [];
    if (t.names.length) {
      for (const n of t.names) {
        const o = cluster.store.get(t.res.kind, t.res.namespaced ? ns : undefined, n);
        if (o) objs.push(o);
        else {
          io.err(renderError(notFound(t.res.plural, n)) + '\n');
          status = 1;
        }
      }
    } else {
      const fieldSel = flags['field-selector'] as string | undefined;
      objs.push(...cluster.store.list(t.res.kind, t.res.namespaced && !allNs ? ns : undefined, selector).filter((o) => !fieldSel || matchesFields(o, fieldSel)));
    }
    found.push({ res: t.res, objs });
  }
  const now = cluster.now();
  const watch = !!flags.watch || !!flags['watch-only'];
  const multi = targets.length > 1;
  if (jsonpathTpl !== undefined) {
    const all = found.flatMap((f) => f.objs);
    const single = all.length === 1 && targets.every((t) => t.names.length === 1);
    const data = single ? all[0] : { apiVersion: 'v1', items: all, kind: 'List', metadata: { resourceVersion: '' } };
    try {
      if (all.length || !single) io.out(jsonPath(jsonpathTpl, data));
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      io.err(`error: error executing jsonpath ${JSON.stringify(jsonpathTpl)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${jsonpathTpl}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(data)}\n\n\n`);
      return 1;
    }
  } else if (output === 'yaml' || output === 'json') {
    const all = found.flatMap((f) => f.objs);
    const single = all.length === 1 && targets.every((t) => t.names.length === 1);
    if (all.length || !single) {
      if (all.length) io.out(single ? (output === 'yaml' ? toYaml(all[0]) : toJson(all[0])) : printList(all, output));
    }
  } else if (output === 'name') {
    for (const f of found) for (const o of f.objs) io.out(toName(o) + '\n');
  } else if (!(flags['watch-only'])) {
    const anyNames = targets.some((t) => t.names.length);
    let printedAny = false;
    found.forEach((f, i) => {
      if (!f.objs.length) return;
      const opts: TableOptions = { wide: output === 'wide', showLabels: !!flags['show-labels'], withNamespace: allNs && f.res.namespaced, noHeaders: !!flags['no-headers'], withKind: multi ? f.res.kind.toLowerCase() : undefined };
      const table = tableFor(f.res.plural, f.objs, now);
      if (printedAny && i > 0) io.out('\n');
      io.out(printTable(table.columns, table.rows.map((cells, j) => ({ cells, labels: f.objs[j].metadata?.labels, namespace: f.objs[j].metadata?.namespace })), opts));
      printedAny = true;
    });
    if (!printedAny && !anyNames && !watch) {
      io.err(allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
    }
  }
  if (!watch) return status;
  return yield* watchLoop(ctx, targets[0].res, targets[0].names, allNs ? undefined : ns, output, flags, found[0]?.objs ?? []);
}

function* watchLoop(ctx: KubectlCtx, res: ResourceInfo, names: string[], ns: string | undefined, output: string, flags: Record<string, unknown>, initial: KubeObject[]): CmdGen {
  const cluster = ctx.cluster;
  const opts: TableOptions & { outputWatchEvents?: boolean } = { wide: output === 'wide', showLabels: !!flags['show-labels'], withNamespace: ns === undefined && res.namespaced, noHeaders: !!flags['no-headers'], outputWatchEvents: !!flags['output-watch-events'] };
  const printer = new TableWatchPrinter(tableFor(res.plural, [], 0).columns, opts);
  const emit = (objs: KubeObject[], type: string) => {
    if (output === 'yaml') for (const o of objs) ctx.io.out(toYaml(o) + '---\n');
    else if (output === 'json') for (const o of objs) ctx.io.out(toJson(o));
    else if (output === 'name') for (const o of objs) ctx.io.out(toName(o) + '\n');
    else {
      const t = tableFor(res.plural, objs, cluster.now());
      ctx.io.out(printer.print(t.rows.map((cells, j) => ({ cells, labels: objs[j].metadata?.labels, namespace: objs[j].metadata?.namespace })), type));
    }
  };
  // The initial list was already printed by get; the watch printer must remember its widths.
  if (!flags['watch-only'] && output !== 'yaml' && output !== 'json' && output !== 'name') {
    const t = tableFor(res.plural, initial, cluster.now());
    printer.print(t.rows.map((cells, j) => ({ cells, labels: initial[j].metadata?.labels, namespace: initial[j].metadata?.namespace })), 'ADDED');
  }
  const stop = cluster.store.watch(res.kind, ns, (e) => {
    if (names.length && !names.includes(e.object.metadata?.name ?? '')) return;
    emit([e.object], e.type);
  });
  try {
    yield { op: 'until', done: () => false };
  } finally {
    stop();
  }
  return 0;
}

function typeError(ctx: KubectlCtx, t: string): number {
  ctx.io.err(`error: the server doesn't have a resource type "${t}"\n`);
  return 1;
}

/** --field-selector `a.b=v,c!=w`: equality on dotted field paths (what the API server supports per kind). */
function matchesFields(o: KubeObject, sel: string): boolean {
  return sel.split(',').every((req) => {
    const m = req.match(/^([^!=]+)(==|=|!=)(.*)$/);
    if (!m) return true;
    let v: unknown = o;
    for (const k of m[1].split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    const eq = String(v ?? '') === m[3];
    return m[2] === '!=' ? !eq : eq;
  });
}
