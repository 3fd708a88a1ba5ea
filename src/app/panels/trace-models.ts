/**
 * One set of trace-derived models per SimClient, shared by every panel: the timeline rows and the
 * log index are folded once, as batches stream in, whichever panels are mounted. A hook re-renders
 * a panel at most once per animation frame however fast entries arrive.
 */
import { useEffect, useState } from 'react';
import type { SimClient } from '../../client/SimClient';
import type { TraceEntry } from '../../sim/trace/trace';
import { TimelineModel } from './model/timeline-model';
import { LogIndex } from './model/logs-model';

export interface TraceModels {
  timeline: TimelineModel;
  logs: LogIndex;
  /** Recent requests, writes and IPC messages (the diagram's pulses), oldest first, bounded. */
  activity: TraceEntry[];
  /** The first instant of the run (the timeline's left edge). */
  start: number;
  version: number;
  listeners: Set<() => void>;
}

const ACTIVITY_MAX = 5000;
const models = new WeakMap<SimClient, TraceModels>();

export function traceModels(client: SimClient): TraceModels {
  let m = models.get(client);
  if (m) return m;
  const created: TraceModels = { timeline: new TimelineModel(), logs: new LogIndex(), activity: [], start: client.clock().now, version: 0, listeners: new Set() };
  m = created;
  models.set(client, m);
  let frame = 0;
  const add = (entries: readonly TraceEntry[]) => {
    created.timeline.add(entries);
    created.logs.add(entries);
    for (const e of entries) if (e.kind === 'http' || e.kind === 'file' || e.kind === 'ipc') created.activity.push(e);
    if (created.activity.length > ACTIVITY_MAX) created.activity.splice(0, created.activity.length - ACTIVITY_MAX);
    created.version++;
    if (frame) return;
    const notify = () => {
      frame = 0;
      for (const l of created.listeners) l();
    };
    frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(notify) : (setTimeout(notify, 16) as unknown as number);
  };
  // The backlog first (entries that arrived before any panel mounted), then the stream.
  const backlog = client.traceEntries();
  // The engine's first entries (the cluster's own objects) are stamped with its start instant.
  if (backlog.length) created.start = backlog[0].t;
  add(backlog);
  client.on({
    trace: (entries, from) => {
      if (from === 0 && entries.length) created.start = entries[0].t;
      add(entries);
    },
  });
  return m;
}

/** The shared models, re-rendering the caller when they change. */
export function useTraceModels(client: SimClient): TraceModels {
  const m = traceModels(client);
  const [, setVersion] = useState(m.version);
  useEffect(() => {
    const l = () => setVersion(m.version);
    m.listeners.add(l);
    l();
    return () => void m.listeners.delete(l);
  }, [m]);
  return m;
}
