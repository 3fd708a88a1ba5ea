/**
 * `kubectl logs` (FIDELITY §17; kubectl pkg/cmd/logs, polymorphichelpers/logsforobject.go):
 * POD or pod/NAME or -l SELECTOR, the default container, -c, --all-containers, --prefix,
 * --previous, --tail (10 by default with -l), --since, --since-time, --timestamps,
 * --limit-bytes, -f (several streams followed together, bounded by --max-log-requests), and the
 * kubelet's filtering and errors for each container instance.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec, FlagError } from '../flags';
import type { Pod } from '../../api/types';
import { notFound, StatusError } from '../../api/errors';
import { resolveResource } from '../resources';
import { goSort } from '../printers/gosort';
import { defaultContainer, findPod, renderError } from './common';
import type { LogLine } from '../../runtime/cri';
import { parseSelector } from '../../api/selector';
import { goDurationError, parseGoDuration } from '../duration-flag';

const FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'timestamps', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'since-time', type: 'string' },
  { name: 'limit-bytes', type: 'int', default: 0 },
  { name: 'all-containers', type: 'bool' },
  { name: 'prefix', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'max-log-requests', type: 'int', default: 5 },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string' },
];

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
const usageError = (msg: string) => `error: ${msg}\nSee 'kubectl logs -h' for help and examples\n`;
/** The tail kubectl asks for when logs are selected by label (selectorTail). */
const SELECTOR_TAIL = 10;

/** One log request: a container of a pod (the map kubectl builds in logsForObject). */
interface Request {
  pod: Pod;
  container: string;
}

/** The kubelet's PodLogOptions after kubectl filled them in. */
interface LogOptions {
  previous: boolean;
  timestamps: boolean;
  tail?: number;
  sinceMs?: number;
  limitBytes?: number;
}

export function* logs(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional, set } = parseFlags(args, FLAGS, 'logs');
  const io = ctx.io;
  const selector = (flags.selector as string | undefined) ?? '';
  if (positional.length === 0 && !selector) {
    io.err(usageError(USAGE));
    return 1;
  }
  if (positional.length === 1 && selector) {
    io.err(usageError('only a selector (-l) or a POD name is allowed'));
    return 1;
  }
  if (positional.length > 2) {
    io.err(usageError(USAGE));
    return 1;
  }
  const cluster = ctx.cluster;
  const now = cluster.now();
  // ToLogOptions, then Validate, in kubectl's order.
  const opts: LogOptions = { previous: !!flags.previous, timestamps: !!flags.timestamps };
  const sinceTime = (flags['since-time'] as string | undefined) ?? '';
  let sinceSeconds = 0;
  if (set.has('since')) {
    const d = parseGoDuration(flags.since as string);
    if (d === undefined) throw new FlagError(`Error: invalid argument "${flags.since}" for "--since" flag: ${goDurationError(flags.since as string)}\nSee 'kubectl logs --help' for usage.`);
    sinceSeconds = Math.round(d / 1000);
  }
  if (sinceTime) {
    const t = parseRFC3339(sinceTime);
    if (t === undefined) {
      io.err(`error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"\n`);
      return 1;
    }
    opts.sinceMs = t;
  }
  const tail = flags.tail as number;
  if (selector && tail === -1 && !set.has('tail')) opts.tail = SELECTOR_TAIL;
  else if (tail !== -1) opts.tail = tail;
  const limitBytes = flags['limit-bytes'] as number;
  if (limitBytes) opts.limitBytes = limitBytes;
  const container = (flags.container as string | undefined) ?? positional[1] ?? '';
  const validation =
    sinceTime && sinceSeconds !== 0
      ? 'at most one of `sinceTime` or `sinceSeconds` may be specified'
      : flags['all-containers'] && container
        ? `--all-containers=true should not be specified with container name ${container}`
        : set.has('container') && positional.length === 2
          ? 'only one of -c or an inline [CONTAINER] arg is allowed'
          : limitBytes < 0
            ? '--limit-bytes must be greater than 0'
            : sinceSeconds < 0
              ? '--since must be greater than 0'
              : opts.tail !== undefined && opts.tail < -1
                ? '--tail must be greater than or equal to -1'
                : '';
  if (validation) {
    io.err(`error: ${validation}\n`);
    return 1;
  }
  if (sinceSeconds > 0) opts.sinceMs = now - sinceSeconds * 1000;

  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  let pods: Pod[] = [];
  if (selector) {
    let sel;
    try {
      sel = parseSelector(selector);
    } catch (e) {
      io.err(`error: ${(e as Error).message}\n`);
      return 1;
    }
    pods = cluster.store.list('Pod', ns, sel) as unknown as Pod[];
    if (!pods.length) {
      io.err(`No resources found in ${ns} namespace.\n`);
      return 0;
    }
  } else {
    let podName = positional[0];
    if (podName.includes('/')) {
      const [t, n] = podName.split('/');
      const res = resolveResource(t);
      if (!res) {
        io.err(`error: the server doesn't have a resource type "${t}"\n`);
        return 1;
      }
      if (res.kind !== 'Pod') {
        // SelectorsForObject: a Service's selector picks the pod (GetFirstPod, ByLogging order).
        const obj = cluster.store.get(res.kind, res.namespaced ? ns : undefined, n);
        if (!obj) {
          io.err(renderError(notFound(res.plural, n)) + '\n');
          return 1;
        }
        if (res.kind !== 'Service') {
          io.err(`error: cannot get the logs from *v1.${res.kind}: selector for *v1.${res.kind} not implemented\n`);
          return 1;
        }
        const sel = (obj as { spec?: { selector?: Record<string, string> } }).spec?.selector;
        if (!sel || !Object.keys(sel).length) {
          io.err(`error: cannot get the logs from *v1.Service: invalid service '${n}': Service is defined without a selector\n`);
          return 1;
        }
        const matching = () => (cluster.store.list('Pod', ns) as unknown as Pod[]).filter((p) => Object.entries(sel).every(([k, v]) => p.metadata?.labels?.[k] === v));
        if (!matching().length) {
          // GetFirstPod waits --pod-running-timeout (20s) for a pod to appear.
          const timeout = parseGoDuration((flags['pod-running-timeout'] as string | undefined) ?? '20s') ?? 20_000;
          const deadline = cluster.now() + timeout;
          yield { op: 'until', done: () => matching().length > 0, deadline };
          if (!matching().length) {
            io.err('error: timed out waiting for the condition\n');
            return 1;
          }
        }
        const candidates = goSort(matching(), byLogging);
        if (candidates.length > 1) io.err(`Found ${candidates.length} pods, using pod/${candidates[0].metadata!.name}\n`);
        pods = [candidates[0]];
      } else podName = n;
    }
    if (!podName.includes('/')) {
      const pod = findPod(ctx, ns, podName);
      if (!pod) return 1;
      pods = [pod];
    }
  }

  // logsForObject: one request per container (--all-containers: init, regular, ephemeral; kubectl
  // keeps them in a Go map, so a real terminal shows them in varying order — spec order here).
  const requests: Request[] = [];
  for (const pod of pods) {
    const spec = pod.spec!;
    if (flags['all-containers']) {
      for (const c of [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])]) requests.push({ pod, container: c.name });
      continue;
    }
    const name = container || defaultContainer(pod, (s) => io.err(s));
    const all = [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])].map((c) => c.name);
    if (!all.includes(name)) {
      io.err(`error: container ${name} is not valid for pod ${pod.metadata!.name}\n`);
      return 1;
    }
    requests.push({ pod, container: name });
  }

  const prefix = (r: Request) => (flags.prefix ? `[pod/${r.pod.metadata!.name}/${r.container}] ` : '');
  const follow = !!flags.follow;
  if (follow && requests.length > 1) {
    const max = flags['max-log-requests'] as number;
    if (requests.length > max) {
      io.err(`error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit\n`);
      return 1;
    }
  }
  // The kubelet answers each request: the instance to read, or a BadRequest.
  const streams: Array<{ r: Request; id: string; seen: number; sent: number }> = [];
  for (const r of requests) {
    let id: string;
    try {
      id = pickInstance(r.pod, r.container, cluster.kubelet.containerLogIds(r.pod, r.container), opts.previous, (x) => cluster.kubelet.runtime.containerStatus(x)?.state);
    } catch (e) {
      // Sequentially, the first failing request ends the command; followed in parallel, likewise
      // (unless --ignore-errors, which prints the error among the logs and goes on).
      if (follow && requests.length > 1 && flags['ignore-errors']) {
        io.out(`error: ${renderError(e).replace(/^Error from server \(BadRequest\): /, '')}\n`);
        continue;
      }
      io.err(renderError(e) + '\n');
      return 1;
    }
    const all = cluster.kubelet.runtime.containerLogs(id);
    const s = { r, id, seen: all.length, sent: 0 };
    io.out(render(selectLines(all, opts), opts, prefix(r), s));
    streams.push(s);
  }
  if (!follow || opts.previous) return 0;

  // Follow: stream new lines of each instance until every followed container has exited.
  const runtime = cluster.kubelet.runtime;
  const flush = () => {
    for (const s of streams) {
      const all = runtime.containerLogs(s.id);
      if (s.seen >= all.length) continue;
      io.out(render(all.slice(s.seen), { ...opts, tail: undefined, sinceMs: undefined }, prefix(s.r), s));
      s.seen = all.length;
    }
  };
  const stop = cluster.trace.subscribe((e) => {
    if (e.kind === 'log') flush();
  });
  try {
    yield { op: 'until', done: () => streams.every((s) => runtime.containerStatus(s.id)?.state === 'CONTAINER_EXITED') };
    flush();
  } finally {
    stop();
  }
  return 0;
}

/** The kubelet's filters: lines since a time, then the last N. */
function selectLines(all: readonly LogLine[], o: LogOptions): readonly LogLine[] {
  let lines = o.sinceMs !== undefined ? all.filter((l) => l.t >= o.sinceMs!) : all;
  if (o.tail !== undefined && o.tail >= 0) lines = lines.slice(Math.max(0, lines.length - o.tail));
  return lines;
}

/** Lines as the kubelet sends them (RFC 3339 nano timestamps), cut at --limit-bytes, prefixed by kubectl. */
function render(lines: readonly LogLine[], o: LogOptions, prefix: string, stream: { sent: number }): string {
  let out = '';
  for (const l of lines) {
    let text = (o.timestamps ? `${new Date(l.t).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ` : '') + l.line + '\n';
    if (o.limitBytes !== undefined) {
      const left = o.limitBytes - stream.sent;
      if (left <= 0) break;
      if (utf8Bytes(text) > left) text = cutBytes(text, left);
    }
    stream.sent += utf8Bytes(text);
    out += prefix + text;
  }
  return out;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function cutBytes(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Bytes(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** RFC 3339 with optional fraction and offset; undefined when Go's time.Parse would fail. */
function parseRFC3339(s: string): number | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** The kubelet's validateContainerLogStatus: which instance to read, or the BadRequest it answers. */
function pickInstance(pod: Pod, container: string, ids: string[], previous: boolean, state: (id: string) => string | undefined): string {
  const podName = pod.metadata!.name!;
  const st = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
  const bad = (msg: string) => new StatusError('BadRequest', msg, 400);
  if (previous) {
    if (!st?.lastState?.terminated || ids.length < 2) throw bad(`previous terminated container "${container}" in pod "${podName}" not found`);
    return ids[ids.length - 2];
  }
  const latest = ids[ids.length - 1];
  const waiting = st?.state?.waiting;
  if (waiting && latest && state(latest) === 'CONTAINER_EXITED') return latest;
  if (!latest || waiting) {
    const reason = waiting?.reason ?? 'ContainerCreating';
    const text = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw bad(`container "${container}" in pod "${podName}" is waiting to start: ${text}`);
  }
  return latest;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function isReady(p: Pod): boolean {
  return !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

function readySince(p: Pod): number {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/** podutils.ByLogging: the pod `logs svc/NAME` reads — scheduled, running, ready longest, most restarts, oldest. */
function byLogging(a: Pod, b: Pod): boolean {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return !!an;
  const ap = a.status?.phase ?? '';
  const bp = b.status?.phase ?? '';
  if (ap !== bp) return (PHASE_ORDINAL[ap] ?? -1) > (PHASE_ORDINAL[bp] ?? -1);
  if (isReady(a) !== isReady(b)) return isReady(a);
  if (isReady(a) && isReady(b) && readySince(a) !== readySince(b)) return readySince(a) < readySince(b);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const at = Date.parse(a.metadata?.creationTimestamp ?? '') || Infinity;
  const bt = Date.parse(b.metadata?.creationTimestamp ?? '') || Infinity;
  return at < bt;
}
