/**
 * Predictions: the one value the simulator shows for a question ("What will STATUS show?"),
 * read the way the learner would read it.
 */
import type { Cluster } from '../../sim/cluster';
import { summarizePod } from '../../sim/kubectl/printers/pods';
import type { Observation } from '../types';
import { findPod } from './evaluate';
import { runKubectl } from './kubectl-check';

export function observe(cluster: Cluster, o: Observation): string {
  if (o.kind === 'kubectl') {
    const r = runKubectl(cluster, o.command);
    return r.output.replace(/\n+$/, '');
  }
  const pod = findPod(cluster, o.namespace, o.pod);
  if (!pod) return `(no pod ${o.pod})`;
  if (o.kind === 'log-last-line') {
    const ids = cluster.kubelet.containerLogIds(pod, o.container);
    const id = ids[ids.length - 1];
    const lines = id ? cluster.kubelet.runtime.containerLogs(id) : [];
    return lines.length ? lines[lines.length - 1].line : '(no log lines)';
  }
  const s = summarizePod(pod);
  switch (o.kind) {
    case 'status':
      return s.reason;
    case 'ready':
      return `${s.ready}/${s.total}`;
    case 'restarts':
      return String(s.restarts);
    case 'phase':
      return pod.status?.phase ?? '';
  }
}
