/**
 * python (the official image, Debian bookworm): CPython built into /usr/local, PATH puts
 * /usr/local/bin first, CMD ["python3"] — so a bare `kubectl run py --image=python:3.12` starts a
 * REPL on a closed stdin, exits 0 at once and goes to CrashLoopBackOff. No WORKDIR: `/`.
 * The catalogue keeps one file list per repository, so the -slim tags (which lack procps, curl,
 * git) share the full image's contents here; the program is programs/python/.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { DEBIAN_BOOKWORM_OS_RELEASE, debianFiles, debianPrograms } from './base';
import { PYTHON_VERSION } from './programs/python/http-server';

const tag = (t: string, size: number, pullMs: number) => ({ digest: pseudoDigest(`python:${t}`), size, pullMs });
const FULL = 392_104_713;
const SLIM = 43_813_460;

const PY = ['python', 'python3', 'python3.12'];

export const python: ImageSpec = {
  repository: 'docker.io/library/python',
  tags: {
    latest: tag('latest', FULL, 21_400),
    '3.12': tag('3.12', FULL, 21_400),
    [PYTHON_VERSION]: tag(PYTHON_VERSION, FULL, 21_400),
    '3.12-bookworm': tag('3.12-bookworm', FULL, 21_400),
    '3.12-slim': tag('3.12-slim', SLIM, 2_950),
    '3.12-slim-bookworm': tag('3.12-slim-bookworm', SLIM, 2_950),
  },
  cmd: ['python3'],
  env: { PATH: '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', GPG_KEY: '7169605F62C751356D054A26A821E680E5FA6305', PYTHON_VERSION },
  files: debianFiles(DEBIAN_BOOKWORM_OS_RELEASE, {
    '/etc/debian_version': '12.8\n',
    '/usr/local/lib/python3.12/http/server.py': '"""HTTP server classes."""\n',
  }),
  programs: debianPrograms(Object.fromEntries(PY.map((n) => [`/usr/local/bin/${n}`, 'python']))),
  prompt: 'root@HOSTNAME:/# ',
};
