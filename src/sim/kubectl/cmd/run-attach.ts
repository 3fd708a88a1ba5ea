/**
 * `kubectl run -i/-t/--attach/--rm` after the pod is created (kubectl v1.32 pkg/cmd/run:
 * handleAttachPod, waitForPod, logOpts, removeCreatedObjects): wait up to --pod-running-timeout
 * for the pod to be Running and Ready, attach as `kubectl attach` would (or print its logs when it
 * already completed, or when attaching fails), then with --restart=Never/OnFailure wait for it to
 * finish and return the container's exit code; with --rm delete it at the end (a deferred call in
 * kubectl, so `pod "NAME" deleted` comes before the final error).
 */
import type { CmdGen, KubectlCtx, Wait } from '../context';
import type { Pod } from '../../api/types';
import { attachToPod } from './attach-stream';
import { logs } from './logs';
import { del } from './delete';

export interface RunAttachOptions {
  name: string;
  namespace: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  rm: boolean;
  restartPolicy: string;
  leaveStdinOpen: boolean;
  timeoutMs: number;
  /** --expose created a Service, which --rm deletes after the pod. */
  exposed?: boolean;
}

/** A watch condition's outcome: keep waiting, done with this pod, or the error it raised. */
type Verdict = 'wait' | 'done' | WaitError;
/** An error kubectl prints with `error: ` in front, or (`full`) as it is. */
type WaitError = { error: string; full?: boolean };

export function* runAttached(ctx: KubectlCtx, o: RunAttachOptions): CmdGen {
  const result = yield* attachAndWait(ctx, o);
  if (o.rm) {
    // DeleteOptions: IgnoreNotFound, no waiting, the pod's own grace period; -q silences it.
    const io = o.quiet ? { out: () => {}, err: (t: string) => ctx.io.err(t) } : ctx.io;
    yield* del(['pod', o.name, '-n', o.namespace, '--ignore-not-found', '--wait=false'], { ...ctx, io });
    if (o.exposed) yield* del(['service', o.name, '-n', o.namespace, '--ignore-not-found', '--wait=false'], { ...ctx, io });
  }
  if (result.message) ctx.io.err(result.message);
  return result.code;
}

function* attachAndWait(ctx: KubectlCtx, o: RunAttachOptions): Generator<Wait, { code: number; message?: string }, void> {
  const fail = (msg: string | WaitError) => ({ code: 1, message: typeof msg === 'string' ? `error: ${msg}\n` : `${msg.full ? '' : 'error: '}${msg.error}\n` });
  // handleAttachPod: wait for Running and Ready; a pod that already finished gets its logs printed.
  const ready = yield* waitForPod(ctx, o, runningAndReady);
  if ('error' in ready) return fail(ready);
  const pod = ready.pod;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') yield* logOpts(ctx, o);
  else {
    const r = yield* attachToPod(ctx, { pod, stdin: o.stdin, tty: o.tty, quiet: o.quiet, commandName: 'kubectl attach' });
    if ('error' in r) {
      ctx.io.err(`warning: couldn't attach to pod/${o.name}, falling back to streaming logs: ${r.error}\n`);
      yield* logOpts(ctx, o);
    }
  }
  // The exit code matters only for pods that do not restart a finished container forever.
  if (o.leaveStdinOpen || (o.restartPolicy !== 'Never' && o.restartPolicy !== 'OnFailure')) return { code: 0 };
  const finished = yield* waitForPod(ctx, o, o.restartPolicy === 'OnFailure' ? succeeded : completed);
  if ('error' in finished) return fail(finished);
  const done = finished.pod;
  const ns = done.metadata!.namespace;
  switch (done.status?.phase) {
    case 'Succeeded':
      return { code: 0 };
    case 'Failed': {
      const term = done.status?.containerStatuses?.[0]?.state?.terminated;
      if (!term || !term.exitCode) return fail(`pod ${ns}/${o.name} failed with unknown exit code`);
      // An exec.CodeExitError: kubectl prints its text as is and exits with the container's code.
      return { code: term.exitCode, message: `pod ${ns}/${o.name} terminated (${term.reason ?? ''})\n${term.message ?? ''}${term.message?.endsWith('\n') ? '' : term.message ? '\n' : ''}` };
    }
    default:
      return fail(`pod ${ns}/${o.name} left in phase ${done.status?.phase}`);
  }
}

/**
 * kubectl's waitForPod: a watch on the pod by name until the condition holds, bounded by
 * --pod-running-timeout. Deletion ends it with NotFound.
 */
function* waitForPod(ctx: KubectlCtx, o: RunAttachOptions, condition: (p: Pod) => Verdict): Generator<Wait, { pod: Pod } | WaitError, void> {
  const store = ctx.cluster.store;
  const current = () => store.get('Pod', o.namespace, o.name) as Pod | undefined;
  const verdict = (): Verdict => {
    const p = current();
    // The watch's Deleted event: errors.NewNotFound with an empty name, as kubectl builds it.
    return p ? condition(p) : { error: 'Error from server (NotFound): pods "" not found', full: true };
  };
  if (verdict() === 'wait') yield { op: 'until', done: () => verdict() !== 'wait', deadline: ctx.cluster.now() + o.timeoutMs };
  const v = verdict();
  if (v === 'wait') return { error: 'timed out waiting for the condition' };
  if (v !== 'done') return v;
  return { pod: current()! };
}

/** podRunningAndReady; a finished pod ends the wait too (ErrPodCompleted, handled as done). */
function runningAndReady(p: Pod): Verdict {
  const phase = p.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 'done';
  if (phase === 'Running' && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return 'done';
  return 'wait';
}

function completed(p: Pod): Verdict {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' ? 'done' : 'wait';
}

function succeeded(p: Pod): Verdict {
  return p.status?.phase === 'Succeeded' ? 'done' : 'wait';
}

/** logOpts: the container's log so far, as `kubectl logs POD -c NAME` prints it. */
function* logOpts(ctx: KubectlCtx, o: RunAttachOptions): CmdGen {
  return yield* logs([o.name, '-n', o.namespace, '-c', o.name], ctx);
}
