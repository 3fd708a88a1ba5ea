/**
 * `kubectl api-resources` and `kubectl api-versions`: what the simulated API server's discovery
 * (/api/v1) announces — the core v1 resources Pod Lab serves, with the short names, verbs and
 * categories kube-apiserver v1.32 gives them. Layout and filters follow kubectl's apiresources.go.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import { newTableTabWriter } from '../printers/tabwriter';

export interface DiscoveredResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** /api/v1's APIResourceList, alphabetical as kube-apiserver serves it (subresources left out). */
export const CORE_V1_RESOURCES: DiscoveredResource[] = [
  { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ALL_VERBS, shortNames: ['cm'] },
  { name: 'endpoints', singularName: 'endpoints', namespaced: true, kind: 'Endpoints', verbs: ALL_VERBS, shortNames: ['ep'] },
  { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: ALL_VERBS, shortNames: ['ev'] },
  // Namespaces cannot be deleted as a collection.
  { name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['ns'] },
  { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: ALL_VERBS, shortNames: ['no'] },
  { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ALL_VERBS, shortNames: ['po'], categories: ['all'] },
  { name: 'secrets', singularName: 'secret', namespaced: true, kind: 'Secret', verbs: ALL_VERBS },
  { name: 'serviceaccounts', singularName: 'serviceaccount', namespaced: true, kind: 'ServiceAccount', verbs: ALL_VERBS, shortNames: ['sa'] },
  { name: 'services', singularName: 'service', namespaced: true, kind: 'Service', verbs: ALL_VERBS, shortNames: ['svc'], categories: ['all'] },
];

const FLAGS: FlagSpec[] = [
  { name: 'api-group', type: 'string', default: '' },
  { name: 'cached', type: 'bool', default: false },
  { name: 'categories', type: 'strings', default: [] },
  { name: 'namespaced', type: 'bool', default: true },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'verbs', type: 'strings', default: [] },
];

/** pflag string slices: `--verbs=get,list --verbs watch` → [get, list, watch]. */
const slice = (v: unknown) => (v as string[]).flatMap((s) => s.split(',')).filter(Boolean);

export function* apiResources(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional, set } = parseFlags(args, FLAGS, 'api-resources');
  const io = ctx.io;
  if (positional.length) {
    io.err(`error: unexpected arguments: [${positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples\n`);
    return 1;
  }
  const output = flags.output as string;
  if (!['', 'wide', 'name'].includes(output)) {
    io.err(`error: --output ${output} is not available\n`);
    return 1;
  }
  const sortBy = flags['sort-by'] as string;
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') {
    io.err('error: --sort-by accepts only name or kind\n');
    return 1;
  }
  const group = flags['api-group'] as string;
  const verbs = slice(flags.verbs);
  const categories = slice(flags.categories);
  let rows = CORE_V1_RESOURCES.filter(
    (r) =>
      // Every resource Pod Lab serves is in the core group (""), which no --api-group value names.
      group === '' &&
      (!set.has('namespaced') || r.namespaced === flags.namespaced) &&
      verbs.every((v) => r.verbs.includes(v)) &&
      categories.every((c) => r.categories?.includes(c)),
  );
  if (sortBy) rows = [...rows].sort((a, b) => (sortBy === 'name' ? cmp(a.name, b.name) : cmp(a.kind, b.kind)));
  if (output === 'name') {
    io.out(rows.map((r) => r.name + '\n').join(''));
    return 0;
  }
  const w = newTableTabWriter();
  const wide = output === 'wide';
  if (!flags['no-headers']) w.write(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t') + '\n');
  for (const r of rows) {
    const cells = [r.name, (r.shortNames ?? []).join(','), 'v1', String(r.namespaced), r.kind];
    if (wide) cells.push(r.verbs.join(','), (r.categories ?? []).join(','));
    w.write(cells.join('\t') + '\n');
  }
  w.flush();
  io.out(w.takeOutput());
  return 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `kubectl api-versions`: every group/version the server serves, sorted. */
export function* apiVersions(args: string[], ctx: KubectlCtx): CmdGen {
  const { positional } = parseFlags(args, [], 'api-versions');
  if (positional.length) {
    ctx.io.err(`error: unexpected arguments: [${positional.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples\n`);
    return 1;
  }
  ctx.io.out('v1\n');
  return 0;
}
