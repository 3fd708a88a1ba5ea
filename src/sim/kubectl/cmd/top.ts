/**
 * `kubectl top pod|node` (kubectl pkg/cmd/top, pkg/metricsutil/metrics_printer.go, v1.32):
 * usage from the simulated metrics-server (../metrics.ts), CPU as `3m`, memory as `12Mi`
 * (Value / 2^20, truncated), node shares as `4%`. Every cell is written with a trailing tab, so
 * kubectl's lines end in padding — kept. Pods younger than two minutes without metrics give
 * "metrics not available yet"; older ones "Metrics not available for pod ns/name, age: ...".
 */
import { matchesFieldSelector } from '../field-selector';
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import { contextNamespace } from '../kubeconfig';
import { parseSelector } from '../../api/selector';
import type { Node, Pod } from '../../api/types';
import { StatusError } from '../../api/errors';
import { renderError } from './common';
import { newTableTabWriter } from '../printers/tabwriter';
import { nodeUsage, podUsage, type PodUsage } from '../metrics';
import { goDurationStringNs } from '../printers/duration';
import { parseQ, milliValue, value } from '../describe/quantity';

const POD_FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'containers', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sum', type: 'bool' },
  // How kubectl talks to the metrics API (protobuf or JSON); the answer is the same either way.
  { name: 'use-protocol-buffers', type: 'bool', default: true },
];

const NODE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'show-capacity', type: 'bool' },
  { name: 'use-protocol-buffers', type: 'bool', default: true },
];

/** metricsCreationDelay: a pod this young may simply not have been scraped yet. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

const cell = (v: string | number) => `${v}\t`;
const cpu = (milli: number) => `${milli}m`;
const mem = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))}Mi`;

export function* top(args: string[], ctx: KubectlCtx): CmdGen {
  const [sub, ...rest] = args;
  if (sub === 'pod' || sub === 'pods' || sub === 'po') return topPod(rest, ctx);
  if (sub === 'node' || sub === 'nodes' || sub === 'no') return topNode(rest, ctx);
  if (sub === undefined || sub.startsWith('-')) {
    ctx.io.out('Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 1;
  }
  ctx.io.err(`error: unknown command "${sub}"\nSee 'kubectl top -h' for help and examples\n`);
  return 1;
}

function topPod(args: string[], ctx: KubectlCtx): number {
  const { flags, positional } = parseFlags(args, POD_FLAGS, 'top pod');
  const io = ctx.io;
  const sortBy = (flags['sort-by'] as string | undefined) ?? '';
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') {
    io.err('error: --sort-by accepts only cpu or memory\n');
    return 1;
  }
  const name = positional[0] ?? '';
  const selector = (flags.selector as string | undefined) ?? '';
  if (name && selector) {
    io.err('error: only one of NAME or --selector can be provided\n');
    return 1;
  }
  const allNs = !!flags['all-namespaces'];
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const cluster = ctx.cluster;
  let pods: Pod[];
  let metrics: PodUsage[];
  if (name) {
    const pod = cluster.store.get('Pod', ns, name) as unknown as Pod | undefined;
    const m = pod && podUsage(cluster, pod);
    if (!m) {
      io.err(renderError(new StatusError('NotFound', `podmetrics.metrics.k8s.io "${ns}/${name}" not found`, 404)) + '\n');
      return 1;
    }
    pods = [pod!];
    metrics = [m];
  } else {
    let sel;
    try {
      sel = selector ? parseSelector(selector) : undefined;
    } catch (e) {
      io.err(`error: ${(e as Error).message}\n`);
      return 1;
    }
    // --field-selector narrows the PodMetrics list (and the pods checked for missing metrics).
    const fieldSel = flags['field-selector'] as string | undefined;
    pods = (cluster.store.list('Pod', allNs ? undefined : ns, sel) as unknown as Pod[]).filter((p) => !fieldSel || matchesFieldSelector(p as never, fieldSel));
    metrics = pods.map((p) => podUsage(cluster, p)).filter((m): m is PodUsage => !!m);
  }
  if (!metrics.length) {
    // verifyEmptyMetrics: an old pod without metrics is a real problem; young ones just wait.
    const now = cluster.now();
    for (const p of pods) {
      const age = now - Date.parse(p.metadata?.creationTimestamp ?? '');
      if (age > METRICS_CREATION_DELAY_MS) {
        io.err(`error: Metrics not available for pod ${p.metadata?.namespace}/${p.metadata?.name}, age: ${goDurationStringNs(BigInt(age) * 1_000_000n)}\n`);
        return 1;
      }
    }
    if (pods.length) {
      io.err('error: metrics not available yet\n');
      return 1;
    }
    io.err(allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
    return 0;
  }
  const containers = !!flags.containers;
  const noHeaders = !!flags['no-headers'];
  const w = newTableTabWriter();
  let text = '';
  let columnWidth = 3;
  if (!noHeaders) {
    if (allNs) {
      text += cell('NAMESPACE');
      columnWidth++;
    }
    if (containers) {
      text += cell('POD');
      columnWidth++;
    }
    text += ['NAME', 'CPU(cores)', 'MEMORY(bytes)'].map(cell).join('') + '\n';
  }
  const total = (m: PodUsage, k: 'cpuMilli' | 'memoryBytes') => m.containers.reduce((n, c) => n + c[k], 0);
  const bySort = <T>(list: T[], get: (x: T, k: 'cpuMilli' | 'memoryBytes') => number, name: (x: T) => string) =>
    [...list].sort((a, b) => (sortBy ? get(b, sortBy === 'cpu' ? 'cpuMilli' : 'memoryBytes') - get(a, sortBy === 'cpu' ? 'cpuMilli' : 'memoryBytes') : 0) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  const sorted = bySort(metrics, total, (m) => (allNs ? `${m.namespace}/${m.name}` : m.name));
  for (const m of sorted) {
    if (containers) {
      for (const c of bySort(m.containers, (x, k) => x[k], (x) => x.name)) text += (allNs ? cell(m.namespace) : '') + cell(m.name) + cell(c.name) + cell(cpu(c.cpuMilli)) + cell(mem(c.memoryBytes)) + '\n';
    } else text += (allNs ? cell(m.namespace) : '') + cell(m.name) + cell(cpu(total(m, 'cpuMilli'))) + cell(mem(total(m, 'memoryBytes'))) + '\n';
  }
  if (flags.sum) {
    const blank = cell('').repeat(Math.max(0, columnWidth - 2));
    text += blank + cell('________') + cell('________') + '\n';
    text += blank + cell(cpu(sorted.reduce((n, m) => n + total(m, 'cpuMilli'), 0))) + cell(mem(sorted.reduce((n, m) => n + total(m, 'memoryBytes'), 0))) + '\n';
  }
  w.write(text);
  w.flush();
  io.out(w.takeOutput());
  return 0;
}

function topNode(args: string[], ctx: KubectlCtx): number {
  const { flags, positional } = parseFlags(args, NODE_FLAGS, 'top node');
  const io = ctx.io;
  const sortBy = (flags['sort-by'] as string | undefined) ?? '';
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') {
    io.err('error: --sort-by accepts only cpu or memory\n');
    return 1;
  }
  const cluster = ctx.cluster;
  let nodes: Node[];
  if (positional[0]) {
    const n = cluster.store.get('Node', undefined, positional[0]) as unknown as Node | undefined;
    if (!n) {
      io.err(renderError(new StatusError('NotFound', `nodemetrics.metrics.k8s.io "${positional[0]}" not found`, 404)) + '\n');
      return 1;
    }
    nodes = [n];
  } else {
    let sel;
    try {
      sel = flags.selector ? parseSelector(flags.selector as string) : undefined;
    } catch (e) {
      io.err(`error: ${(e as Error).message}\n`);
      return 1;
    }
    nodes = cluster.store.list('Node', undefined, sel) as unknown as Node[];
  }
  if (!nodes.length) {
    io.err('No resources found\n');
    return 0;
  }
  const rows = nodes.map((n) => ({ n, u: nodeUsage(cluster, n) }));
  if (sortBy) rows.sort((a, b) => (sortBy === 'cpu' ? b.u.cpuMilli - a.u.cpuMilli : b.u.memoryBytes - a.u.memoryBytes));
  let text = flags['no-headers'] ? '' : ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'].map(cell).join('') + '\n';
  for (const { n, u } of rows) {
    const avail = (flags['show-capacity'] ? n.status?.capacity : n.status?.allocatable) ?? {};
    const cpuAvail = milliValue(parseQ(avail.cpu as string));
    // MilliValue of memory: bytes × 1000, so the share is the same ratio.
    const memAvail = value(parseQ(avail.memory as string));
    text += cell(n.metadata!.name!) + cell(cpu(u.cpuMilli)) + cell(`${Math.trunc((u.cpuMilli / cpuAvail) * 100)}%`) + cell(mem(u.memoryBytes)) + cell(`${Math.trunc((u.memoryBytes / memAvail) * 100)}%`) + '\n';
  }
  const w = newTableTabWriter();
  w.write(text);
  w.flush();
  io.out(w.takeOutput());
  return 0;
}
