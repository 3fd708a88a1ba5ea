/**
 * Container image references (`nginx`, `nginx:1.25`, `registry:5000/app`, `app@sha256:…`), parsed
 * with the grammar of the distribution/reference package the API server and kubelet use. The API
 * server derives the default imagePullPolicy from the tag; the kubelet reports unparsable names as
 * InvalidImageName.
 */

export interface ImageReference {
  /** Registry host (with port), `docker.io` when none is written. */
  domain: string;
  /** Repository path, with `library/` for official Docker Hub images. */
  path: string;
  tag?: string;
  digest?: string;
}

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_DOMAIN = new RegExp(`^${DOMAIN}$`);

/** Parses like reference.ParseNormalizedNamed; undefined for names the runtime would reject. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (image === '' || /^[a-f0-9]{64}$/.test(image)) return undefined;
  const m = REFERENCE.exec(image);
  if (!m) return undefined;
  const name = m[1];
  if (name.length > 255) return undefined;
  let domain = 'docker.io';
  let path = name;
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost') {
      if (!ANCHORED_DOMAIN.test(first)) return undefined;
      domain = first;
      path = name.slice(slash + 1);
    }
  }
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const digest = m[3];
  if (digest?.startsWith('sha256:') && !/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  return { domain, path, tag: m[2], digest };
}

/**
 * SetDefaults_Container's imagePullPolicy: `Always` for the `latest` tag (written or implied by
 * having neither tag nor digest), `IfNotPresent` otherwise, including unparsable names.
 */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageReference(image);
  if (!ref) return 'IfNotPresent';
  const tag = ref.tag ?? (ref.digest ? undefined : 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}
