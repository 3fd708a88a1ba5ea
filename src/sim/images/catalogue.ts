/**
 * The registry the simulated node pulls from. A reference that names an unknown repository or
 * tag fails exactly as a registry miss does on containerd (FIDELITY §3, §5).
 */
import type { ImageSpec, ImageTag } from './types';
import { busybox } from './busybox';
import { nginx } from './nginx';
import { pause } from './pause';
import { ch6Ipc } from './ch6-ipc';
import { webapp } from './webapp';
import { debian } from './debian';
import { ubuntu } from './ubuntu';
import { alpine } from './alpine';
import { curlImage } from './curl';
import { python } from './python';
import { redis } from './redis';
import { fluentBitImage } from './fluent-bit';
import { gitSyncImage } from './git-sync';
import { haproxyImage } from './haproxy';
import { nginxExporterImage } from './nginx-exporter';

const IMAGES: ImageSpec[] = [busybox, nginx, pause, ch6Ipc, webapp, debian, ubuntu, alpine, curlImage, python, redis, fluentBitImage, gitSyncImage, haproxyImage, nginxExporterImage];
const BY_REPO = new Map(IMAGES.map((i) => [i.repository, i]));

export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  /** `docker.io/library/nginx` */
  repository: string;
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx:latest` (the runtime-normalized name container statuses show). */
  normalized: string;
}

/** Normalize like containerd/docker reference parsing: default registry docker.io, library/ for one-part names, tag latest. */
export function parseImageRef(raw: string): ImageRef | undefined {
  if (!raw || raw !== raw.trim() || /[A-Z]/.test(raw.split('@')[0].split(':')[0])) return undefined;
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let repository: string;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) repository = rest;
  else if (parts.length === 1) repository = `docker.io/library/${rest}`;
  else repository = `docker.io/${rest}`;
  if (!/^[a-z0-9.:/_-]+$/.test(repository)) return undefined;
  if (!tag && !digest) tag = 'latest';
  const normalized = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { raw, repository, tag, digest, normalized };
}

export function findImage(ref: ImageRef): { spec: ImageSpec; tag: ImageTag; tagName: string } | undefined {
  const spec = BY_REPO.get(ref.repository);
  if (!spec) return undefined;
  if (ref.digest) {
    const hex = ref.digest.slice('sha256:'.length);
    const entry = Object.entries(spec.tags).find(([, t]) => t.digest === hex);
    return entry ? { spec, tag: entry[1], tagName: entry[0] } : undefined;
  }
  const t = spec.tags[ref.tag ?? 'latest'];
  return t ? { spec, tag: t, tagName: ref.tag ?? 'latest' } : undefined;
}

/** The CRI error text containerd returns for a reference the registry does not have. */
export function pullErrorText(ref: ImageRef): string {
  const name = ref.normalized;
  if (!BY_REPO.has(ref.repository)) {
    return `rpc error: code = Unknown desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`;
}

export function catalogueImages(): readonly ImageSpec[] {
  return IMAGES;
}
