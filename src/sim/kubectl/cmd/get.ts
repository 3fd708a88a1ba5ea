/**
 * `kubectl get`: tables (default, wide, --show-labels, -A, `all`, several types), -o
 * yaml|json|name|jsonpath|custom-columns[-file], --sort-by, and -w watches (kubectl pkg/cmd/get).
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import { resolveResource, type ResourceInfo } from '../resources';
import { tableFor } from '../printers/resource-tables';
import { printTable, TableWatchPrinter, type TableOptions } from '../printers/table';
import { printList, toJson, toName, toYaml } from '../output';
import { matchesRequirements, parseSelector } from '../../api/selector';
import { JsonPathError, jsonPath } from '../jsonpath';
import type { KubeObject } from '../../api/types';
import { notFound } from '../../api/errors';
import { renderKubectlErrors } from '../errors';
import { objectsNamedInFiles } from '../builder';
import { matchesFieldSelector } from '../field-selector';
import { klogFatal, SortError, SortFatal, sortByField } from '../sortby';
import { columnsFromSpec, columnsFromTemplate, CustomColumnsError, printCustomColumns, type Column } from '../printers/custom-columns';

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
  const output = (flags.output as string | undefined) ?? '';
  const sortBy = (flags['sort-by'] as string | undefined) ?? '';
  const watch = !!flags.watch || !!flags['watch-only'];
  if (watch && sortBy) io.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  const filenames = (flags.filename as string[] | undefined) ?? [];
  if (!positional.length && !filenames.length) {
    io.err(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`);
    return 1;
  }
  const format = parseOutput(output);
  if (!format) {
    io.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUTS}\n`);
    return 1;
  }
  if (flags['show-labels'] && output && output !== 'wide') {
    io.err(`error: --show-labels option cannot be used with ${output} printer\n`);
    return 1;
  }
  // `pods`, `pod nginx`, `pods a b`, `pod/nginx`, `po,svc`, `all` (the category: pods and services
  // are the only kinds of the `all` category this cluster serves)
  const targets: Array<{ res: ResourceInfo; names: string[]; ns?: string; fromFile?: boolean }> = [];
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const [first = '', ...names] = positional;
  let selector;
  try {
    selector = flags.selector ? parseSelector(flags.selector as string) : undefined;
  } catch (e) {
    io.err(`error: ${(e as Error).message}\n`);
    return 1;
  }
  // -f FILE: the objects the manifests name, each fetched by name (visitByPaths).
  let singleItemImplied = false;
  if (filenames.length) {
    if (positional.length) {
      io.err('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n');
      return 1;
    }
    const named = objectsNamedInFiles(ctx, filenames, ns);
    if (named.fatal) {
      io.err(named.fatal + '\n');
      return 1;
    }
    for (const r of named.refs) targets.push({ res: r.res, names: [r.name], ns: r.ns, fromFile: true });
    singleItemImplied = named.singleItemImplied && named.refs.length === 1;
  } else if (!first.includes('/') && names.some((n) => n.includes('/'))) {
    io.err("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n");
    return 1;
  } else if (first.includes('/')) {
    for (const p of positional) {
      const [t, n] = p.split('/');
      const res = resolveResource(t);
      if (!res) return typeError(ctx, t);
      targets.push({ res, names: [n] });
    }
  } else {
    for (const t of first.split(',')) {
      const expanded = t.toLowerCase() === 'all' ? ['pods', 'services'] : [t];
      for (const e of expanded) {
        const res = resolveResource(e);
        if (!res) return typeError(ctx, t);
        if (!targets.some((x) => x.res === res)) targets.push({ res, names });
      }
    }
  }
  if (!filenames.length) singleItemImplied = targets.length === 1 && targets[0].names.length === 1;
  const allNs = !!flags['all-namespaces'];
  const cluster = ctx.cluster;
  // The builder's result: one info per listed type (a Table, possibly empty), one per named object.
  const infos: Info[] = [];
  const errors: unknown[] = [];
  for (const t of targets) {
    if (t.names.length) {
      for (const n of t.names) {
        const o = cluster.store.get(t.res.kind, t.res.namespaced ? t.ns ?? ns : undefined, n);
        // -f: the live object (RetrieveLatest), then -l filters on its labels (FilterByLabelSelector).
        // For tables kubectl fetched a server-side Table, which has no labels: nothing passes.
        if (o && t.fromFile && selector && (format.kind === 'table' || !matchesRequirements(o.metadata?.labels, selector))) continue;
        if (o) infos.push({ res: t.res, objs: [o] });
        else errors.push(notFound(t.res.plural, n));
      }
    } else {
      const fieldSel = flags['field-selector'] as string | undefined;
      infos.push({ res: t.res, objs: cluster.store.list(t.res.kind, t.res.namespaced && !allNs ? ns : undefined, selector).filter((o) => !fieldSel || matchesFieldSelector(o, fieldSel)) });
    }
  }
  const printErrors = () => {
    if (errors.length) io.err(renderKubectlErrors(errors.map((err) => ({ err }))) + '\n');
    return errors.length ? 1 : 0;
  };
  if (watch) {
    if (targets.length > 1) {
      io.err('error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n');
      return 1;
    }
    if (errors.length) return printErrors();
    const initial = infos.flatMap((i) => i.objs);
    if (!flags['watch-only']) {
      if (format.kind === 'table') printTables(ctx, infos, { ...format, sortBy: '', allNs, ns, noHeaders: !!flags['no-headers'], showLabels: !!flags['show-labels'], showKind: !!flags['show-kind'] });
      else printGeneric(ctx, infos, singleItemImplied, errors, format, '', !!flags['no-headers']);
    }
    return yield* watchLoop(ctx, targets[0].res, targets[0].names, allNs ? undefined : targets[0].ns ?? ns, output, flags, initial);
  }
  if (format.kind === 'table') {
    const r = printTables(ctx, infos, { ...format, sortBy, allNs, ns, noHeaders: !!flags['no-headers'], showLabels: !!flags['show-labels'], showKind: !!flags['show-kind'] });
    if (r === 'fatal') return 1;
    if (r === 'error') return 1;
    if (!r && !errors.length) io.err(!allNs && infos.every((i) => i.res.namespaced) ? `No resources found in ${ns} namespace.\n` : 'No resources found\n');
    return printErrors();
  }
  const status = printGeneric(ctx, infos, singleItemImplied, errors, format, sortBy, !!flags['no-headers']);
  return Math.max(status, printErrors());
}

interface Info {
  res: ResourceInfo;
  objs: KubeObject[];
}

type Format =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' | 'json' | 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; spec: string }
  | { kind: 'custom-columns-file'; file: string };

function parseOutput(output: string): Format | undefined {
  if (output === '' || output === 'wide') return { kind: 'table', wide: output === 'wide' };
  if (output === 'yaml' || output === 'json' || output === 'name') return { kind: output };
  const m = /^(jsonpath|custom-columns|custom-columns-file)=([\s\S]*)$/.exec(output);
  if (!m) return undefined;
  if (m[1] === 'jsonpath') return { kind: 'jsonpath', template: m[2] };
  if (m[1] === 'custom-columns') return { kind: 'custom-columns', spec: m[2] };
  return { kind: 'custom-columns-file', file: m[2] };
}

/**
 * The human-readable path of get.go's Run: consecutive infos of one resource share a printer and
 * a tabwriter; a blank line separates resource groups; NAME cells get `kind/` when the infos hold
 * more than one kind, or always with --show-kind (HumanPrintFlags.ShowKind). Returns whether anything was written, or 'error'/'fatal' when the sort
 * failed the command (its message already printed).
 */
function printTables(ctx: KubectlCtx, infos: Info[], o: { wide: boolean; sortBy: string; allNs: boolean; ns: string; noHeaders: boolean; showLabels: boolean; showKind: boolean }): boolean | 'error' | 'fatal' {
  const io = ctx.io;
  const now = ctx.cluster.now();
  const withKind = o.showKind || (infos.length >= 2 && infos.some((i) => i.res !== infos[0].res));
  let ordered = infos;
  if (o.sortBy && infos.length >= 2) {
    // RuntimeSorter over several server-side Tables: kubectl holds them as unstructured objects,
    // not *metav1.Table, so it sorts the Tables themselves by the field (usually absent → error).
    const rv = ctx.cluster.store.currentResourceVersion();
    try {
      ordered = sortByField(
        infos.map((i) => ({ i, apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: { resourceVersion: rv } })),
        o.sortBy,
        false,
      ).map((x) => x.i);
    } catch (e) {
      return sortFailure(ctx, e);
    }
  }
  let written = false;
  let pendingSeparator = false;
  let i = 0;
  while (i < ordered.length) {
    const res = ordered[i].res;
    const group: KubeObject[][] = [];
    while (i < ordered.length && ordered[i].res === res) group.push(ordered[i++].objs);
    if (written && !o.noHeaders) pendingSeparator = true;
    const opts: TableOptions = { wide: o.wide, showLabels: o.showLabels, withNamespace: o.allNs && res.namespaced, noHeaders: o.noHeaders, withKind: withKind ? res.kind.toLowerCase() : undefined };
    // Each info is one Table; SortingPrinter sorts the rows of a Table that has more than one.
    const rows: KubeObject[] = [];
    let failed = false;
    for (const objs of group) {
      let sorted = objs;
      if (o.sortBy && objs.length > 1) {
        try {
          sorted = sortByField(objs, o.sortBy, true);
        } catch (e) {
          if (e instanceof SortFatal) return sortFailure(ctx, e);
          // PrintObj's error is dropped by get (kubernetes/kubectl#1343): this Table prints nothing.
          failed = true;
          continue;
        }
      }
      rows.push(...sorted);
    }
    if (failed && !rows.length) continue;
    const table = tableFor(res.plural, rows, now);
    const text = printTable(table.columns, table.rows.map((cells, j) => ({ cells, labels: rows[j].metadata?.labels, namespace: rows[j].metadata?.namespace })), opts);
    if (text) {
      io.out((pendingSeparator ? '\n' : '') + text);
      pendingSeparator = false;
      written = true;
    }
  }
  return written;
}

function sortFailure(ctx: KubectlCtx, e: unknown): 'error' | 'fatal' {
  if (e instanceof SortFatal) {
    ctx.io.err(klogFatal(ctx.cluster.now(), KUBECTL_PID, `sorter.go:${e.line}`, e.message));
    return 'fatal';
  }
  if (e instanceof SortError || e instanceof JsonPathError) {
    ctx.io.err(`error: ${e.message}\n`);
    return 'error';
  }
  throw e;
}

/** The pid in kubectl's klog lines (one kubectl process per command; any plausible number). */
const KUBECTL_PID = 4242;

/**
 * get.go printGeneric: -o yaml|json|name|jsonpath|custom-columns. Several objects (or a listed
 * type) become one v1 List; a single named object prints alone. --sort-by sorts the List.
 */
function printGeneric(ctx: KubectlCtx, infos: Info[], singleItemImplied: boolean, errors: unknown[], format: Format, sortBy: string, noHeaders: boolean): number {
  const io = ctx.io;
  if (singleItemImplied && errors.length) return 0; // the caller prints the NotFound error
  let columns: Column[] | undefined;
  try {
    if (format.kind === 'custom-columns') columns = columnsFromSpec(format.spec);
    if (format.kind === 'custom-columns-file') {
      const text = ctx.files.read(format.file);
      if (text === undefined) {
        const why = ctx.files.isDir(format.file) ? 'is a directory' : 'no such file or directory';
        throw new CustomColumnsError(`error reading template ${format.file}, ${ctx.files.isDir(format.file) ? 'read' : 'open'} ${format.file}: ${why}`);
      }
      columns = columnsFromTemplate(text);
    }
  } catch (e) {
    if (!(e instanceof CustomColumnsError)) throw e;
    errors.length = 0;
    io.err(`error: ${e.message}\n`);
    return 1;
  }
  let items = infos.flatMap((i) => i.objs);
  const single = singleItemImplied && items.length === 1;
  if (!single && sortBy && items.length) {
    try {
      items = sortByField(items, sortBy, false);
    } catch (e) {
      const r = sortFailure(ctx, e);
      if (r === 'fatal') errors.length = 0;
      return 1;
    }
  }
  const list = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  switch (format.kind) {
    case 'yaml':
    case 'json':
      io.out(single ? (format.kind === 'yaml' ? toYaml(items[0]) : toJson(items[0])) : printList(items, format.kind));
      return 0;
    case 'name':
      for (const o of items) io.out(toName(o) + '\n');
      return 0;
    case 'jsonpath':
      try {
        io.out(jsonPath(format.template, single ? items[0] : list));
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        const data = single ? items[0] : list;
        io.err(`error: error executing jsonpath ${JSON.stringify(format.template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${format.template}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(data)}\n\n\n`);
        return 1;
      }
      return 0;
    default: {
      const r = printCustomColumns(columns!, items, noHeaders);
      io.out(r.text);
      if (r.error) {
        io.err(`error: ${r.error}\n`);
        return 1;
      }
      return 0;
    }
  }
}

function* watchLoop(ctx: KubectlCtx, res: ResourceInfo, names: string[], ns: string | undefined, output: string, flags: Record<string, unknown>, initial: KubeObject[]): CmdGen {
  const cluster = ctx.cluster;
  const opts: TableOptions & { outputWatchEvents?: boolean } = { wide: output === 'wide', showLabels: !!flags['show-labels'], withNamespace: ns === undefined && res.namespaced, noHeaders: !!flags['no-headers'], outputWatchEvents: !!flags['output-watch-events'], withKind: flags['show-kind'] ? res.kind.toLowerCase() : undefined };
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
