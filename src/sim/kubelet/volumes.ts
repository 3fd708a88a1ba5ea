/**
 * The volume manager: turns a pod's volumes into filesystem trees the runtime mounts. emptyDir
 * trees live as long as the pod (shared by every container that mounts them, surviving container
 * restarts); hostPath trees live on the node and are shared by every pod that names the path;
 * configMap/secret/downwardAPI/projected trees are written by the AtomicWriter and refreshed by
 * the kubelet's periodic sync (`refresh`), so an edited ConfigMap shows up in running containers
 * within about a minute — except through subPath mounts, which stay bound to the file they got.
 * Those API-data volumes are always mounted read-only, whatever the volumeMount says.
 */
import type { ObjectStore } from '../api/store';
import type { Container, Pod, Volume, VolumeMount } from '../api/types';
import { FsTree, splitPath, normalize, type FsNode } from '../runtime/fs';
import type { MountConfig } from '../runtime/cri';
import { AtomicWriter, type Payload } from './atomic_writer';
import { parseQuantity } from './env';

export class MountError extends Error {}

/** The kubelet's syncFrequency (1m): how often a running pod's API-data volumes are rewritten from their sources. */
export const VOLUME_SYNC_MS = 60_000;

const SA_TOKEN_PLACEHOLDER_PREFIX = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZGxhYiJ9.';
/** The API's default for defaultMode: 0644. */
const DEFAULT_MODE = 0o644;

interface PodVolume {
  tree: FsTree;
  source: string;
  fstype: string;
  /** configMap, secret, downwardAPI and projected volumes: read-only mounts, refreshed in place. */
  writer?: AtomicWriter;
}

export class VolumeManager {
  /** Node directories for hostPath volumes, shared across pods. */
  private readonly hostTree = new FsTree();
  private podTrees = new Map<string, Map<string, PodVolume>>();
  /** When the kubelet first saw each pod: the `kubernetes.io/config.seen` annotation the downward API shows. */
  private seen = new Map<string, number>();

  constructor(private readonly store: ObjectStore, private readonly now: () => number) {}

  /** Build (or reuse) every volume of the pod; throws MountError when a source is missing. */
  setUp(pod: Pod): void {
    const uid = pod.metadata!.uid!;
    if (!this.seen.has(uid)) this.seen.set(uid, this.now());
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

  /**
   * The kubelet's periodic pod sync: rewrite API-data volumes whose sources changed. A source
   * that has become unreadable leaves the volume as it was (the kubelet logs and retries).
   * Returns the names of the volumes that changed.
   */
  refresh(pod: Pod): string[] {
    const trees = this.podTrees.get(pod.metadata!.uid!);
    const changed: string[] = [];
    for (const v of pod.spec?.volumes ?? []) {
      const t = trees?.get(v.name);
      if (!t?.writer) continue;
      let payload: Payload;
      try {
        payload = this.payload(pod, v);
      } catch (e) {
        if (e instanceof MountError) continue;
        throw e;
      }
      if (t.writer.write(payload, this.now())) changed.push(v.name);
    }
    return changed;
  }

  /** A pod's volume as it is now (the app's file browser reads it). */
  volumeTree(uid: string, name: string): FsTree | undefined {
    return this.podTrees.get(uid)?.get(name)?.tree;
  }

  tearDown(uid: string): void {
    this.podTrees.delete(uid);
    this.seen.delete(uid);
  }

  /**
   * volumeMounts → runtime mounts, resolved now (at container creation). A subPath is looked up
   * inside the volume with its symlinks followed (a configMap key names the real file in the
   * timestamped directory, not the `..data` link) and bound to that node, so later atomic
   * updates do not reach it; a missing subPath is created as a directory, as the kubelet does.
   */
  mountsFor(pod: Pod, mounts: VolumeMount[] | undefined, env?: Map<string, string>): MountConfig[] {
    const trees = this.podTrees.get(pod.metadata!.uid!);
    const out: MountConfig[] = [];
    for (const m of mounts ?? []) {
      const t = trees?.get(m.name);
      if (!t) continue;
      const readOnly = !!m.readOnly || !!t.writer;
      const sub = m.subPath ?? (m.subPathExpr ? m.subPathExpr.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_, n: string) => env?.get(n) ?? '') : '');
      if (!sub) {
        out.push({ containerPath: m.mountPath, tree: t.tree, subPath: '', readOnly, source: t.source, fstype: t.fstype });
        continue;
      }
      const node = resolveInside(t.tree, sub, this.now());
      // A one-entry tree around the bound node: the same node object, so writes through either path are shared.
      const bind = new FsTree();
      bind.root.children.set('bound', node);
      out.push({ containerPath: m.mountPath, tree: bind, subPath: '/bound', readOnly, source: t.source, fstype: t.fstype });
    }
    return out;
  }

  private build(pod: Pod, v: Volume): PodVolume {
    const now = this.now();
    if (v.emptyDir) {
      const mem = v.emptyDir.medium === 'Memory';
      return { tree: new FsTree(), source: mem ? 'tmpfs' : '/dev/vda1', fstype: mem ? 'tmpfs' : 'ext4' };
    }
    if (v.hostPath) {
      const tree = new FsTree(this.hostTree.mkdirp(v.hostPath.path, now));
      return { tree, source: '/dev/vda1', fstype: 'ext4' };
    }
    if (v.configMap || v.secret || v.projected || v.downwardAPI) {
      const writer = new AtomicWriter();
      writer.write(this.payload(pod, v), now);
      return { tree: writer.tree, source: 'tmpfs', fstype: 'tmpfs', writer };
    }
    return { tree: new FsTree(), source: '/dev/vda1', fstype: 'ext4' };
  }

  /** The files an API-data volume should hold now. */
  private payload(pod: Pod, v: Volume): Payload {
    const ns = pod.metadata?.namespace ?? 'default';
    if (v.configMap) return this.keyFiles(ns, v.name, 'ConfigMap', v.configMap.name ?? '', v.configMap.items, v.configMap.optional, v.configMap.defaultMode);
    if (v.secret) return this.keyFiles(ns, v.name, 'Secret', v.secret.secretName ?? '', v.secret.items, v.secret.optional, v.secret.defaultMode);
    if (v.downwardAPI) return downwardFiles(pod, v.downwardAPI.items ?? [], v.downwardAPI.defaultMode ?? DEFAULT_MODE, this.seen.get(pod.metadata!.uid!) ?? this.now());
    const files: Payload = {};
    const mode = v.projected?.defaultMode ?? DEFAULT_MODE;
    for (const s of v.projected?.sources ?? []) {
      if (s.serviceAccountToken) files[s.serviceAccountToken.path] = { data: SA_TOKEN_PLACEHOLDER_PREFIX + base64Url(`${ns}:${pod.spec?.serviceAccountName ?? 'default'}`), mode };
      if (s.configMap) Object.assign(files, this.keyFiles(ns, v.name, 'ConfigMap', s.configMap.name ?? '', s.configMap.items, s.configMap.optional, mode));
      if (s.secret) Object.assign(files, this.keyFiles(ns, v.name, 'Secret', s.secret.name ?? '', s.secret.items, s.secret.optional, mode));
      if (s.downwardAPI) Object.assign(files, downwardFiles(pod, s.downwardAPI.items ?? [], mode, this.seen.get(pod.metadata!.uid!) ?? this.now()));
    }
    return files;
  }

  private keyFiles(ns: string, volume: string, kind: 'ConfigMap' | 'Secret', name: string, items: Array<{ key: string; path: string; mode?: number }> | undefined, optional: boolean | undefined, defaultMode: number | undefined): Payload {
    const isCm = kind === 'ConfigMap';
    const obj = this.store.peek(kind, ns, name) as { data?: Record<string, string>; binaryData?: Record<string, string> } | undefined;
    if (!obj) {
      if (optional) return {};
      throw new MountError(`MountVolume.SetUp failed for volume "${volume}" : ${isCm ? 'configmap' : 'secret'} "${name}" not found`);
    }
    const data: Record<string, string> = {};
    for (const [k, val] of Object.entries(obj.data ?? {})) data[k] = isCm ? val : decodeBase64(val);
    if (isCm) for (const [k, val] of Object.entries(obj.binaryData ?? {})) data[k] = decodeBase64(val);
    const mode = defaultMode ?? DEFAULT_MODE;
    const files: Payload = {};
    for (const it of items ?? Object.keys(data).sort().map((key) => ({ key, path: key, mode: undefined }))) {
      if (!(it.key in data)) {
        if (optional) continue;
        throw new MountError(`MountVolume.SetUp failed for volume "${volume}" : ${isCm ? 'configmap' : 'secret'} references non-existent ${isCm ? 'config' : 'secret'} key: ${it.key}`);
      }
      files[it.path] = { data: data[it.key], mode: it.mode ?? mode };
    }
    return files;
  }
}

/** Follow a subPath inside one volume (links resolve within the volume), creating it as a directory when missing. */
function resolveInside(tree: FsTree, subPath: string, now: number): FsNode {
  let parts = splitPath(subPath);
  for (let hops = 0; hops < 40; hops++) {
    let n: FsNode = tree.root;
    let redirected = false;
    for (let i = 0; i < parts.length; i++) {
      if (n.type !== 'dir') break;
      const c = n.children.get(parts[i]);
      if (!c) return tree.mkdirp(parts.join('/'), now);
      if (c.type === 'symlink') {
        const base = normalize(c.target, '/' + parts.slice(0, i).join('/'));
        parts = [...splitPath(base), ...parts.slice(i + 1)];
        redirected = true;
        break;
      }
      n = c;
    }
    if (!redirected) return n;
  }
  throw new MountError(`failed to prepare subPath for volumeMount: too many levels of symbolic links: ${subPath}`);
}

/** Go's %q for the label/annotation files (fieldpath.FormatMap). */
function quote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h}`);
}

/** `key="value"` lines sorted by key, no trailing newline (fieldpath.FormatMap). */
function formatMap(m: Record<string, string>): string {
  return Object.keys(m).sort().map((k) => `${k}=${quote(m[k])}`).join('\n');
}

/** RFC3339Nano as Go prints it (trailing zeros of the fraction dropped). */
function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0*Z$/, 'Z');
}

function downwardFiles(pod: Pod, items: NonNullable<NonNullable<Volume['downwardAPI']>['items']>, defaultMode: number, seen: number): Payload {
  const files: Payload = {};
  for (const it of items) {
    let data = '';
    const fp = it.fieldRef?.fieldPath;
    if (fp) {
      const md = pod.metadata ?? {};
      // The kubelet's copy of the pod carries two annotations of its own, which the file shows.
      const annotations: Record<string, string> = { ...md.annotations, 'kubernetes.io/config.seen': rfc3339Nano(seen), 'kubernetes.io/config.source': 'api' };
      const one = fp.match(/^metadata\.(labels|annotations)\['(.+)'\]$/);
      if (one) data = (one[1] === 'labels' ? md.labels ?? {} : annotations)[one[2]] ?? '';
      else if (fp === 'metadata.labels') data = formatMap(md.labels ?? {});
      else if (fp === 'metadata.annotations') data = formatMap(annotations);
      else if (fp === 'metadata.name') data = md.name ?? '';
      else if (fp === 'metadata.namespace') data = md.namespace ?? 'default';
      else if (fp === 'metadata.uid') data = md.uid ?? '';
    } else if (it.resourceFieldRef) {
      const c = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === it.resourceFieldRef!.containerName);
      data = resourceValue(c, it.resourceFieldRef.resource, String(it.resourceFieldRef.divisor ?? '1'));
    }
    files[it.path] = { data, mode: it.mode ?? defaultMode };
  }
  return files;
}

/** Node allocatable, what an unset limit reports (2 CPUs, ~3.8 GiB). */
const NODE_CPU_MILLI = 2000;
const NODE_MEMORY = 4110970880;

/** resourceFieldRef: the value divided by the divisor, rounded up (resource.ExtractContainerResourceValue). */
export function resourceValue(c: Container | undefined, resource: string, divisor = '1'): string {
  const [kind, res] = resource.split('.');
  const v = (kind === 'limits' ? c?.resources?.limits : c?.resources?.requests)?.[res];
  if (res === 'cpu') {
    const milli = v === undefined ? (kind === 'limits' ? NODE_CPU_MILLI : 0) : cpuMilli(String(v));
    return String(Math.ceil(milli / cpuMilli(divisor)));
  }
  const bytes = v === undefined ? (kind === 'limits' ? NODE_MEMORY : 0) : parseQuantity(String(v));
  return String(Math.ceil(bytes / (parseQuantity(divisor) || 1)));
}

function cpuMilli(s: string): number {
  return s.endsWith('m') ? Number(s.slice(0, -1)) : Number(s) * 1000;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to text: bytes, then UTF-8 (Secret values are bytes; files hold text). */
export function decodeBase64(s: string): string {
  let bits = 0;
  let acc = 0;
  const bytes: number[] = [];
  for (const ch of s.replace(/[^A-Za-z0-9+/]/g, '')) {
    acc = ((acc << 6) | B64.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return utf8(bytes);
}

/** UTF-8 bytes to a string; a byte that starts no valid sequence passes through as itself. */
function utf8(b: number[]): string {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    const need = x >= 0xf0 && x < 0xf8 ? 3 : x >= 0xe0 && x < 0xf0 ? 2 : x >= 0xc0 && x < 0xe0 ? 1 : 0;
    let cp = x & (0x7f >> (need + 1));
    let ok = need > 0 && i + need < b.length;
    for (let k = 1; ok && k <= need; k++) {
      const y = b[i + k];
      if ((y & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (y & 0x3f);
    }
    if (!ok) {
      out += String.fromCharCode(x);
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need;
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
