/**
 * The workstation's kubeconfig: `~/.kube/config` (or the first file in $KUBECONFIG), as kubeadm's
 * admin.conf copied there — cluster `kubernetes` at https://172.30.1.2:6443, user
 * `kubernetes-admin`, context `kubernetes-admin@kubernetes`. Until `kubectl config` writes the
 * file, kubectl reads that built-in content.
 *
 * The current context's namespace is the default namespace of every verb:
 * verbs call `contextNamespace(ctx)` where they used to assume "default"
 * (`kubectl config set-context --current --namespace=dev` then `kubectl get pods` lists dev).
 */
import { parse } from 'yaml';
import type { KubectlCtx } from './context';
import { toYAML } from './printers/yaml';
import { NODE_IP } from '../net/addr';

export interface NamedCluster {
  name: string;
  cluster: { server?: string; 'certificate-authority-data'?: string; 'insecure-skip-tls-verify'?: boolean };
}
export interface NamedContext {
  name: string;
  context: { cluster?: string; user?: string; namespace?: string };
}
export interface NamedUser {
  name: string;
  user: Record<string, string>;
}
export interface Kubeconfig {
  clusters: NamedCluster[];
  contexts: NamedContext[];
  users: NamedUser[];
  currentContext: string;
}

// Base64 of PEM blocks whose body says what they are: the simulated cluster has no real keys.
const CA_DATA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tClBvZCBMYWIgc2ltdWxhdGVkIGNsdXN0ZXIgQ0EKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const CERT_DATA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tClBvZCBMYWIgc2ltdWxhdGVkIGt1YmVybmV0ZXMtYWRtaW4gY2VydGlmaWNhdGUKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const KEY_DATA = 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpQb2QgTGFiIHNpbXVsYXRlZCBrdWJlcm5ldGVzLWFkbWluIGtleQotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo=';

export const API_SERVER_URL = `https://${NODE_IP}:6443`;

export function defaultKubeconfig(): Kubeconfig {
  return {
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': CA_DATA, server: API_SERVER_URL } }],
    contexts: [{ name: 'kubernetes-admin@kubernetes', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': CERT_DATA, 'client-key-data': KEY_DATA } }],
    currentContext: 'kubernetes-admin@kubernetes',
  };
}

/** Where kubectl reads and writes its config: the first $KUBECONFIG entry, else ~/.kube/config. */
export function kubeconfigPath(ctx: Pick<KubectlCtx, 'env'>): string {
  const env = ctx.env?.get('KUBECONFIG');
  return env?.split(':').find(Boolean) ?? '~/.kube/config';
}

export function loadKubeconfig(ctx: Pick<KubectlCtx, 'env' | 'files'>): Kubeconfig {
  const text = ctx.files?.read?.(kubeconfigPath(ctx));
  if (text === undefined) return defaultKubeconfig();
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text) ?? {}) as Record<string, unknown>;
  } catch {
    return defaultKubeconfig();
  }
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  return {
    clusters: list<NamedCluster>(doc.clusters).map((c) => ({ name: String(c.name), cluster: { ...c.cluster } })),
    contexts: list<NamedContext>(doc.contexts).map((c) => ({ name: String(c.name), context: { ...c.context } })),
    users: list<NamedUser>(doc.users).map((u) => ({ name: String(u.name), user: { ...u.user } })),
    currentContext: typeof doc['current-context'] === 'string' ? doc['current-context'] : '',
  };
}

export function saveKubeconfig(ctx: Pick<KubectlCtx, 'env' | 'files'>, cfg: Kubeconfig): void {
  ctx.files.write(kubeconfigPath(ctx), kubeconfigYaml(cfg, false));
}

/** The namespace verbs use when -n is not given: the current context's, else "default". */
export function contextNamespace(ctx: Pick<KubectlCtx, 'env' | 'files'>): string {
  const cfg = loadKubeconfig(ctx);
  return cfg.contexts.find((c) => c.name === cfg.currentContext)?.context.namespace || 'default';
}

/** The current context's cluster server URL (what cluster-info names). */
export function currentServer(cfg: Kubeconfig): string {
  const context = cfg.contexts.find((c) => c.name === cfg.currentContext);
  return cfg.clusters.find((c) => c.name === context?.context.cluster)?.cluster.server ?? API_SERVER_URL;
}

/** `config view` hides key material: `*-data` fields print DATA+OMITTED, secrets REDACTED. */
function redact(cfg: Kubeconfig): Kubeconfig {
  const hide = (o: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k.endsWith('-data') ? 'DATA+OMITTED' : k === 'token' || k === 'password' ? 'REDACTED' : v;
    return out;
  };
  return {
    ...cfg,
    clusters: cfg.clusters.map((c) => ({ ...c, cluster: hide(c.cluster) as NamedCluster['cluster'] })),
    users: cfg.users.map((u) => ({ ...u, user: hide(u.user) as NamedUser['user'] })),
  };
}

/** Only what the current context uses (`config view --minify`). */
export function minify(cfg: Kubeconfig): Kubeconfig {
  const context = cfg.contexts.find((c) => c.name === cfg.currentContext);
  return {
    currentContext: cfg.currentContext,
    contexts: context ? [context] : [],
    clusters: cfg.clusters.filter((c) => c.name === context?.context.cluster),
    users: cfg.users.filter((u) => u.name === context?.context.user),
  };
}

/** The v1 Config object in Go's field order (what `-o json` prints and jsonpath reads). */
export function configObject(cfg: Kubeconfig, raw: boolean): Record<string, unknown> {
  const c = raw ? cfg : redact(cfg);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    // Go nil slices print as null; `server`, `cluster` and `user` are not omitempty.
    clusters: nullIfEmpty(c.clusters.map((x) => ({ name: x.name, cluster: orderKeys({ server: '', ...x.cluster }, ['server', 'certificate-authority-data']) }))),
    users: nullIfEmpty(c.users.map((x) => ({ name: x.name, user: x.user }))),
    contexts: nullIfEmpty(c.contexts.map((x) => ({ name: x.name, context: orderKeys({ cluster: '', user: '', ...x.context }, ['cluster', 'user', 'namespace']) }))),
    'current-context': c.currentContext,
  };
}

const nullIfEmpty = <T>(list: T[]): T[] | null => (list.length ? list : null);

function orderKeys<T extends object>(o: T, first: string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of first) if (k in o) out[k] = (o as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(o)) if (!(k in out)) out[k] = v;
  return out as T;
}

export function kubeconfigYaml(cfg: Kubeconfig, redacted: boolean): string {
  const obj = configObject(cfg, !redacted);
  // sigs.k8s.io/yaml sorts keys; an empty current-context is still printed as "".
  return toYAML(obj);
}

export function kubeconfigJson(cfg: Kubeconfig, redacted: boolean): string {
  return JSON.stringify(configObject(cfg, !redacted), null, 4) + '\n';
}
