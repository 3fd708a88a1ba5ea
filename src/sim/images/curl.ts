/**
 * curlimages/curl: curl on Alpine (busybox applets, so `sh` and `sleep` exist), USER curl_user
 * (uid 100), ENTRYPOINT ["/entrypoint.sh"], CMD ["curl"]. The entrypoint puts `curl` in front of
 * arguments that start with `-` or name no command, which is why both
 * `kubectl run c --image=curlimages/curl -- -s http://web` and `-- sleep 3600` work.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { alpine } from './alpine';

const tag = (t: string) => ({ digest: pseudoDigest(`curlimages/curl:${t}`), size: 11_875_418, pullMs: 980 });

export const CURL_VERSION = '8.11.1';

export const curlImage: ImageSpec = {
  repository: 'docker.io/curlimages/curl',
  tags: { latest: tag('latest'), [CURL_VERSION]: tag(CURL_VERSION), '8.11.0': tag('8.11.0') },
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', CURL_CA_BUNDLE: '/cacert.pem', CURL_VERSION },
  files: {
    ...alpine.files,
    '/etc/passwd': alpine.files['/etc/passwd'] + 'curl_user:x:100:101:Linux User,,,:/home/curl_user:/sbin/nologin\n',
    '/etc/group': alpine.files['/etc/group'] + 'curl_group:x:101:curl_user\n',
    '/home/curl_user/': '',
    '/cacert.pem': '# Mozilla CA bundle (contents elided in Pod Lab)\n',
  },
  programs: { ...alpine.programs, '/entrypoint.sh': 'curl-entrypoint', '/usr/bin/curl': 'curl8' },
  prompt: '~ $ ',
};
