/**
 * registry.k8s.io/git-sync/git-sync (v4): ENTRYPOINT ["/git-sync"], USER 65533:65533, HOME=/tmp,
 * and no shell — it is a minimal image, so lessons read its work from a shared volume.
 * Remote repositories are simulated: programs/git-sync/remotes.ts.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { GIT_SYNC_VERSION } from './programs/git-sync/main';

const tag = (t: string) => ({ digest: pseudoDigest(`git-sync:${t}`), size: 27_907_345, pullMs: 1_900 });

export const gitSyncImage: ImageSpec = {
  repository: 'registry.k8s.io/git-sync/git-sync',
  tags: { [GIT_SYNC_VERSION]: tag(GIT_SYNC_VERSION), 'v4.3.0': tag('v4.3.0') },
  entrypoint: ['/git-sync'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/tmp' },
  files: {
    '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\ngit-sync:x:65533:65533::/tmp:/sbin/nologin\n',
    '/etc/group': 'root:x:0:\ngit-sync:x:65533:\n',
    '/tmp/': '',
    '/git/': '',
  },
  programs: { '/git-sync': 'git-sync' },
};
