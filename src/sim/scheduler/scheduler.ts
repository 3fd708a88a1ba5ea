/**
 * kube-scheduler for a one-node cluster: every pending pod without a nodeName is bound to node01
 * (unless it names another node, or asks for a node selector node01 does not match), with the
 * Scheduled event from `default-scheduler`.
 */
import type { VirtualClock } from '../clock/clock';
import type { ObjectStore } from '../api/store';
import type { EventRecorder } from '../api/events';
import type { Pod } from '../api/types';
import { rfc3339 } from '../api/time';
import { SCHEDULE_DELAY_MS } from '../kubelet/timing';

export class Scheduler {
  constructor(
    private readonly clock: VirtualClock,
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly nodeName: string,
    private readonly nodeLabels: Record<string, string>,
  ) {
    store.watch('Pod', undefined, (e) => {
      const pod = e.object as Pod;
      if (e.type === 'ADDED' && !pod.spec?.nodeName) this.clock.after(SCHEDULE_DELAY_MS, () => this.schedule(pod));
    });
  }

  private schedule(pod: Pod): void {
    const ns = pod.metadata!.namespace;
    const name = pod.metadata!.name!;
    const cur = this.store.peek('Pod', ns, name) as Pod | undefined;
    if (!cur || cur.metadata?.uid !== pod.metadata?.uid || cur.spec?.nodeName) return;
    const sel = cur.spec?.nodeSelector ?? {};
    const fits = Object.entries(sel).every(([k, v]) => this.nodeLabels[k] === v);
    if (!fits) {
      const msg = `0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`;
      this.store.update('Pod', ns, name, (o) => ({
        ...o,
        status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg, lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()) }] },
      }));
      this.events.record(cur as never, 'Warning', 'FailedScheduling', msg, { component: 'default-scheduler' });
      return;
    }
    const now = rfc3339(this.clock.now());
    this.store.update('Pod', ns, name, (o) => {
      const p = o as unknown as Pod;
      return {
        ...o,
        spec: { ...p.spec, nodeName: this.nodeName },
        status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }], qosClass: p.status?.qosClass },
      } as never;
    });
    this.events.record(cur as never, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${this.nodeName}`, { component: 'default-scheduler' });
  }
}
