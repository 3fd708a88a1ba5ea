/**
 * The pod diagram: the pod as a box with its init, sidecar and app containers, its volumes joined
 * to each container at its mount path, the shared localhost with the ports listening on it, IPC
 * objects, the shared PID namespace when on, and the Services (and NodePorts) in front of it.
 * Colours follow the container states at the cursor; recent requests, writes and IPC messages
 * travel along the edges. The same content is listed as text under the drawing.
 */
import { useMemo, useState } from 'react';
import type { PanelProps } from '../panel-props';
import { useCursorTime } from '../use-cursor-time';
import { useTraceModels } from '../trace-models';
import { useQueryAt } from '../use-query';
import { describeState, segmentAt } from '../model/timeline-model';
import { layoutPod } from '../model/diagram-model';
import { hms } from '../time-format';
import { PodSvg } from './PodSvg';
import { DiagramText } from './DiagramText';

const SCENE = { kind: 'scene' } as const;

export function DiagramPanel({ client }: PanelProps) {
  const models = useTraceModels(client);
  const { t, now, live } = useCursorTime(client);
  const { result, loading } = useQueryAt(client, SCENE, t, live, (e) => e.kind === 'object' || e.kind === 'listen' || e.kind === 'container' || e.kind === 'ipc');
  const scene = result?.ok && result.kind === 'scene' ? result.scene : undefined;
  const pods = scene?.pods ?? [];
  const [chosen, setChosen] = useState<string>();
  const key = (p: (typeof pods)[number]) => `${p.metadata?.namespace}/${p.metadata?.name}`;
  // The newest pod by default: the one the learner just applied.
  const pod = pods.find((p) => key(p) === chosen) ?? [...pods].sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '')).pop();
  const at = live ? now : t;

  const diagram = useMemo(() => {
    if (!pod || !scene) return undefined;
    const row = [...models.timeline.pods].reverse().find((r) => r.uid === pod.metadata?.uid) ?? [...models.timeline.pods].reverse().find((r) => r.namespace === pod.metadata?.namespace && r.name === pod.metadata?.name);
    return layoutPod(
      pod,
      scene,
      (c) => {
        const cr = row?.containers.find((x) => x.name === c);
        const s = cr && (live ? cr.segments[cr.segments.length - 1] : segmentAt(cr.segments, t));
        return s && { state: s.state, status: describeState(s), restarts: s.restartCount };
      },
      models.activity,
      live ? Math.max(now, models.activity[models.activity.length - 1]?.t ?? now) : t,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pod, scene, models.version, t, live]);

  return (
    <section aria-label="Pod diagram" className="panel panel-diagram">
      <div className="panel-toolbar" role="toolbar" aria-label="Diagram controls">
        <label>
          Pod{' '}
          <select value={pod ? key(pod) : ''} onChange={(e) => setChosen(e.target.value)} disabled={!pods.length}>
            {pods.map((p) => (
              <option key={key(p)} value={key(p)}>
                {p.metadata?.namespace === 'default' ? p.metadata?.name : key(p)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status">
          {loading && !live ? `Replaying to ${hms(t)}…` : live ? 'Live' : `As of ${hms(at)} UTC`}
        </span>
      </div>
      {result && !result.ok && <p className="panel-error">{result.error}</p>}
      {diagram ? (
        <div className="diagram-body">
          <PodSvg d={diagram} />
          <DiagramText d={diagram} />
        </div>
      ) : (
        <p className="panel-empty">{scene ? (live ? 'No pods yet: apply a manifest to see its pod here.' : 'No pod existed at this time.') : 'Loading…'}</p>
      )}
    </section>
  );
}
