/** alpine: musl + busybox, so its tools are busybox applets and `sh` is ash; the prompt is `/ # `. */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { busybox } from './busybox';

const tag = (t: string, size: number, pullMs: number) => ({ digest: pseudoDigest(`alpine:${t}`), size, pullMs });
const V321 = 3642247;
const V320 = 3625495;

export const alpine: ImageSpec = {
  repository: 'docker.io/library/alpine',
  tags: {
    latest: tag('latest', V321, 640),
    '3.21': tag('3.21', V321, 640),
    '3.20': tag('3.20', V320, 630),
    '3.19': tag('3.19', 3419706, 610),
  },
  cmd: ['/bin/sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  files: {
    ...busybox.files,
    '/etc/alpine-release': '3.21.0\n',
    '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  },
  // Alpine links its applets from /bin and /usr/bin; busybox's own image keeps them all in /bin.
  programs: busybox.programs,
  prompt: '/ # ',
};
