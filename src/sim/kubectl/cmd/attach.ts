/**
 * `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] [-q]` (kubectl v1.32
 * pkg/cmd/attach): connect to the process already running as a container's PID 1 — its output
 * from now on, and with -i its stdin (the container needs `stdin: true`; `tty: true` gives a
 * terminal); a Service attaches to its most active pod. v1.32 has no detach keys: the session ends when the process exits (or, without a
 * terminal, with Ctrl+C).
 */
import type { CmdGen, KubectlCtx } from '../context';
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import { goDurationError, parseGoDuration } from '../duration-flag';
import { resolveResource } from '../resources';
import { notFound } from '../../api/errors';
import { renderError } from './common';
import { attachablePod } from './attachable-pod';
import { attachToPod } from './attach-stream';

const FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
];

const SEE = "See 'kubectl attach -h' for help and examples";

export function* attach(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'attach');
  const io = ctx.io;
  // Complete: GetPodRunningTimeoutFlag (a usage error), then Validate.
  const rawTimeout = flags['pod-running-timeout'] as string;
  const timeout = parseGoDuration(rawTimeout);
  if (timeout === undefined) {
    io.err(`Error: invalid argument "${rawTimeout}" for "--pod-running-timeout" flag: ${goDurationError(rawTimeout)}\nSee 'kubectl attach --help' for usage.\n`);
    return 1;
  }
  if (timeout <= 0) {
    io.err(`error: --pod-running-timeout must be higher than zero\n${SEE}\n`);
    return 1;
  }
  if (!positional.length) {
    io.err('error: at least 1 argument is required for attach\n');
    return 1;
  }
  if (positional.length > 2) {
    io.err(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${positional.length}: [${positional.join(' ')}]\n`);
    return 1;
  }
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  // The builder: POD, TYPE/NAME or TYPE NAME.
  let type = 'pods';
  let name = positional[0];
  if (positional.length === 2) [type, name] = positional;
  else if (name.includes('/')) [type, name] = name.split('/', 2);
  const res = resolveResource(type);
  if (!res) {
    io.err(`error: the server doesn't have a resource type "${type}"\n`);
    return 1;
  }
  const obj = ctx.cluster.store.get(res.kind, res.namespaced ? ns : undefined, name);
  if (!obj) {
    io.err(renderError(notFound(res.plural, name)) + '\n');
    return 1;
  }
  const found = yield* attachablePod(ctx, res, obj, ns, timeout);
  if ('error' in found) {
    io.err(`error: ${found.error}\n`);
    return 1;
  }
  const pod = found.pod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    io.err(`error: cannot attach a container in a completed pod; current phase is ${phase}\n`);
    return 1;
  }
  const r = yield* attachToPod(ctx, {
    pod,
    container: flags.container as string | undefined,
    stdin: !!flags.stdin,
    tty: !!flags.tty,
    quiet: !!flags.quiet,
    commandName: 'kubectl attach',
  });
  if ('error' in r) {
    io.err(`error: ${r.error}\n`);
    return 1;
  }
  return 0;
}
