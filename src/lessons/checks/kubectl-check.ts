/**
 * `kubectl` checks: a read-only kubectl command run against the cluster, its output captured.
 * Only verbs that read are allowed, and the command may not wait (`-w`, `-f`): a check looks at
 * the cluster as it is now.
 */
import type { Cluster } from '../../sim/cluster';
import { kubectl } from '../../sim/kubectl/kubectl';
import { HomeFiles } from '../../sim/workstation/files';
import { kubectlCommandProblem, splitWords } from '../kubectl-words';

export function runKubectl(cluster: Cluster, command: string): { ok: boolean; output: string } {
  const problem = kubectlCommandProblem(command);
  if (problem) return { ok: false, output: problem };
  const words = splitWords(command) as string[];
  let out = '';
  let err = '';
  const gen = kubectl(words, { cluster, io: { out: (t) => void (out += t), err: (t) => void (err += t) }, files: new HomeFiles() });
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return { ok: r.value === 0, output: r.value === 0 ? out : (err || out).trim() };
    // Only an immediate yield (let same-instant work run) is acceptable; anything else waits.
    if (r.value.op !== 'sleep' || r.value.ms > 0) {
      gen.return(130);
      return { ok: false, output: 'the command waits; a check must not' };
    }
  }
}
