/**
 * redis (official image, 7.4 on Debian bookworm; the -alpine tags share these contents here):
 * ENTRYPOINT ["docker-entrypoint.sh"], CMD ["redis-server"], WORKDIR /data, the server runs as
 * the redis user (uid 999). Programs: programs/redis/.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { DEBIAN_BOOKWORM_OS_RELEASE, debianFiles, debianPrograms } from './base';

const tag = (t: string, size: number, pullMs: number) => ({ digest: pseudoDigest(`redis:${t}`), size, pullMs });
const DEB = 45_870_341;
const ALPINE = 17_308_652;

export const redis: ImageSpec = {
  repository: 'docker.io/library/redis',
  tags: {
    latest: tag('latest', DEB, 2_900),
    '7': tag('7', DEB, 2_900),
    '7.4': tag('7.4', DEB, 2_900),
    '7.4.2': tag('7.4.2', DEB, 2_900),
    alpine: tag('alpine', ALPINE, 1_350),
    '7-alpine': tag('7-alpine', ALPINE, 1_350),
    '7.4-alpine': tag('7.4-alpine', ALPINE, 1_350),
  },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', GOSU_VERSION: '1.17', REDIS_VERSION: '7.4.2' },
  workingDir: '/data',
  files: debianFiles(DEBIAN_BOOKWORM_OS_RELEASE, {
    '/etc/debian_version': '12.8\n',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nredis:x:999:999::/home/redis:/bin/sh\n',
    '/data/': '',
  }),
  programs: debianPrograms({
    '/usr/local/bin/docker-entrypoint.sh': 'redis-entrypoint',
    '/usr/local/bin/redis-server': 'redis-server',
    '/usr/local/bin/redis-cli': 'redis-cli',
    '/usr/local/bin/gosu': 'true',
  }),
  prompt: 'root@HOSTNAME:/data# ',
};
