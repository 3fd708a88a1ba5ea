/** The drawing of a PodDiagram. Every group has a <title>; the whole is role=img with a description. */
import { useId } from 'react';
import type { ContainerNode, Edge, PodDiagram, Pulse } from '../model/diagram-model';
import { ROLE_LABEL } from '../model/timeline-model';
import { describeDiagram } from './describe';

export function PodSvg({ d }: { d: PodDiagram }) {
  const id = useId();
  const edgeById = new Map(d.edges.map((e) => [e.id, e]));
  return (
    <svg className="pod-svg" viewBox={`0 0 ${d.width} ${d.height}`} width={d.width} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{`Pod ${d.pod.name}`}</title>
      <desc id={`${id}-d`}>{describeDiagram(d)}</desc>
      <rect className="pod-box" x={d.pod.x} y={d.pod.y} width={d.pod.w} height={d.pod.h} rx={10} />
      <text className="pod-title" x={d.pod.x + 14} y={d.pod.y + 22}>
        Pod {d.pod.name}
        <tspan className="pod-sub">{`  ${d.pod.phase}${d.pod.ip ? ` · IP ${d.pod.ip}` : ''}`}</tspan>
      </text>
      {d.pidShared && (
        <g>
          <title>Shared process namespace: every container sees the others' processes</title>
          <rect className="pid-ns" x={d.pidShared.x} y={d.pidShared.y} width={d.pidShared.w} height={d.pidShared.h} rx={8} />
          <text className="area-label" x={d.pidShared.x + 8} y={d.pidShared.y + 14}>
            shared PID namespace
          </text>
        </g>
      )}
      {d.edges.map((e) => (
        <EdgeView key={e.id} e={e} />
      ))}
      {d.containers.map((c) => (
        <ContainerView key={c.id} c={c} />
      ))}
      {d.volumes.map((v) => (
        <g key={v.id} className="volume">
          <title>{`Volume ${v.name} (${v.type})`}</title>
          <path d={cylinder(v.x, v.y, v.w, v.h)} />
          <ellipse cx={v.x + v.w / 2} cy={v.y + 7} rx={v.w / 2} ry={7} className="volume-top" />
          <text x={v.x + v.w / 2} y={v.y + 30} textAnchor="middle">
            {v.name}
          </text>
          <text x={v.x + v.w / 2} y={v.y + 43} textAnchor="middle" className="small">
            {v.type}
          </text>
        </g>
      ))}
      <g>
        <title>{`localhost: the pod's one network namespace${d.localhost.ip ? `, IP ${d.localhost.ip}` : ''}`}</title>
        <rect className="localhost" x={d.localhost.x} y={d.localhost.y} width={d.localhost.w} height={d.localhost.h} rx={6} />
        <text className="area-label" x={d.localhost.x + d.localhost.w - 8} y={d.localhost.y + d.localhost.h - 6} textAnchor="end">
          localhost{d.localhost.ip ? ` · ${d.localhost.ip}` : ''}
        </text>
      </g>
      {d.ports.map((p) => (
        <g key={p.id} className="port">
          <title>{`Port ${p.port}, listened on by ${p.container}`}</title>
          <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={4} />
          <text x={p.x + p.w / 2} y={p.y + 19} textAnchor="middle">
            :{p.port}
          </text>
        </g>
      ))}
      {d.ipcArea && (
        <text className="area-label" x={d.ipcArea.x + 4} y={d.ipcArea.y + 14}>
          IPC namespace (shared)
        </text>
      )}
      {d.ipc.map((o) => (
        <g key={o.id} className="ipc">
          <title>{`IPC object ${o.name}`}</title>
          <rect x={o.x} y={o.y} width={o.w} height={o.h} rx={4} />
          <text x={o.x + o.w / 2} y={o.y + 19} textAnchor="middle">
            {o.name}
          </text>
        </g>
      ))}
      {d.services.map((s) => (
        <g key={s.id} className="service">
          <title>{`Service ${s.name} (${s.type}): ${s.ports.join(', ')}`}</title>
          <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={6} />
          <text x={s.x + 10} y={s.y + 18}>
            Service {s.name} <tspan className="small">{s.type}</tspan>
          </text>
          {s.ports.map((p, i) => (
            <text key={p} x={s.x + 10} y={s.y + 34 + i * 16} className="small">
              {p}
            </text>
          ))}
        </g>
      ))}
      {d.pulses.map((p) => {
        const e = edgeById.get(p.edge);
        return e ? <PulseView key={p.key} p={p} e={e} /> : null;
      })}
    </svg>
  );
}

function ContainerView({ c }: { c: ContainerNode }) {
  return (
    <g className={`container role-${c.role} cs-${c.state}`}>
      <title>{`${ROLE_LABEL[c.role]} ${c.name} (${c.image}): ${c.status}${c.restarts ? `, ${c.restarts} restarts` : ''}`}</title>
      <rect x={c.x} y={c.y} width={c.w} height={c.h} rx={6} />
      <text x={c.x + 10} y={c.y + 18} className="small role-label">
        {c.role === 'app' ? 'container' : c.role === 'init' ? 'init container' : 'sidecar'}
      </text>
      <text x={c.x + 10} y={c.y + 36} className="c-name">
        {clip(c.name, 17)}
      </text>
      <text x={c.x + 10} y={c.y + 52} className="small">
        {clip(c.image, 22)}
      </text>
      <text x={c.x + 10} y={c.y + 67} className="small c-status">
        {clip(c.status + (c.restarts ? ` ↻${c.restarts}` : ''), 24)}
      </text>
    </g>
  );
}

function EdgeView({ e }: { e: Edge }) {
  // Mount paths sit near the container end, where each edge is still apart from the others.
  const mid = { x: e.x1 + (e.x2 - e.x1) * 0.22, y: e.y1 + (e.y2 - e.y1) * 0.22 + 4 };
  return (
    <g className={`edge edge-${e.kind}`}>
      <title>{e.kind === 'mount' ? `${e.from.slice(2)} mounts ${e.to.slice(2)} at ${e.label}` : e.kind === 'service' ? `Service ${e.from.slice(2)} sends to port ${e.label}` : e.kind === 'listen' ? `${e.from.slice(2)} listens on ${e.label}` : `${e.from.slice(2)} can use ${e.to.slice(2)}`}</title>
      <line x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} />
      {e.kind === 'mount' && (
        <text x={mid.x + 5} y={mid.y} className="small edge-label">
          {e.label}
        </text>
      )}
    </g>
  );
}

/** A dot travelling along its edge once (a still dot when the learner prefers reduced motion; CSS decides). */
function PulseView({ p, e }: { p: Pulse; e: Edge }) {
  const path = `M${e.x1},${e.y1} L${e.x2},${e.y2}`;
  const toward = p.kind === 'http' && e.kind === 'service' ? `M${e.x1},${e.y1} L${e.x2},${e.y2}` : path;
  return (
    <g className={`pulse pulse-${p.kind}`} style={{ opacity: Math.max(0.25, 1 - p.age / 3) }}>
      <title>{p.text}</title>
      <circle r={5} cx={(e.x1 + e.x2) / 2} cy={(e.y1 + e.y2) / 2} className="pulse-still" />
      <circle r={5} className="pulse-moving">
        <animateMotion dur="0.9s" repeatCount="1" fill="freeze" path={toward} />
      </circle>
    </g>
  );
}

function cylinder(x: number, y: number, w: number, h: number): string {
  const r = 7;
  return `M${x},${y + r} a${w / 2},${r} 0 0 0 ${w},0 v${h - 2 * r} a${w / 2},${r} 0 0 1 ${-w},0 z M${x},${y + r} v${h - 2 * r} M${x},${y + r} a${w / 2},${r} 0 0 1 ${w},0`;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
