/**
 * kubectl's AttachOptions.Run once the pod is known (kubectl v1.32 pkg/cmd/attach), shared by
 * `kubectl attach` and `kubectl run -i/--attach`: pick the container, settle the TTY, print the
 * prompt hint, connect to the container's streams through the kubelet and the runtime, pump the
 * learner's terminal into them, and print the "Session ended" hint afterwards.
 */
import type { CmdGen, KubectlCtx, Wait } from '../context';
import type { Container, Pod } from '../../api/types';
import type { Attachment } from '../../runtime/stdio';
import type { Process } from '../../runtime/process';
import { defaultContainer } from './common';
import { terminalIn } from './session';

const SIGINT = 2;

export interface AttachRequest {
  pod: Pod;
  /** -c; undefined picks the default container. */
  container?: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** For the reattach hint: `kubectl attach`. */
  commandName: string;
}

/** What AttachOptions.Run returns: nil, or the error kubectl's caller prints (without `error: `). */
export type AttachResult = { ok: true } | { error: string };

export function* attachToPod(ctx: KubectlCtx, o: AttachRequest): Generator<Wait, AttachResult, void> {
  const io = ctx.io;
  const pod = o.pod;
  const podName = pod.metadata!.name!;
  const spec = pod.spec!;
  // podcmd.FindOrDefaultContainerByName: containers, then init and ephemeral containers.
  const all: Container[] = [...spec.containers, ...(spec.initContainers ?? []), ...((spec.ephemeralContainers ?? []) as Container[])];
  const name = o.container ?? defaultContainer(pod, (s) => (o.quiet ? undefined : io.err(s)));
  const container = all.find((c) => c.name === name);
  if (!container) return { error: `cannot attach to the container: container ${name} not found in pod ${podName}` };

  // The container's terminal decides: -t without one is refused, a terminal forces -t.
  let tty = o.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!o.quiet) io.err(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) tty = true;

  // StreamOptions.SetupTTY: a raw terminal only with -i and kubectl's stdin a terminal.
  const term = o.stdin ? terminalIn(ctx) : undefined;
  let raw = false;
  if (o.stdin && tty) {
    if (term) raw = true;
    else if (!o.quiet) io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }

  if (!o.quiet) io.err("If you don't see a command prompt, try pressing enter.\n");

  // The kubelet looks among running containers only (GetAttach → findContainer).
  const kubelet = ctx.cluster.kubelet;
  const ids = kubelet.containerLogIds(pod, container.name);
  const id = ids[ids.length - 1];
  const r = id
    ? kubelet.runtime.attachContainer(id, { wantsStdin: o.stdin, tty: raw, stdout: { write: (t) => io.out(t) }, stderr: { write: (t) => io.err(t) } })
    : { error: `container ${container.name} not found in pod ${podName}_${pod.metadata!.namespace}` };
  if ('error' in r) return { error: `Internal error occurred: unable to upgrade connection: ${r.error}` };
  const { attachment, process } = r;
  try {
    // kubectl sends the terminal's size (+1, then the real one) so a line editor redraws its prompt.
    if (raw) attachment.resize();
    if (term) yield* pumpTerminal(ctx, term, attachment, process, raw);
    else {
      if (o.stdin && ctx.stdin !== undefined) {
        attachment.write(ctx.stdin);
        attachment.endInput();
      }
      yield { op: 'until', done: () => attachment.ended };
    }
  } finally {
    // Interrupted (Ctrl+C without a raw terminal, timeout) or finished: the connection closes.
    attachment.detach();
  }

  // reattachMessage: only for an interactive raw session in a pod that restarts its containers.
  if (!o.quiet && o.stdin && raw && spec.restartPolicy === 'Always') {
    io.out(`Session ended, resume using '${o.commandName} ${podName} -c ${container.name} -i -t' command when the pod is running\n`);
  }
  return { ok: true };
}

/**
 * The learner's keyboard into the container until the attach ends. In raw mode every key goes to
 * the container's terminal (Ctrl+C interrupts its foreground processes, Ctrl+D is one EOF);
 * without a terminal, Ctrl+C ends kubectl and Ctrl+D ends its input.
 */
function* pumpTerminal(ctx: KubectlCtx, term: NonNullable<KubectlCtx['terminal']>, a: Attachment, main: Process, raw: boolean): CmdGen {
  const kernel = ctx.cluster.kubelet.runtime.kernel;
  const release = term.claim({
    interrupt: () => {
      if (!raw) return false;
      if (a.hasStdin && a.tty) for (const p of a.tty.foreground(main.ns.procs.values())) kernel.kill(p, SIGINT);
      return true;
    },
    idle: () => a.hasStdin && !a.stdin.hasData() && [...main.ns.procs.values()].some((p) => p.alive && p.blocked?.op === 'read' && p.blocked.pipe === a.stdin),
  });
  try {
    while (!a.ended) {
      yield { op: 'until', done: () => a.ended || term.pending() };
      for (let line = term.take(); line !== undefined && !a.ended; line = term.take()) {
        if (line !== null) a.write(line + '\n');
        else if (raw) a.sendEof();
        else a.endInput();
      }
    }
  } finally {
    release();
  }
  return 0;
}
