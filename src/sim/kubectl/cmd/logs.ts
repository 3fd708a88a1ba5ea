/** `kubectl logs` (FIDELITY §17): default container, -c, --previous, --tail, --timestamps, -f. */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import type { Pod } from '../../api/types';
import { notFound, StatusError } from '../../api/errors';
import { defaultContainer, findPod, renderError } from './common';
import type { LogLine } from '../../runtime/cri';

const FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'timestamps', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'prefix', type: 'bool' },
];

export function* logs(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'logs');
  const io = ctx.io;
  if (!positional.length || positional.length > 2) {
    io.err(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n`);
    return 1;
  }
  let podName = positional[0];
  if (podName.includes('/')) {
    const [t, n] = podName.split('/');
    if (!['pod', 'pods', 'po'].includes(t)) {
      io.err(`error: cannot get the logs from ${t}: unsupported resource type\n`);
      return 1;
    }
    podName = n;
  }
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const cluster = ctx.cluster;
  const pod = findPod(ctx, ns, podName);
  if (!pod) return 1;
  const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
  const container = (flags.container as string | undefined) ?? positional[1] ?? defaultContainer(pod, (s) => io.err(s));
  if (!names.includes(container)) {
    io.err(`error: container ${container} is not valid for pod ${podName}\n`);
    return 1;
  }
  const ids = cluster.kubelet.containerLogIds(pod, container);
  const previous = !!flags.previous;
  let id: string | undefined;
  try {
    id = pickInstance(pod, container, ids, previous, (x) => cluster.kubelet.runtime.containerStatus(x)?.state);
  } catch (e) {
    io.err(renderError(e) + '\n');
    return 1;
  }
  let lines = [...cluster.kubelet.runtime.containerLogs(id)];
  const tail = flags.tail as number;
  if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  const ts = !!flags.timestamps;
  const fmt = (l: LogLine) => (ts ? `${new Date(l.t).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ` : '') + l.line + '\n';
  for (const l of lines) io.out(fmt(l));
  if (!flags.follow || previous) return 0;
  // Follow: stream new lines of this instance until the container exits.
  const printed = cluster.kubelet.runtime.containerLogs(id).length;
  let seen = printed;
  const runtime = cluster.kubelet.runtime;
  const flush = () => {
    const all = runtime.containerLogs(id!);
    for (; seen < all.length; seen++) io.out(fmt(all[seen]));
  };
  const stop = cluster.trace.subscribe((e) => {
    if (e.kind === 'log' && e.pod === podName && e.container === container) flush();
  });
  try {
    yield { op: 'until', done: () => runtime.containerStatus(id!)?.state === 'CONTAINER_EXITED' };
    flush();
  } finally {
    stop();
  }
  return 0;
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
    const text = reason === 'ErrImagePull' ? 'image can\'t be pulled' : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw bad(`container "${container}" in pod "${podName}" is waiting to start: ${text}`);
  }
  return latest;
}
