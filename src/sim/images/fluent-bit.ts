/**
 * fluent/fluent-bit (3.2, distroless: no shell, so `kubectl exec` finds no sh). The Dockerfile
 * names the binary in both ENTRYPOINT and CMD — argv[1] repeats the path, which fluent-bit
 * ignores — so `args: ["-c", "/config/fluent-bit.conf"]` in a pod spec just works. The default
 * configuration samples the CPU to stdout, as the real image's does. Program: programs/fluent-bit/.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { FLUENT_BIT_VERSION } from './programs/fluent-bit/main';

const tag = (t: string) => ({ digest: pseudoDigest(`fluent/fluent-bit:${t}`), size: 33_412_587, pullMs: 2_100 });
const BIN = '/fluent-bit/bin/fluent-bit';

export const fluentBitImage: ImageSpec = {
  repository: 'docker.io/fluent/fluent-bit',
  tags: { latest: tag('latest'), '3.2': tag('3.2'), [FLUENT_BIT_VERSION]: tag(FLUENT_BIT_VERSION) },
  entrypoint: [BIN],
  cmd: [BIN, '-c', '/fluent-bit/etc/fluent-bit.conf'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', FLUENT_BIT_VERSION },
  files: {
    '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n',
    '/etc/group': 'root:x:0:\nnogroup:x:65534:\n',
    '/tmp/': '',
    '/fluent-bit/etc/fluent-bit.conf':
      '[SERVICE]\n    flush        1\n    daemon       Off\n    log_level    info\n    parsers_file parsers.conf\n    http_server  Off\n\n[INPUT]\n    name cpu\n    tag  cpu.local\n    interval_sec 1\n\n[OUTPUT]\n    name  stdout\n    match *\n',
    '/fluent-bit/etc/parsers.conf': '[PARSER]\n    Name   json\n    Format json\n    Time_Key time\n    Time_Format %d/%b/%Y:%H:%M:%S %z\n',
  },
  programs: { [BIN]: 'fluent-bit' },
};
