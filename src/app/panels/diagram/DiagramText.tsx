/** The diagram as a list: every element and the recent activity, for screen readers and for reading. */
import type { PodDiagram } from '../model/diagram-model';
import { ROLE_LABEL } from '../model/timeline-model';

export function DiagramText({ d }: { d: PodDiagram }) {
  return (
    <details className="diagram-text">
      <summary>Diagram as text</summary>
      <ul>
        {d.containers.map((c) => (
          <li key={c.id}>
            {ROLE_LABEL[c.role]} <strong>{c.name}</strong> ({c.image}): {c.status}
            {c.restarts ? `, ${c.restarts} restarts` : ''}
          </li>
        ))}
        {d.volumes.map((v) => (
          <li key={v.id}>
            Volume <strong>{v.name}</strong> ({v.type}), mounted by{' '}
            {d.edges
              .filter((e) => e.kind === 'mount' && e.to === v.id)
              .map((e) => `${e.from.slice(2)} at ${e.label}`)
              .join(', ') || 'no container'}
          </li>
        ))}
        <li>Localhost ports: {d.ports.length ? d.ports.map((p) => `${p.port} (${p.container})`).join(', ') : 'none listening'}</li>
        {d.ipc.length > 0 && <li>IPC objects: {d.ipc.map((o) => o.name).join(', ')}</li>}
        {d.pidShared && <li>Shared process namespace: on</li>}
        {d.services.map((s) => (
          <li key={s.id}>
            Service <strong>{s.name}</strong> ({s.type}): {s.ports.join(', ')}
          </li>
        ))}
      </ul>
      {d.pulses.length > 0 && (
        <>
          <p>Recent activity:</p>
          <ul>
            {d.pulses.map((p) => (
              <li key={p.key}>{p.text}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
