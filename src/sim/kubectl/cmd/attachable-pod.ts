/**
 * polymorphichelpers.AttachablePodForObjectFn (kubectl v1.32): the pod `kubectl attach TYPE/NAME`
 * connects to. A pod is itself; a Service's selector picks the most active matching pod
 * (GetFirstPod sorted by reverse podutils.ActivePods), waiting up to --pod-running-timeout for
 * one to exist; other kinds have no selector kubectl knows.
 */
import type { KubectlCtx, Wait } from '../context';
import type { Pod } from '../../api/types';
import type { ResourceInfo } from '../resources';
import { goSort } from '../printers/gosort';

export function* attachablePod(ctx: KubectlCtx, res: ResourceInfo, obj: unknown, ns: string, timeoutMs: number): Generator<Wait, { pod: Pod } | { error: string }, void> {
  if (res.kind === 'Pod') return { pod: obj as Pod };
  const type = `*v1.${res.kind}`;
  if (res.kind !== 'Service') return { error: `cannot attach to ${type}: selector for ${type} not implemented` };
  const svc = obj as { metadata: { name: string }; spec?: { selector?: Record<string, string> } };
  const sel = svc.spec?.selector;
  if (!sel || !Object.keys(sel).length) return { error: `cannot attach to ${type}: invalid service '${svc.metadata.name}': Service is defined without a selector` };
  const matching = () => (ctx.cluster.store.list('Pod', ns) as unknown as Pod[]).filter((p) => Object.entries(sel).every(([k, v]) => p.metadata?.labels?.[k] === v));
  if (!matching().length) {
    yield { op: 'until', done: () => matching().length > 0, deadline: ctx.cluster.now() + timeoutMs };
    if (!matching().length) return { error: 'timed out waiting for the condition' };
  }
  return { pod: goSort(matching(), (a, b) => activeLess(b, a))[0] };
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutils.ActivePods' Less: unscheduled, pending, unready, recently ready, restarted, newer first. */
function activeLess(a: Pod, b: Pod): boolean {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (!an || !bn)) return !an;
  const ap = PHASE_ORDINAL[a.status?.phase ?? ''] ?? -1;
  const bp = PHASE_ORDINAL[b.status?.phase ?? ''] ?? -1;
  if (ap !== bp) return ap < bp;
  if (ready(a) !== ready(b)) return !ready(a);
  if (ready(a) && ready(b) && readySince(a) !== readySince(b)) return readySince(a) > readySince(b);
  if (restarts(a) !== restarts(b)) return restarts(a) > restarts(b);
  const at = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const bt = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  return at > bt;
}

function ready(p: Pod): boolean {
  return !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

function readySince(p: Pod): number {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}
