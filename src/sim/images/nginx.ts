/**
 * nginx (Debian-based official image): entrypoint script that logs its configuration steps, then
 * `nginx -g 'daemon off;'`. STOPSIGNAL is SIGQUIT (graceful shutdown). This module carries the
 * image facts and files; the program (configuration language, serving, proxying) is programs/nginx/.
 */
import type { ImageSpec } from './types';
import { DEBIAN_BASH_BASHRC } from './base';
import { pseudoDigest } from './digest';

const tag = (t: string, size: number, pullMs: number) => ({ digest: pseudoDigest(`nginx:${t}`), size, pullMs });

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

/** /etc/nginx/mime.types, the entries a course meets (the real file maps ~100 types). */
export const NGINX_MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    text/plain                                       txt;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/x-icon                                     ico;
    application/json                                 json;
    application/pdf                                  pdf;
    application/zip                                  zip;
    application/octet-stream                         bin exe dll;
}
`;

export const nginx: ImageSpec = {
  repository: 'docker.io/library/nginx',
  tags: {
    latest: tag('latest', 72319283, 4200),
    '1.27': tag('1.27', 72319283, 4200),
    '1.27.3': tag('1.27.3', 72319283, 4200),
    '1.25': tag('1.25', 70544635, 4105),
    '1.25.5': tag('1.25.5', 70544635, 4105),
    stable: tag('stable', 70544635, 4105),
    alpine: tag('alpine', 20506731, 1630),
    '1.27-alpine': tag('1.27-alpine', 20506731, 1630),
  },
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NGINX_VERSION: '1.27.3', NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm' },
  stopSignal: 3,
  files: {
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/etc/nginx/mime.types': NGINX_MIME_TYPES,
    '/var/run/': '',
    '/usr/share/nginx/html/index.html': NGINX_INDEX,
    '/usr/share/nginx/html/50x.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
    '/var/log/nginx/': '',
    '/var/cache/nginx/': '',
    '/docker-entrypoint.d/': '',
    '/tmp/': '',
    '/root/': '',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nnginx:x:101:101:nginx user:/nonexistent:/bin/false\n',
    '/etc/bash.bashrc': DEBIAN_BASH_BASHRC,
  },
  programs: {
    '/docker-entrypoint.sh': 'nginx-entrypoint',
    '/usr/sbin/nginx': 'nginx',
    '/bin/sh': 'sh',
    '/bin/bash': 'bash',
    '/bin/cat': 'cat',
    '/bin/date': 'date',
    '/bin/echo': 'echo',
    '/bin/ls': 'ls',
    '/bin/sleep': 'sleep',
    '/bin/rm': 'rm',
    '/bin/mkdir': 'mkdir',
    '/usr/bin/touch': 'touch',
    '/usr/bin/env': 'env',
    '/bin/hostname': 'hostname',
    '/usr/bin/id': 'id',
    '/usr/bin/printenv': 'printenv',
    '/bin/true': 'true',
    '/bin/false': 'false',
    '/bin/tar': 'tar',
    // The official (Debian) image installs curl for its own healthchecks and docs.
    '/usr/bin/curl': 'curl',
  },
  prompt: 'root@HOSTNAME:/# ',
};
