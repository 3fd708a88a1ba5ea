/** The sandbox's pause container: holds the pod's namespaces, sleeps until signalled, reaps zombies. */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';

export const pause: ImageSpec = {
  repository: 'registry.k8s.io/pause',
  tags: { '3.10': { digest: pseudoDigest('pause:3.10'), size: 320368, pullMs: 400 } },
  entrypoint: ['/pause'],
  env: {},
  files: {},
  programs: { '/pause': 'pause' },
};
