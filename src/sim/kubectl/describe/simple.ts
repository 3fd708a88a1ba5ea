/**
 * The short describers of kubectl v1.32 (pkg/describe/describe.go): ConfigMap, Secret, Namespace,
 * ServiceAccount and Endpoints. Checked byte for byte against the real kubectl describing the
 * same objects (scripts/kubectl-reference/crosscheck.ts).
 */
import type { ConfigMap, Endpoints, Event, KubeObject, Namespace, Secret } from '../../api/types.ts';
import { describeEvents } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefix-writer.ts';
import { decodeBase64 } from '../../kubelet/volumes.ts';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function header(w: PrefixWriter, o: { metadata?: KubeObject['metadata'] }, namespaced = true): void {
  w.write(LEVEL_0, `Name:\t${o.metadata?.name ?? ''}\n`);
  if (namespaced) w.write(LEVEL_0, `Namespace:\t${o.metadata?.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', o.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', o.metadata?.annotations);
}

/**
 * describeConfigMap: values printed in full; binary values only by size. kubectl ranges over the
 * Go maps, so a real terminal shows the keys in varying order; sorted here.
 */
export function describeConfigMap(cm: ConfigMap, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, cm);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort(byName)) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort(byName)) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData![k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(events, w, now);
  return w.toString();
}

/** describeSecret: sizes in bytes, never values (except a service-account token's `token`); keys sorted (kubectl: map order). */
export function describeSecret(secret: Secret): string {
  const w = new PrefixWriter();
  header(w, secret);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(secret.data ?? {}).sort(byName)) {
    const v = secret.data![k];
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${decodeBase64(v)}\n`);
    else w.write(LEVEL_0, `${k}:\t${base64Length(v)} bytes\n`);
  }
  return w.toString();
}

/** describeNamespace (this cluster has no ResourceQuota or LimitRange objects). */
export function describeNamespace(ns: Namespace): string {
  const w = new PrefixWriter();
  header(w, ns, false);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.toString();
}

interface ServiceAccount extends KubeObject {
  secrets?: Array<{ name?: string }>;
  imagePullSecrets?: Array<{ name?: string }>;
}

/**
 * describeServiceAccount: pull secrets, mountable secrets and token Secrets (none since v1.24),
 * each marked `(not found)` when no Secret of that name exists in the namespace. `secrets` are
 * the namespace's Secrets.
 */
export function describeServiceAccount(sa: ServiceAccount, secrets: Secret[], events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, sa);
  const existing = new Set(secrets.map((s) => s.metadata?.name));
  const tokens = secrets.filter(
    (s) => s.type === 'kubernetes.io/service-account-token' && s.metadata?.annotations?.['kubernetes.io/service-account.name'] === sa.metadata?.name && s.metadata?.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata?.uid,
  );
  // The headers carry their own padding in kubectl; the tabwriter aligns what follows.
  const list = (header: string, names: string[]) => {
    if (!names.length) w.write(LEVEL_0, `${header}\t<none>\n`);
    names.forEach((n, i) => w.write(LEVEL_0, `${i ? ' '.repeat(19) : header}\t${n}${existing.has(n) ? '' : ' (not found)'}\n`));
  };
  list('Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? ''));
  list('Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? ''));
  list('Tokens:            ', tokens.map((t) => t.metadata?.name ?? ''));
  describeEvents(events, w, now);
  return w.toString();
}

/** describeEndpoints: one block per subset. */
export function describeEndpoints(ep: Endpoints, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, ep);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((ss.ports ?? []).length) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of ss.ports!) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(events, w, now);
  return w.toString();
}

/** Decoded length of a base64 value (Secret data, ConfigMap binaryData). */
function base64Length(b64: string): number {
  const s = b64.replace(/\s/g, '');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}
