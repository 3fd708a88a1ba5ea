/**
 * The volume manager: turns a pod's volumes into filesystem trees the runtime mounts. emptyDir
 * trees live as long as the pod (shared by every container that mounts them, surviving container
 * restarts); hostPath trees live on the node; configMap/secret/projected trees are built from API
 * objects with the atomic-writer `..data` layout.
 */
import type { ObjectStore } from '../api/store';
import type { Pod, Volume, VolumeMount } from '../api/types';
import { FsTree } from '../runtime/fs';
import type { MountConfig } from '../runtime/cri';

export class MountError extends Error {}

const SA_TOKEN_PLACEHOLDER_PREFIX = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZGxhYiJ9.';

export class VolumeManager {
  /** Node directories for hostPath volumes, shared across pods. */
  private readonly hostTree = new FsTree();
  private podTrees = new Map<string, Map<string, { tree: FsTree; source: string; fstype: string }>>();

  constructor(private readonly store: ObjectStore, private readonly now: () => number) {}

  /** Build (or reuse) every volume of the pod; throws MountError when a source is missing. */
  setUp(pod: Pod): void {
    const uid = pod.metadata!.uid!;
    let trees = this.podTrees.get(uid);
    if (!trees) {
      trees = new Map();
      this.podTrees.set(uid, trees);
    }
    for (const v of pod.spec?.volumes ?? []) {
      if (trees.has(v.name)) continue;
      trees.set(v.name, this.build(pod, v));
    }
  }

  tearDown(uid: string): void {
    this.podTrees.delete(uid);
  }

  mountsFor(pod: Pod, mounts: VolumeMount[] | undefined): MountConfig[] {
    const trees = this.podTrees.get(pod.metadata!.uid!);
    const out: MountConfig[] = [];
    for (const m of mounts ?? []) {
      const t = trees?.get(m.name);
      if (!t) continue;
      const sub = m.subPath ? `/${m.subPath}` : '';
      out.push({ containerPath: m.mountPath, tree: t.tree, subPath: sub, readOnly: !!m.readOnly, source: t.source, fstype: t.fstype });
    }
    return out;
  }

  private build(pod: Pod, v: Volume): { tree: FsTree; source: string; fstype: string } {
    const ns = pod.metadata?.namespace ?? 'default';
    const now = this.now();
    if (v.emptyDir) {
      const mem = v.emptyDir.medium === 'Memory';
      return { tree: new FsTree(), source: mem ? 'tmpfs' : '/dev/vda1', fstype: mem ? 'tmpfs' : 'ext4' };
    }
    if (v.hostPath) {
      const tree = new FsTree(this.hostTree.mkdirp(v.hostPath.path, now));
      return { tree, source: '/dev/vda1', fstype: 'ext4' };
    }
    if (v.configMap || v.secret) {
      const isCm = !!v.configMap;
      const name = isCm ? v.configMap!.name! : v.secret!.secretName!;
      const obj = this.store.peek(isCm ? 'ConfigMap' : 'Secret', ns, name) as { data?: Record<string, string> } | undefined;
      const optional = isCm ? v.configMap!.optional : v.secret!.optional;
      if (!obj && !optional) throw new MountError(`MountVolume.SetUp failed for volume "${v.name}" : ${isCm ? 'configmap' : 'secret'} "${name}" not found`);
      const data: Record<string, string> = {};
      for (const [k, val] of Object.entries(obj?.data ?? {})) data[k] = isCm ? val : decodeBase64(val);
      const items = (isCm ? v.configMap!.items : v.secret!.items) ?? Object.keys(data).map((k) => ({ key: k, path: k }));
      return { tree: atomicTree(Object.fromEntries(items.map((it) => [it.path, data[it.key] ?? ''])), now), source: 'tmpfs', fstype: 'tmpfs' };
    }
    if (v.projected) {
      const files: Record<string, string> = {};
      for (const s of v.projected.sources ?? []) {
        if (s.serviceAccountToken) files[s.serviceAccountToken.path] = SA_TOKEN_PLACEHOLDER_PREFIX + base64Url(`${ns}:${pod.spec?.serviceAccountName ?? 'default'}`);
        if (s.configMap?.name === 'kube-root-ca.crt') for (const it of s.configMap.items ?? []) files[it.path] = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIPodLabSimulatedCA\n-----END CERTIFICATE-----\n';
        if (s.downwardAPI) for (const it of s.downwardAPI.items ?? []) if (it.fieldRef?.fieldPath === 'metadata.namespace') files[it.path] = ns;
      }
      return { tree: atomicTree(files, now), source: 'tmpfs', fstype: 'tmpfs' };
    }
    if (v.downwardAPI) {
      const files: Record<string, string> = {};
      for (const it of v.downwardAPI.items ?? []) {
        const fp = it.fieldRef?.fieldPath ?? '';
        const val = fp === 'metadata.name' ? pod.metadata?.name : fp === 'metadata.namespace' ? ns : fp === 'metadata.uid' ? pod.metadata?.uid : '';
        files[it.path] = val ?? '';
      }
      return { tree: atomicTree(files, now), source: 'tmpfs', fstype: 'tmpfs' };
    }
    return { tree: new FsTree(), source: '/dev/vda1', fstype: 'ext4' };
  }
}

/** The kubelet's AtomicWriter layout: files live in a timestamped dir, `..data` points at it, and each key is a symlink through `..data`. */
function atomicTree(files: Record<string, string>, now: number): FsTree {
  const t = new FsTree();
  const stamp = `..${new Date(now).toISOString().replace(/[-:]/g, '_').replace('T', '_').replace(/\..*$/, '')}.${String(now % 1e9).padStart(9, '0')}`;
  for (const [p, data] of Object.entries(files)) t.writeFile(`${stamp}/${p}`, data, now, true);
  t.root.children.set('..data', { type: 'symlink', target: stamp, mode: 0o777, mtime: now });
  for (const p of Object.keys(files)) {
    const top = p.split('/')[0];
    t.root.children.set(top, { type: 'symlink', target: `..data/${top}`, mode: 0o777, mtime: now });
  }
  return t;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeBase64(s: string): string {
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of s.replace(/[^A-Za-z0-9+/]/g, '')) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

function base64Url(s: string): string {
  let out = '';
  let i = 0;
  for (; i + 2 < s.length; i += 3) {
    const n = (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8) | s.charCodeAt(i + 2);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = s.length - i;
  if (rest) {
    const n = (s.charCodeAt(i) << 16) | (rest > 1 ? s.charCodeAt(i + 1) << 8 : 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (rest > 1 ? B64[(n >> 6) & 63] : '');
  }
  return out.replace(/\+/g, '-').replace(/\//g, '_');
}
