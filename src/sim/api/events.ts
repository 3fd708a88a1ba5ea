/**
 * Event recording with client-go's de-duplication: an event identical to an earlier one (same
 * involved object, type, reason, message and source) is not created again; its count goes up and
 * lastTimestamp moves, which `kubectl describe` prints as `24s (x3 over 2m24s)`.
 *
 * Similar events (same object and reason, different messages) are aggregated after 10 within 10
 * minutes, with the `(combined from similar events): ` message prefix, as client-go's
 * EventAggregator does.
 */
import type { VirtualClock } from '../clock/clock';
import type { Trace } from '../trace/trace';
import type { ObjectStore } from './store';
import type { Event, KubeObject, Mutable } from './types';
import { rfc3339 } from './time';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

const AGGREGATE_MAX = 10;
const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;

interface SimilarRecord {
  /** Distinct messages seen in the window, with when each was last seen. */
  messages: Map<string, number>;
}

export class EventRecorder {
  /** dedup key → stored Event name */
  private seen = new Map<string, string>();
  private similar = new Map<string, SimilarRecord>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly trace: Trace,
  ) {}

  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const meta = obj.metadata ?? {};
    const ns = meta.namespace ?? 'default';
    const objId = `${obj.kind}/${ns}/${meta.name}/${meta.uid}`;
    const srcId = `${source.component}/${source.host ?? ''}`;
    const now = this.clock.now();

    // EventAggregator: key on everything but the message.
    const aggKey = `${objId}|${type}|${reason}|${srcId}`;
    const sim = this.similar.get(aggKey) ?? { messages: new Map<string, number>() };
    for (const [m, t] of sim.messages) if (now - t >= AGGREGATE_WINDOW_MS) sim.messages.delete(m);
    sim.messages.set(message, now);
    this.similar.set(aggKey, sim);
    let msg = message;
    let dedupKey = `${aggKey}|${message}`;
    // Only many *different* messages for one reason are combined; repeats just count up.
    if (sim.messages.size > AGGREGATE_MAX) {
      msg = `(combined from similar events): ${message}`;
      dedupKey = `${aggKey}|(combined)`;
    }

    const existing = this.seen.get(dedupKey);
    const count = this.bump(existing, ns, msg, now);
    if (count !== undefined) {
      this.trace.record({ t: now, kind: 'event', namespace: ns, object: `${obj.kind}/${meta.name}`, ...(fieldPath ? { fieldPath } : {}), source: source.component, type, reason, message: msg, count });
      return;
    }
    // Event names are <object>.<hex unix nanos>, as client-go makes them.
    const nanos = BigInt(now) * 1000000n + BigInt(this.seen.size);
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${meta.name}.${nanos.toString(16)}`, namespace: ns },
      involvedObject: {
        apiVersion: obj.apiVersion ?? 'v1',
        kind: obj.kind,
        name: meta.name,
        namespace: ns,
        uid: meta.uid,
        resourceVersion: meta.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message: msg,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      type,
      eventTime: null as unknown as undefined,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const created = this.store.create(ev as unknown as KubeObject);
    this.seen.set(dedupKey, created.metadata!.name!);
    this.trace.record({ t: now, kind: 'event', namespace: ns, object: `${obj.kind}/${meta.name}`, ...(fieldPath ? { fieldPath } : {}), source: source.component, type, reason, message: msg, count: 1 });
  }

  /** Increment an existing event; undefined when it no longer exists (it expired or was deleted). */
  private bump(name: string | undefined, ns: string, msg: string, now: number): number | undefined {
    if (!name || !this.store.peek('Event', ns, name)) return undefined;
    const updated = this.store.update('Event', ns, name, (e) => {
      const ev = e as unknown as Mutable<Event>;
      ev.count = (ev.count ?? 1) + 1;
      ev.lastTimestamp = rfc3339(now);
      ev.message = msg;
      return e;
    }) as unknown as Event;
    return updated.count;
  }
}
