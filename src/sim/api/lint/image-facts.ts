/**
 * What the lint rules know about the catalogue's images beyond the registry facts: which ports an
 * image's default program listens on. Only images whose default listener is fixed are listed; an
 * image whose program reads its ports from a config file (haproxy, fluent-bit) is "unknown" and
 * never warned about.
 */
import { findImage, parseImageRef, catalogueImages } from '../../images/catalogue';

/** repository → ports its entrypoint/cmd listens on when run unchanged. */
const DEFAULT_LISTENERS: Record<string, (env: Map<string, string>) => number[]> = {
  // nginx's default.conf: `listen 80;`
  'docker.io/library/nginx': () => [80],
  'docker.io/library/redis': () => [6379],
  // training/webapp's app.py binds $PORT, 5000 by default.
  'docker.io/training/webapp': (env) => [Number(env.get('PORT') ?? '5000') || 5000],
  'docker.io/nginx/nginx-prometheus-exporter': () => [9113],
  // Shells, REPLs and one-shot tools listen on nothing.
  'docker.io/library/busybox': () => [],
  'docker.io/library/alpine': () => [],
  'docker.io/library/debian': () => [],
  'docker.io/library/ubuntu': () => [],
  'docker.io/library/python': () => [],
  'docker.io/curlimages/curl': () => [],
  'registry.k8s.io/pause': () => [],
  'docker.io/allingeek/ch6_ipc': () => [],
  'registry.k8s.io/git-sync/git-sync': () => [],
};

/** Long-running servers: as an init container with their default command they never exit. */
const SERVERS = new Set(['docker.io/library/nginx', 'docker.io/library/redis', 'docker.io/training/webapp', 'docker.io/nginx/nginx-prometheus-exporter', 'docker.io/library/haproxy', 'docker.io/fluent/fluent-bit', 'registry.k8s.io/pause']);

export function knownListeners(image: string, env: Map<string, string>): number[] | undefined {
  const ref = parseImageRef(image);
  if (!ref || !findImage(ref)) return undefined;
  return DEFAULT_LISTENERS[ref.repository]?.(env);
}

export function isServerImage(image: string): boolean {
  const ref = parseImageRef(image);
  return !!ref && SERVERS.has(ref.repository);
}

/** `nginx`, `curlimages/curl`, `registry.k8s.io/pause`: how people write the repository. */
export function shortName(repository: string): string {
  return repository.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

export type CatalogueMiss = { kind: 'repository'; available: string[] } | { kind: 'tag'; repository: string; tag: string; tags: string[] };

/** Why an image reference would not pull in Pod Lab, or undefined when it would. */
export function catalogueMiss(image: string): CatalogueMiss | undefined {
  const ref = parseImageRef(image);
  // Malformed references are the API server's and the runtime's business (InvalidImageName).
  if (!ref || findImage(ref)) return undefined;
  const spec = catalogueImages().find((i) => i.repository === ref.repository);
  if (!spec) return { kind: 'repository', available: catalogueImages().map((i) => shortName(i.repository)).sort() };
  return { kind: 'tag', repository: shortName(spec.repository), tag: ref.digest ?? ref.tag ?? 'latest', tags: Object.keys(spec.tags).sort() };
}
