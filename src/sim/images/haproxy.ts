/**
 * haproxy (official image, Debian bookworm): ENTRYPOINT ["docker-entrypoint.sh"],
 * CMD ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"], USER haproxy (uid 99). The image
 * ships no haproxy.cfg: a pod must mount one (a ConfigMap), or haproxy exits 1 at once.
 * Program: programs/haproxy/.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { DEBIAN_BOOKWORM_OS_RELEASE, debianFiles, debianPrograms } from './base';
import { HAPROXY_VERSION } from './programs/haproxy/main';

const tag = (t: string) => ({ digest: pseudoDigest(`haproxy:${t}`), size: 41_726_318, pullMs: 2_500 });

export const haproxyImage: ImageSpec = {
  repository: 'docker.io/library/haproxy',
  tags: { latest: tag('latest'), '2.9': tag('2.9'), [HAPROXY_VERSION]: tag(HAPROXY_VERSION) },
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HAPROXY_VERSION },
  workingDir: '/var/lib/haproxy',
  // STOPSIGNAL SIGUSR1: a soft stop that lets connections finish.
  stopSignal: 10,
  files: debianFiles(DEBIAN_BOOKWORM_OS_RELEASE, {
    '/etc/debian_version': '12.8\n',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nhaproxy:x:99:99::/var/lib/haproxy:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    '/usr/local/etc/haproxy/': '',
    '/var/lib/haproxy/': '',
  }),
  programs: debianPrograms({ '/usr/local/bin/docker-entrypoint.sh': 'haproxy-entrypoint', '/usr/local/sbin/haproxy': 'haproxy' }),
  prompt: 'haproxy@HOSTNAME:/var/lib/haproxy$ ',
};
