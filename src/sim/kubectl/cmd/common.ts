/** Error rendering shared by the verbs (kubectl's checkErr), and the default-container rules. */
import { StatusError } from '../../api/errors';
import { renderKubectlError } from '../errors';
import { ManifestError } from '../../api/manifest';
import type { Pod } from '../../api/types';
import { notFound } from '../../api/errors';

export function renderError(e: unknown, source?: string, verb?: string): string {
  if (e instanceof ManifestError) return e.message;
  if (e instanceof StatusError) return renderKubectlError(e, { source, verb: verb as never });
  throw e;
}

/**
 * Which container logs/exec use without -c (podcmd.FindOrDefaultContainerByName): the
 * default-container annotation if it names a container, else the first regular container, with
 * a `Defaulted container ...` note on stderr when the pod has more than one container.
 */
export function defaultContainer(pod: Pod, warn: (s: string) => void): string {
  const spec = pod.spec!;
  const all = [...spec.containers.map((c) => c.name), ...(spec.ephemeralContainers ?? []).map((c) => c.name), ...(spec.initContainers ?? []).map((c) => c.name)];
  const ann = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (ann) {
    if (all.includes(ann)) return ann;
    warn(`Default container name "${ann}" not found in pod ${pod.metadata!.name}\n`);
  }
  const name = spec.containers[0].name;
  if (all.length > 1) {
    const list = [
      ...spec.containers.map((c) => c.name),
      ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
      ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`),
    ].join(', ');
    warn(`Defaulted container "${name}" out of: ${list}\n`);
  }
  return name;
}

/** The pod a verb names, or the NotFound error kubectl prints (then undefined). */
export function findPod(ctx: { cluster: { store: { get(kind: string, ns: string, name: string): unknown } }; io: { err(s: string): void } }, ns: string, name: string): Pod | undefined {
  const pod = ctx.cluster.store.get('Pod', ns, name) as Pod | undefined;
  if (!pod) ctx.io.err(renderError(notFound('pods', name)) + '\n');
  return pod;
}
