/**
 * The observable state of a cluster as one plain value: every API object, and every byte of every
 * container's files and every volume. Two clusters at the same instant with the same snapshot are
 * indistinguishable to the learner — what the replay tests compare.
 */
import type { Cluster } from '../../sim/cluster';
import type { FsNode } from '../../sim/runtime/fs';

const KINDS = ['Namespace', 'Node', 'ServiceAccount', 'ConfigMap', 'Secret', 'Pod', 'Service', 'Endpoints', 'Event'];

export interface ClusterSnapshot {
  now: number;
  objects: unknown[];
  /** `namespace/pod/container#instance:path` or `namespace/pod/volume:name:path` → bytes (or `-> target`, `<dir>`). */
  files: Record<string, string>;
}

export function snapshotCluster(cluster: Cluster): ClusterSnapshot {
  const objects = KINDS.flatMap((k) => cluster.store.list(k));
  const files: Record<string, string> = {};
  for (const w of cluster.kubelet.workers.values()) {
    const pod = w.pod;
    const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    for (const v of pod.spec?.volumes ?? []) {
      const tree = cluster.kubelet.volumes.volumeTree(w.uid, v.name);
      if (tree) walkTree(tree.root, `${key}/volume:${v.name}:`, files);
    }
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      cluster.kubelet.containerLogIds(pod, c.name).forEach((id, i) => {
        const fs = cluster.kubelet.runtime.containerFs(id);
        if (!fs) return;
        const walk = (dir: string): void => {
          for (const name of fs.readdir(dir)) {
            const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
            if (path === '/proc') continue;
            const n = fs.stat(path, false);
            const k = `${key}/${c.name}#${i}:${path}`;
            if (!n) continue;
            if (n.type === 'dir') {
              files[k] = '<dir>';
              walk(path);
            } else files[k] = n.type === 'symlink' ? `-> ${n.target}` : n.data;
          }
        };
        walk('/');
      });
    }
  }
  return { now: cluster.now(), objects, files };
}

function walkTree(n: FsNode, prefix: string, out: Record<string, string>, path = ''): void {
  if (n.type !== 'dir') {
    out[prefix + path] = n.type === 'symlink' ? `-> ${n.target}` : n.data;
    return;
  }
  out[prefix + (path || '/')] = '<dir>';
  for (const [name, c] of n.children) walkTree(c, prefix, out, `${path}/${name}`);
}
