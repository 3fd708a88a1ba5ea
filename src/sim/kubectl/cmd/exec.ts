/**
 * `kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [ARGS...]` (FIDELITY §18): runs the
 * command in the container, streaming its output; a non-zero exit is reported as kubectl does
 * (`command terminated with exit code N`) and becomes kubectl's own exit code.
 */
import { objectsNamedInFiles } from '../builder';
import { resolveResource } from '../resources';
import { goDurationError, parseGoDuration } from '../duration-flag';
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { FlagError, parseFlags, type FlagSpec } from '../flags';
import type { Pod } from '../../api/types';
import { Pipe } from '../../runtime/pipe';
import { defaultContainer, findPod, renderError } from './common';
import { Tty } from '../../runtime/tty';
import { liveStdin, streamSession, terminalIn } from './session';

const FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'pod-running-timeout', type: 'string' },
];

const SEE = "See 'kubectl exec -h' for help and examples";

export function* exec(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional, afterDash } = parseFlags(args, FLAGS, 'exec');
  const io = ctx.io;
  // A Duration flag: pflag rejects a bad value. It bounds GetFirstPod, which only TYPE/NAME of a
  // pod's owner needs; a pod named directly is fetched at once.
  const rawTimeout = (flags['pod-running-timeout'] as string | undefined) ?? '1m0s';
  if (parseGoDuration(rawTimeout) === undefined) throw new FlagError(`Error: invalid argument "${rawTimeout}" for "--pod-running-timeout" flag: ${goDurationError(rawTimeout)}\nSee 'kubectl exec --help' for usage.`);
  // -f FILE: the first object the file names; Pod Lab execs into pods only.
  const files = (flags.filename as string[] | undefined) ?? [];
  if (files.length && !positional.length) {
    const named = objectsNamedInFiles(ctx, files, (flags.namespace as string | undefined) ?? contextNamespace(ctx));
    if (named.fatal) {
      io.err(named.fatal + '\n');
      return 1;
    }
    if (named.refs.length) positional.push(`${named.refs[0].res.singular}/${named.refs[0].name}`);
  }
  if (!positional.length) {
    io.err(`error: pod, type/name or --filename must be specified\n${SEE}\n`);
    return 1;
  }
  if (!afterDash || !afterDash.length) {
    if (positional.length > 1) io.err(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n${SEE}\n`);
    else io.err('error: you must specify at least one command for the container\n');
    return 1;
  }
  let podName = positional[0];
  if (podName.includes('/')) {
    const [t, n] = podName.split('/');
    const res = resolveResource(t);
    if (!res) {
      io.err(`error: the server doesn't have a resource type "${t}"\n`);
      return 1;
    }
    if (res.kind !== 'Pod') {
      io.err(`error: kubectl exec into a ${res.singular} (its first pod) is not available in Pod Lab; name the pod: kubectl exec POD -- COMMAND\n`);
      return 1;
    }
    podName = n;
  }
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const cluster = ctx.cluster;
  const pod = findPod(ctx, ns, podName);
  if (!pod) return 1;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    io.err(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
    return 1;
  }
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name);
  const container = (flags.container as string | undefined) ?? defaultContainer(pod, (s) => (flags.quiet ? undefined : io.err(s)));
  if (!all.includes(container)) {
    io.err(`error: container ${container} not found in pod ${podName}\n`);
    return 1;
  }
  // kubectl's SetupTTY: -t counts only with -i, and only when kubectl's stdin is a terminal.
  const term = flags.stdin ? terminalIn(ctx) : undefined;
  if (flags.stdin && flags.tty && !term && !flags.quiet) io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  const ids = cluster.kubelet.containerLogIds(pod, container);
  const id = ids[ids.length - 1];
  const tty = term && flags.tty ? new Tty({ write: (t) => io.out(t) }) : undefined;
  let stdin: Pipe | undefined;
  if (term) stdin = liveStdin(tty);
  else if (flags.stdin && ctx.stdin !== undefined) {
    stdin = new Pipe();
    stdin.write(ctx.stdin);
    stdin.close();
  }
  const runtime = cluster.kubelet.runtime;
  const out = { write: (t: string) => io.out(t) };
  const r = id ? runtime.execStream(id, afterDash, { stdin, stdout: tty?.output ?? out, stderr: tty?.output ?? { write: (t) => io.err(t) }, tty }) : { error: '', notRunning: true };
  if ('error' in r) {
    if (r.notRunning) io.err(`error: Internal error occurred: unable to upgrade connection: container not found ("${container}")\n`);
    else io.err(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${cluster.prng.hex(64)}": ${r.error}\n`);
    return 1;
  }
  const proc = r.process;
  try {
    if (term && stdin) yield* streamSession(term, proc, runtime.kernel, stdin, tty);
    else yield { op: 'until', done: () => !proc.alive };
  } finally {
    // Interrupted (Ctrl+C, timeout): the stream closes and the process is killed.
    if (proc.alive) runtime.kernel.kill(proc, 9, true);
  }
  const st = proc.exitStatus!;
  const code = st.signal ? 128 + st.signal : st.code;
  if (code !== 0) io.err(`command terminated with exit code ${code}\n`);
  return code;
}
