/**
 * debian (bookworm): bash, coreutils, findutils, grep, sed. The base image has no procps (no
 * `ps`), curl or wget — learners discover this, so the simulator must not add them.
 * Sizes are the compressed amd64 image sizes the kubelet's Pulled event reports.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { DEBIAN_BOOKWORM_OS_RELEASE, DEBIAN_PATH, debianFiles, debianPrograms } from './base';

const tag = (t: string, size: number, pullMs: number) => ({ digest: pseudoDigest(`debian:${t}`), size, pullMs });
const FULL = 48494272;
const SLIM = 28227259;

export const debian: ImageSpec = {
  repository: 'docker.io/library/debian',
  tags: {
    latest: tag('latest', FULL, 2870),
    bookworm: tag('bookworm', FULL, 2870),
    '12': tag('12', FULL, 2870),
    'bookworm-slim': tag('bookworm-slim', SLIM, 1760),
    '12-slim': tag('12-slim', SLIM, 1760),
    bullseye: tag('bullseye', 53739827, 3120),
    '11': tag('11', 53739827, 3120),
  },
  cmd: ['bash'],
  env: { PATH: DEBIAN_PATH },
  files: debianFiles(DEBIAN_BOOKWORM_OS_RELEASE, { '/etc/debian_version': '12.8\n', '/etc/hostname': '' }),
  programs: withoutPs(debianPrograms()),
  prompt: 'root@HOSTNAME:/# ',
};

/** The base debian and ubuntu images do not ship procps: no ps, pidof comes from sysvinit-utils. */
export function withoutPs(programs: Record<string, string>): Record<string, string> {
  const out = { ...programs };
  for (const p of ['/bin/ps', '/usr/bin/ps']) delete out[p];
  return out;
}
