/**
 * What the API server adds to an object between decoding and validation, so `kubectl get -o yaml`
 * shows the same fields a real v1.32 cluster does (FIDELITY §11, §12, §20.2):
 * - defaulting: kubernetes/kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_*), plus the
 *   v1 conversion that folds Secret.stringData into data;
 * - mutating admission on create: ServiceAccount (serviceAccountName, the kube-api-access-xxxxx
 *   projected volume and its mounts), Priority, DefaultTolerationSeconds; and the Namespace and
 *   Service registry strategies (namespace finalizer/phase, Service IP families).
 * Admission runs after defaulting, so what it adds is not defaulted again (as upstream).
 * ClusterIP/NodePort allocation, uid and timestamps are left to the API server and store.
 */
import type { Prng } from '../clock/prng';
import { defaultImagePullPolicy } from './image-reference';
import type { KubeObject } from './types';

export interface DefaultsContext {
  prng: Prng;
  /** Namespace of the request; filled into metadata.namespace of namespaced objects without one. */
  namespace: string;
  /**
   * Upstream admission plugins only mutate pods on create. On update (`kubectl replace`) the
   * kube-api-access volume is not re-added, which is why replacing a pod with its original manifest
   * fails validation. Default 'create'.
   */
  operation?: 'create' | 'update';
}

type Obj = Record<string, unknown>;

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: the token lifetime admission requests. */
const TOKEN_EXPIRATION_SECONDS = 3607;
const CLUSTER_SCOPED = new Set(['Namespace', 'Node']);

/** Returns a defaulted deep copy; the input is never changed. */
export function applyDefaults(obj: KubeObject, ctx: DefaultsContext): KubeObject {
  const out = JSON.parse(JSON.stringify(obj)) as KubeObject;
  const kind = out.kind ?? '';
  if (!CLUSTER_SCOPED.has(kind) && ctx.namespace && out.metadata && !out.metadata.namespace) {
    out.metadata.namespace = ctx.namespace;
  }
  switch (kind) {
    case 'Pod':
      defaultPod(out as Obj);
      if ((ctx.operation ?? 'create') === 'create') admitPod(out as Obj, ctx);
      else defaultTolerationSeconds(objAt(out, 'spec'));
      break;
    case 'Service':
      defaultService(out as Obj);
      break;
    case 'Secret':
      defaultSecret(out as Obj);
      break;
    case 'Namespace':
      defaultNamespace(out);
      break;
    case 'Endpoints':
      for (const subset of list(out, 'subsets')) for (const port of list(subset, 'ports')) setIfEmpty(port, 'protocol', 'TCP');
      break;
    default:
      break;
  }
  return out;
}

// ---- Pod: SetDefaults_Pod, SetDefaults_PodSpec and what they recurse into ----

function defaultPod(pod: Obj): void {
  const spec = objAt(pod, 'spec');
  const containers = list(spec, 'containers');
  const initContainers = list(spec, 'initContainers');
  const ephemeral = list(spec, 'ephemeralContainers');

  // SetDefaults_PodSpec
  setIfEmpty(spec, 'dnsPolicy', 'ClusterFirst');
  setIfEmpty(spec, 'restartPolicy', 'Always');
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  setIfEmpty(spec, 'schedulerName', 'default-scheduler');

  for (const c of [...containers, ...initContainers, ...ephemeral]) defaultContainer(c);

  // SetDefaults_Pod: requests default to limits (regular and init containers only).
  for (const c of [...containers, ...initContainers]) {
    const resources = objAt(c, 'resources');
    const limits = resources.limits as Obj | undefined;
    if (limits && typeof limits === 'object') {
      const requests = (resources.requests ?? {}) as Obj;
      for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
      resources.requests = requests;
    }
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    // defaultHostNetworkPorts: with the host's network, a port is published on the same host port.
    for (const c of [...containers, ...initContainers]) {
      for (const p of list(c, 'ports')) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  for (const v of list(spec, 'volumes')) defaultVolume(v);
}

function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(typeof c.image === 'string' ? c.image : '');
  setIfEmpty(c, 'terminationMessagePath', '/dev/termination-log');
  setIfEmpty(c, 'terminationMessagePolicy', 'File');
  // ResourceRequirements is a struct, not a pointer: it always serialises, as `resources: {}`.
  if (c.resources === undefined || c.resources === null) c.resources = {};
  for (const p of list(c, 'ports')) setIfEmpty(p, 'protocol', 'TCP');
  for (const e of list(c, 'env')) {
    const fieldRef = (e.valueFrom as Obj | undefined)?.fieldRef as Obj | undefined;
    if (fieldRef) setIfEmpty(fieldRef, 'apiVersion', 'v1');
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = c[probe] as Obj | undefined;
    if (!p || typeof p !== 'object') continue;
    // SetDefaults_Probe treats 0 as unset.
    if (!p.timeoutSeconds) p.timeoutSeconds = 1;
    if (!p.periodSeconds) p.periodSeconds = 10;
    if (!p.successThreshold) p.successThreshold = 1;
    if (!p.failureThreshold) p.failureThreshold = 3;
    defaultHttpGet(p.httpGet);
  }
  const lifecycle = c.lifecycle as Obj | undefined;
  if (lifecycle && typeof lifecycle === 'object') {
    for (const hook of ['postStart', 'preStop']) defaultHttpGet((lifecycle[hook] as Obj | undefined)?.httpGet);
  }
}

function defaultHttpGet(h: unknown): void {
  if (!h || typeof h !== 'object') return;
  setIfEmpty(h as Obj, 'path', '/');
  setIfEmpty(h as Obj, 'scheme', 'HTTP');
}

function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name' && v[k] !== null && v[k] !== undefined);
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (sources.length === 0) v.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = v[key] as Obj | undefined;
    if (src && typeof src === 'object' && (src.defaultMode === undefined || src.defaultMode === null)) src.defaultMode = 420;
  }
  const hostPath = v.hostPath as Obj | undefined;
  if (hostPath && typeof hostPath === 'object' && (hostPath.type === undefined || hostPath.type === null)) hostPath.type = '';
  for (const item of list(v.downwardAPI as Obj | undefined, 'items')) {
    if (item.fieldRef) setIfEmpty(item.fieldRef as Obj, 'apiVersion', 'v1');
  }
  for (const source of list(v.projected as Obj | undefined, 'sources')) {
    for (const item of list(source.downwardAPI as Obj | undefined, 'items')) {
      if (item.fieldRef) setIfEmpty(item.fieldRef as Obj, 'apiVersion', 'v1');
    }
    const token = source.serviceAccountToken as Obj | undefined;
    if (token && typeof token === 'object' && (token.expirationSeconds === undefined || token.expirationSeconds === null)) {
      token.expirationSeconds = 3600;
    }
  }
}

// ---- Pod admission on create ----

function admitPod(pod: Obj, ctx: DefaultsContext): void {
  const spec = objAt(pod, 'spec');
  // ServiceAccount admission. The deprecated serviceAccount field mirrors serviceAccountName.
  if (!spec.serviceAccountName) spec.serviceAccountName = typeof spec.serviceAccount === 'string' && spec.serviceAccount ? spec.serviceAccount : 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken !== false) mountServiceAccountToken(spec, ctx.prng);

  // Priority admission: no PriorityClass given and no global default → priority 0.
  if (spec.priority === undefined || spec.priority === null) {
    const byClass: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };
    spec.priority = typeof spec.priorityClassName === 'string' ? byClass[spec.priorityClassName] ?? 0 : 0;
  }
  setIfEmpty(spec, 'preemptionPolicy', 'PreemptLowerPriority');

  defaultTolerationSeconds(spec);
}

/** plugin/pkg/admission/serviceaccount: mount the projected token into every init and regular container. */
function mountServiceAccountToken(spec: Obj, prng: Prng): void {
  const volumes = list(spec, 'volumes');
  const existing = volumes.find((v) => typeof v.name === 'string' && v.name.startsWith('kube-api-access-'));
  const volumeName = (existing?.name as string | undefined) ?? `kube-api-access-${prng.nameSuffix()}`;
  let needsVolume = false;
  for (const key of ['initContainers', 'containers']) {
    for (const c of list(spec, key)) {
      const mounts = list(c, 'volumeMounts');
      if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) continue;
      mounts.push({ mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true });
      c.volumeMounts = mounts;
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) {
    volumes.push({
      name: volumeName,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    });
    spec.volumes = volumes;
  }
}

/** DefaultTolerationSeconds admission: tolerate not-ready/unreachable nodes for 300s. */
function defaultTolerationSeconds(spec: Obj): void {
  const tolerations = list(spec, 'tolerations');
  const tolerates = (key: string): boolean =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const add: Obj[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) add.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  if (add.length) spec.tolerations = [...tolerations, ...add];
}

// ---- Service, Secret, Namespace ----

function defaultService(svc: Obj): void {
  const spec = objAt(svc, 'spec');
  setIfEmpty(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = objAt(spec, 'sessionAffinityConfig');
    const clientIP = objAt(cfg, 'clientIP');
    if (clientIP.timeoutSeconds === undefined || clientIP.timeoutSeconds === null) clientIP.timeoutSeconds = 10800;
  }
  setIfEmpty(spec, 'type', 'ClusterIP');
  for (const p of list(spec, 'ports')) {
    setIfEmpty(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const type = spec.type;
  const externallyAccessible = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (externallyAccessible) setIfEmpty(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') setIfEmpty(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    spec.allocateLoadBalancerNodePorts = true;
  }
  if (type !== 'ExternalName') {
    // The Service registry's IP family defaulting on a single-stack IPv4 cluster.
    setIfEmpty(spec, 'ipFamilyPolicy', 'SingleStack');
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
}

function defaultSecret(secret: Obj): void {
  setIfEmpty(secret, 'type', 'Opaque');
  // v1 → internal conversion: stringData is write-only; its entries land in data, base64-encoded.
  const stringData = secret.stringData as Obj | undefined;
  if (stringData && typeof stringData === 'object') {
    const data = (secret.data ?? {}) as Obj;
    for (const [k, v] of Object.entries(stringData)) data[k] = base64Utf8(String(v ?? ''));
    secret.data = data;
  }
  delete secret.stringData;
}

function defaultNamespace(ns: KubeObject): void {
  const name = ns.metadata?.name;
  if (name) ns.metadata = { ...ns.metadata, labels: { ...(ns.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': name } };
  const o = ns as Obj;
  const spec = objAt(o, 'spec');
  if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
  const status = objAt(o, 'status');
  setIfEmpty(status, 'phase', 'Active');
}

// ---- helpers ----

/** The object at o[key], created when missing. */
function objAt(o: Obj, key: string): Obj {
  const v = o[key];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
  const created: Obj = {};
  o[key] = created;
  return created;
}

/** The list at o[key] (objects only), or an empty array that is not attached. */
function list(o: Obj | undefined, key: string): Obj[] {
  const v = o?.[key];
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Obj[]) : [];
}

function setIfEmpty(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null || o[key] === '') o[key] = value;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the UTF-8 bytes of a string (no DOM/Node APIs in the engine). */
export function base64Utf8(s: string): string {
  const bytes: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}
