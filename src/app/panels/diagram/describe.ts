import type { PodDiagram } from '../model/diagram-model';
import { ROLE_LABEL } from '../model/timeline-model';

/** The diagram in one paragraph (the SVG's <desc>). */
export function describeDiagram(d: PodDiagram): string {
  const parts = [`Pod ${d.pod.name} in namespace ${d.pod.namespace}, phase ${d.pod.phase}${d.pod.ip ? `, IP ${d.pod.ip}` : ''}.`];
  parts.push(`${d.containers.length} containers: ${d.containers.map((c) => `${ROLE_LABEL[c.role]} ${c.name} (${c.status})`).join('; ')}.`);
  if (d.volumes.length) parts.push(`Volumes: ${d.volumes.map((v) => `${v.name} (${v.type}) mounted by ${d.edges.filter((e) => e.kind === 'mount' && e.to === v.id).map((e) => `${e.from.slice(2)} at ${e.label}`).join(', ') || 'no container'}`).join('; ')}.`);
  parts.push(d.ports.length ? `Listening on localhost: ${d.ports.map((p) => `${p.port} (${p.container})`).join(', ')}.` : 'Nothing listens on localhost.');
  if (d.ipc.length) parts.push(`IPC objects: ${d.ipc.map((o) => o.name).join(', ')}.`);
  if (d.pidShared) parts.push('The containers share one process namespace.');
  if (d.services.length) parts.push(`Services: ${d.services.map((s) => `${s.name} (${s.type}, ${s.ports.join(', ')})`).join('; ')}.`);
  return parts.join(' ');
}
