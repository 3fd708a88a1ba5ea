/**
 * nginx/nginx-prometheus-exporter (1.4): a static Go binary on a scratch-like image,
 * ENTRYPOINT ["/usr/bin/nginx-prometheus-exporter"], USER nobody; no shell.
 * Program: programs/nginx-exporter/.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { EXPORTER_VERSION } from './programs/nginx-exporter/main';

const tag = (t: string) => ({ digest: pseudoDigest(`nginx-prometheus-exporter:${t}`), size: 9_873_512, pullMs: 900 });

export const nginxExporterImage: ImageSpec = {
  repository: 'docker.io/nginx/nginx-prometheus-exporter',
  tags: { latest: tag('latest'), '1.4': tag('1.4'), [EXPORTER_VERSION]: tag(EXPORTER_VERSION) },
  entrypoint: ['/usr/bin/nginx-prometheus-exporter'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  files: {
    '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n',
    '/etc/group': 'root:x:0:\nnogroup:x:65534:\n',
    '/tmp/': '',
  },
  programs: { '/usr/bin/nginx-prometheus-exporter': 'nginx-prometheus-exporter' },
};
