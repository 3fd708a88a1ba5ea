/** ubuntu (24.04 noble, 22.04 jammy): like debian, bash as the default command, no procps. */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { DEBIAN_PATH, UBUNTU_NOBLE_OS_RELEASE, debianFiles, debianPrograms } from './base';
import { withoutPs } from './debian';

const tag = (t: string, size: number, pullMs: number) => ({ digest: pseudoDigest(`ubuntu:${t}`), size, pullMs });
const NOBLE = 29754422;
const JAMMY = 29537156;

export const ubuntu: ImageSpec = {
  repository: 'docker.io/library/ubuntu',
  tags: {
    latest: tag('latest', NOBLE, 1890),
    '24.04': tag('24.04', NOBLE, 1890),
    noble: tag('noble', NOBLE, 1890),
    '22.04': tag('22.04', JAMMY, 1870),
    jammy: tag('jammy', JAMMY, 1870),
  },
  cmd: ['/bin/bash'],
  env: { PATH: DEBIAN_PATH },
  files: debianFiles(UBUNTU_NOBLE_OS_RELEASE, { '/etc/debian_version': 'trixie/sid\n' }),
  programs: withoutPs(debianPrograms()),
  prompt: 'root@HOSTNAME:/# ',
};
