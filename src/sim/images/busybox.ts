/** busybox: one binary, many applets; `sh` is ash. Default CMD is `sh`. */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';

const APPLETS = [
  'sh', 'ash', 'cat', 'date', 'echo', 'env', 'false', 'hostname', 'id', 'ls', 'mkdir', 'printenv', 'printf', 'rm', 'sleep', 'test', '[', 'touch', 'true', 'uname', 'whoami',
  'head', 'tail', 'wc', 'grep', 'egrep', 'fgrep', 'cut', 'tr', 'sort', 'uniq', 'tee', 'seq', 'yes', 'basename', 'dirname', 'which',
  'ps', 'pidof', 'mount', 'df', 'du', 'cp', 'mv', 'ln', 'stat', 'find', 'xargs', 'expr', 'sed', 'awk',
  'wget', 'nc', 'nslookup', 'ip', 'kill', 'tar',
];

const tag = (t: string, size: number, pullMs: number) => ({ digest: pseudoDigest(`busybox:${t}`), size, pullMs });

export const busybox: ImageSpec = {
  repository: 'docker.io/library/busybox',
  tags: {
    latest: tag('latest', 2167176, 1012),
    '1.37': tag('1.37', 2167176, 1012),
    '1.36': tag('1.36', 2155440, 986),
    '1.36.1': tag('1.36.1', 2155440, 986),
    '1.35': tag('1.35', 2160406, 1003),
    '1.34': tag('1.34', 2171832, 1021),
    '1.28': tag('1.28', 727869, 612),
  },
  cmd: ['sh'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  files: {
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
    '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nnogroup:x:65534:\n',
    '/root/': '',
    '/tmp/': '',
    '/var/': '',
    '/home/': '',
    '/usr/sbin/': '',
    '/dev/': '',
    '/proc/': '',
    '/sys/': '',
  },
  programs: Object.fromEntries(APPLETS.map((a) => [`/bin/${a}`, a])),
  prompt: '/ # ',
};
