/**
 * The containers of a Pod manifest as the lint rules see them: where each sits in the document
 * (its field path), whether it runs alongside the app containers, and what it is known to listen on.
 * Reads the raw manifest object, so a half-written manifest (missing fields, wrong types) is fine.
 */
import type { PathSegment } from '../fieldpath';
import { knownListeners } from './image-facts';

export type Obj = Record<string, unknown>;

export interface ContainerView {
  name: string;
  /** `['spec', 'containers', 0]` */
  path: PathSegment[];
  raw: Obj;
  /** An init container that is not a native sidecar: runs to completion before the app starts. */
  runsToCompletion: boolean;
  image?: string;
  /** containerPort entries: number, protocol, name, and their index in `ports`. */
  ports: Array<{ port: number; protocol: string; name?: string; index: number }>;
  /** Ports the image's own program opens when command and args are left alone; undefined = unknown. */
  defaultListens?: number[];
}

export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function podContainers(pod: Obj): ContainerView[] {
  const spec = isObj(pod.spec) ? pod.spec : {};
  const out: ContainerView[] = [];
  const add = (field: 'initContainers' | 'containers', c: unknown, i: number) => {
    if (!isObj(c)) return;
    const runsToCompletion = field === 'initContainers' && c.restartPolicy !== 'Always';
    const ports = list(c.ports).flatMap((p, index) =>
      isObj(p) && typeof p.containerPort === 'number'
        ? [{ port: p.containerPort, protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP', name: typeof p.name === 'string' ? p.name : undefined, index }]
        : [],
    );
    const image = typeof c.image === 'string' ? c.image : undefined;
    const untouched = c.command === undefined && c.args === undefined;
    out.push({
      name: typeof c.name === 'string' ? c.name : `#${i}`,
      path: ['spec', field, i],
      raw: c,
      runsToCompletion,
      image,
      ports,
      defaultListens: image && untouched ? knownListeners(image, envOf(c)) : undefined,
    });
  };
  list(spec.initContainers).forEach((c, i) => add('initContainers', c, i));
  list(spec.containers).forEach((c, i) => add('containers', c, i));
  return out;
}

/** Literal env values (valueFrom entries are unknown until the pod runs). */
function envOf(c: Obj): Map<string, string> {
  const env = new Map<string, string>();
  for (const e of list(c.env)) if (isObj(e) && typeof e.name === 'string' && typeof e.value === 'string') env.set(e.name, e.value);
  return env;
}

/** The command line a container runs, as one string, when the manifest spells it out. */
export function commandLine(c: Obj): string | undefined {
  const words = [...list(c.command), ...list(c.args)].filter((w): w is string => typeof w === 'string');
  return words.length ? words.join(' ') : undefined;
}
