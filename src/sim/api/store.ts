/**
 * The API server's object store: create/update/delete with uid, resourceVersion,
 * creationTimestamp and generateName, list with label selectors, and watch streams.
 * Objects handed out are deep copies, so nobody can change stored state behind the store's back
 * (exactly as a client only ever holds a decoded copy of what the server sent).
 */
import type { VirtualClock } from '../clock/clock';
import type { Prng } from '../clock/prng';
import type { Trace } from '../trace/trace';
import { alreadyExists, notFound, StatusError } from './errors';
import { rfc3339 } from './time';
import type { KubeObject } from './types';
import { matchesRequirements, type Requirement } from './selector';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}
export type WatchHandler = (e: WatchEvent) => void;

/** Plural resource names, as they appear in API errors (`pods "x" not found`). */
export const RESOURCE_OF_KIND: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  Namespace: 'namespaces',
  Event: 'events',
  Node: 'nodes',
  ServiceAccount: 'serviceaccounts',
  Endpoints: 'endpoints',
};

export const CLUSTER_SCOPED = new Set(['Namespace', 'Node']);

function key(kind: string, ns: string | undefined, name: string): string {
  return `${kind}/${ns ?? ''}/${name}`;
}

export function clone<T>(o: T): T {
  return structuredClone(o);
}

interface Watcher {
  kind: string;
  namespace?: string;
  handler: WatchHandler;
}

export class ObjectStore {
  private objects = new Map<string, KubeObject>();
  private rv = 1000;
  private watchers = new Set<Watcher>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly prng: Prng,
    private readonly trace: Trace,
  ) {}

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(key(kind, CLUSTER_SCOPED.has(kind) ? undefined : namespace, name));
    return o && clone(o);
  }

  /** Read without copying, for the engine's own hot paths; callers must not mutate. */
  peek(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(key(kind, CLUSTER_SCOPED.has(kind) ? undefined : namespace, name));
  }

  mustGet(kind: string, namespace: string | undefined, name: string): KubeObject {
    const o = this.get(kind, namespace, name);
    if (!o) throw notFound(RESOURCE_OF_KIND[kind] ?? kind.toLowerCase(), name);
    return o;
  }

  /** Objects of a kind, in creation order (etcd returns keys sorted by name; kubectl sorts by name too). */
  list(kind: string, namespace?: string, selector?: Requirement[]): KubeObject[] {
    const out: KubeObject[] = [];
    for (const o of this.objects.values()) {
      if (o.kind !== kind) continue;
      if (namespace !== undefined && !CLUSTER_SCOPED.has(kind) && o.metadata?.namespace !== namespace) continue;
      if (selector && !matchesRequirements(o.metadata?.labels, selector)) continue;
      out.push(clone(o));
    }
    // etcd range reads return objects in key order: namespace, then name.
    out.sort((a, b) => {
      const an = `${a.metadata?.namespace ?? ''}/${a.metadata?.name}`;
      const bn = `${b.metadata?.namespace ?? ''}/${b.metadata?.name}`;
      return an < bn ? -1 : an > bn ? 1 : 0;
    });
    return out;
  }

  /** `at` backdates creationTimestamp (for objects that existed before the simulation started). */
  create(obj: KubeObject, at?: number): KubeObject {
    const kind = obj.kind!;
    const o = clone(obj);
    const meta = (o.metadata ??= {});
    if (CLUSTER_SCOPED.has(kind)) delete meta.namespace;
    else meta.namespace ??= 'default';
    if (!meta.name && meta.generateName) {
      // The API server retries on collision; with a 27^5 space a retry loop here is the same thing.
      do meta.name = meta.generateName + this.prng.nameSuffix();
      while (this.objects.has(key(kind, meta.namespace, meta.name)));
    }
    const k = key(kind, meta.namespace, meta.name!);
    if (this.objects.has(k)) throw alreadyExists(RESOURCE_OF_KIND[kind] ?? kind.toLowerCase(), meta.name!);
    if (!CLUSTER_SCOPED.has(kind) && kind !== 'Namespace' && meta.namespace !== 'default') {
      if (!this.objects.has(key('Namespace', undefined, meta.namespace!))) {
        throw new StatusError('NotFound', `namespaces ${JSON.stringify(meta.namespace)} not found`, 404);
      }
    }
    meta.uid = this.prng.uuid();
    meta.creationTimestamp = rfc3339(at ?? this.clock.now());
    meta.resourceVersion = String(++this.rv);
    this.objects.set(k, o);
    this.emit('ADDED', o);
    return clone(o);
  }

  /**
   * Replace an object. `mutate` receives a copy of the stored object and returns the new one; the
   * store keeps uid/creationTimestamp and bumps resourceVersion only if something changed (the API
   * server does not write a no-op update to etcd, so watchers see nothing).
   */
  update(kind: string, namespace: string | undefined, name: string, mutate: (o: KubeObject) => KubeObject): KubeObject {
    const k = key(kind, CLUSTER_SCOPED.has(kind) ? undefined : namespace, name);
    const cur = this.objects.get(k);
    if (!cur) throw notFound(RESOURCE_OF_KIND[kind] ?? kind.toLowerCase(), name);
    const next = mutate(clone(cur));
    next.metadata = { ...next.metadata, uid: cur.metadata!.uid, creationTimestamp: cur.metadata!.creationTimestamp, name: cur.metadata!.name, namespace: cur.metadata!.namespace, resourceVersion: cur.metadata!.resourceVersion };
    if (CLUSTER_SCOPED.has(kind)) delete next.metadata.namespace;
    if (stableEqual(cur, next)) return clone(cur);
    next.metadata.resourceVersion = String(++this.rv);
    this.objects.set(k, next);
    this.emit('MODIFIED', next);
    return clone(next);
  }

  /** Remove an object now (finalizers and graceful deletion are the callers' business). */
  remove(kind: string, namespace: string | undefined, name: string): KubeObject {
    const k = key(kind, CLUSTER_SCOPED.has(kind) ? undefined : namespace, name);
    const cur = this.objects.get(k);
    if (!cur) throw notFound(RESOURCE_OF_KIND[kind] ?? kind.toLowerCase(), name);
    this.objects.delete(k);
    // A delete is a write: the DELETED event carries a fresh resourceVersion.
    cur.metadata!.resourceVersion = String(++this.rv);
    this.emit('DELETED', cur);
    return clone(cur);
  }

  watch(kind: string, namespace: string | undefined, handler: WatchHandler): () => void {
    const w: Watcher = { kind, namespace, handler };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  currentResourceVersion(): string {
    return String(this.rv);
  }

  private emit(type: WatchEventType, o: KubeObject): void {
    const meta = o.metadata!;
    this.trace.record({ t: this.clock.now(), kind: 'object', verb: type, objKind: o.kind!, namespace: meta.namespace, name: meta.name!, resourceVersion: meta.resourceVersion! });
    for (const w of [...this.watchers]) {
      if (w.kind !== o.kind) continue;
      if (w.namespace !== undefined && meta.namespace !== w.namespace) continue;
      w.handler({ type, object: clone(o) });
    }
  }
}

/** Structural equality of two JSON-like values (key order ignored). */
export function stableEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => stableEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => stableEqual(ao[k], bo[k]));
}
