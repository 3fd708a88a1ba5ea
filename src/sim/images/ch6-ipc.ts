/**
 * allingeek/ch6_ipc (Docker in Action, chapter 6): Ubuntu with gcc, the source copied to
 * /work/ipc, built there as `ipc`, WORKDIR /work/ipc and ENTRYPOINT ["./ipc"] — so pod specs run
 * it as `command: ["./ipc", "-producer"]` / `["./ipc", "-consumer"]`. The program is in
 * programs/ch6-ipc.ts.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { DEBIAN_PATH, debianFiles, debianPrograms } from './base';

const TRUSTY_OS_RELEASE = `NAME="Ubuntu"
VERSION="14.04.2 LTS, Trusty Tahr"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 14.04.2 LTS"
VERSION_ID="14.04"
HOME_URL="http://www.ubuntu.com/"
SUPPORT_URL="http://help.ubuntu.com/"
BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
`;

export const ch6Ipc: ImageSpec = {
  repository: 'docker.io/allingeek/ch6_ipc',
  // Pushed in 2015 on an Ubuntu base with gcc and libc-dev installed: a large image for one binary.
  tags: { latest: { digest: pseudoDigest('allingeek/ch6_ipc:latest'), size: 112_624_416, pullMs: 6800 } },
  entrypoint: ['./ipc'],
  env: { PATH: DEBIAN_PATH },
  workingDir: '/work/ipc',
  files: debianFiles(TRUSTY_OS_RELEASE, {
    '/work/ipc/ipc.c': '/* producer/consumer over the POSIX message queue "/ch6_ipc" (see the image\'s README) */\n',
  }),
  programs: debianPrograms({ '/work/ipc/ipc': 'ch6-ipc' }),
  prompt: 'root@HOSTNAME:/work/ipc# ',
};
