/**
 * Answers a Query against one cluster (the live one, or a replay stopped at the cursor instant).
 * Reads only: nothing here changes the cluster, so answering never disturbs determinism.
 */
import type { Cluster } from '../../sim/cluster';
import type { Pod, Service } from '../../sim/api/types';
import type { FsNode, FsTree } from '../../sim/runtime/fs';
import { ERRNO_TEXT, FsError, normalize, splitPath } from '../../sim/runtime/fs';
import type { FsEntry, FsTarget, PodNet, Query, QueryResult, Scene } from './types';

/** Files larger than this are cut when opened in the viewer (the rest is noted, not sent). */
export const MAX_READ_BYTES = 512 * 1024;

export function answer(cluster: Cluster, q: Query): QueryResult {
  const at = cluster.now();
  try {
    switch (q.kind) {
      case 'scene':
        return { ok: true, kind: 'scene', at, scene: scene(cluster) };
      case 'ls':
        return { ok: true, kind: 'ls', at, entries: list(cluster, q.target, q.path) };
      case 'read':
        return { ok: true, kind: 'read', at, content: read(cluster, q.target, q.path) };
    }
  } catch (e) {
    return { ok: false, at, error: e instanceof FsError ? fsMessage(e) : e instanceof Error ? e.message : String(e) };
  }
}

export function scene(cluster: Cluster): Scene {
  const pods = cluster.store.list('Pod') as Pod[];
  const services = cluster.store.list('Service') as Service[];
  const net: Record<string, PodNet> = {};
  for (const p of pods) {
    const ip = p.status?.podIP ?? cluster.kubelet.workers.get(p.metadata!.uid!)?.sandboxIP;
    const entry = ip ? cluster.network.pod(ip) : undefined;
    const ports: PodNet['ports'] = [];
    if (entry) {
      for (const port of [...entry.net.listeners.keys()].sort((a, b) => a - b)) {
        const l = entry.net.listener(port);
        if (l) ports.push({ port, container: l.process.host.containerName });
      }
    }
    net[`${p.metadata!.namespace ?? 'default'}/${p.metadata!.name}`] = { ip: p.status?.podIP, ports, ipc: ip ? cluster.kubelet.runtime.ipcObjects(ip) : [] };
  }
  return { pods, services, net };
}

function podOf(cluster: Cluster, t: FsTarget): Pod {
  const pod = cluster.store.peek('Pod', t.namespace, t.pod) as Pod | undefined;
  if (!pod) throw new Error(`pod "${t.pod}" does not exist at this time`);
  return pod;
}

function list(cluster: Cluster, t: FsTarget, path: string): FsEntry[] {
  if ('volume' in t) {
    const node = volumeNode(cluster, t, path);
    if (node.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...node.children].map(([name, n]) => entry(name, n)).sort(byName);
  }
  const fs = containerFs(cluster, t);
  const dir = normalize(path);
  return fs.readdir(dir).map((name) => {
    const n = fs.stat(dir === '/' ? `/${name}` : `${dir}/${name}`, false);
    return n ? entry(name, n) : { name, type: 'file' as const, size: 0, mode: 0o644, mtime: 0 };
  });
}

function read(cluster: Cluster, t: FsTarget, path: string): string {
  let data: string;
  if ('volume' in t) {
    const n = volumeNode(cluster, t, path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    if (n.type === 'symlink') throw new Error(`${path} is a symbolic link to ${n.target}`);
    data = n.data;
  } else data = containerFs(cluster, t).readFile(path);
  return data.length > MAX_READ_BYTES ? data.slice(0, MAX_READ_BYTES) + `\n… (${data.length - MAX_READ_BYTES} more bytes not shown)\n` : data;
}

function volumeNode(cluster: Cluster, t: FsTarget & { volume: string }, path: string): FsNode {
  const pod = podOf(cluster, t);
  const tree: FsTree | undefined = cluster.kubelet.volumes.volumeTree(pod.metadata!.uid!, t.volume);
  if (!tree) throw new Error(`volume "${t.volume}" of pod "${t.pod}" is not set up at this time`);
  const n = tree.lookup(splitPath(path).join('/'));
  if (!n) throw new FsError('ENOENT', path);
  return n;
}

function containerFs(cluster: Cluster, t: FsTarget & { container: string }) {
  const pod = podOf(cluster, t);
  const ids = cluster.kubelet.containerLogIds(pod, t.container);
  const fs = ids.length ? cluster.kubelet.runtime.containerFs(ids[ids.length - 1]) : undefined;
  if (!fs) throw new Error(`container "${t.container}" of pod "${t.pod}" has not been created at this time`);
  return fs;
}

function entry(name: string, n: FsNode): FsEntry {
  return { name, type: n.type, size: n.type === 'file' ? n.data.length : 0, mode: n.mode, mtime: n.mtime, ...(n.type === 'symlink' ? { target: n.target } : {}) };
}

function byName(a: FsEntry, b: FsEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function fsMessage(e: FsError): string {
  return `${e.path}: ${ERRNO_TEXT[e.code]}`;
}
