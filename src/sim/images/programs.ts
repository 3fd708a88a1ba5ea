/**
 * Programs that ship with specific images, by the name image modules use in `programs`: the
 * pause process, nginx's entrypoint here; larger programs in programs/ (nginx in programs/nginx/).
 */
import type { Program } from '../runtime/process';
import { HTTP_STATUS_TEXT } from '../net/netns';
import { ch6IpcProgram } from './programs/ch6-ipc';
import { nginxProgram } from './programs/nginx/main';
import { bashProgram } from './programs/bash';
import { webappProgram } from './programs/webapp';
import { curlEntrypoint } from './programs/curl-entrypoint';
import { curl8 } from './programs/curl8';
import { pythonProgram } from './programs/python/main';
import { redisEntrypoint, redisServer } from './programs/redis/server';
import { redisCli } from './programs/redis/cli';
import { fluentBit } from './programs/fluent-bit/main';
import { gitSync } from './programs/git-sync/main';
import { haproxy, haproxyEntrypoint } from './programs/haproxy/main';
import { nginxExporter } from './programs/nginx-exporter/main';

export const pauseProgram: Program = function* (p) {
  p.reapsOnSigchld = true;
  for (const s of [2, 15]) p.dispositions.set(s, 'catch');
  yield { op: 'pause' };
  return 0;
};

/** /docker-entrypoint.sh: logs its configuration steps, then execs its arguments. */
export const nginxEntrypoint: Program = function* (p) {
  const args = p.argv.slice(1);
  const programs = p.host.services.programs as Record<string, Program>;
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    const lines = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ];
    p.fds.stdout.write(lines.join('\n') + '\n');
    // The entry scripts run ~27 short-lived helpers (find, sort, sed, envsubst...); they use up
    // PIDs, which is why nginx's first worker is PID 29 in a real container.
    if (p.ns.nextPid < 29) p.ns.nextPid = 29;
  }
  const found = p.host.resolveProgram(args[0] ?? '', p.env.get('PATH') ?? '/usr/sbin:/usr/bin:/bin');
  if (!found) {
    p.fds.stderr.write(`/docker-entrypoint.sh: exec: line 47: ${args[0]}: not found\n`);
    return 127;
  }
  void programs;
  p.execve(args, found.path);
  return yield* found.program(p);
};

export const IMAGE_PROGRAMS: Record<string, Program> = {
  pause: pauseProgram,
  'nginx-entrypoint': nginxEntrypoint,
  nginx: nginxProgram,
  'ch6-ipc': ch6IpcProgram,
  bash: bashProgram,
  'webapp-python': webappProgram,
  'curl-entrypoint': curlEntrypoint,
  curl8,
  python: pythonProgram,
  'redis-entrypoint': redisEntrypoint,
  'redis-server': redisServer,
  'redis-cli': redisCli,
  'fluent-bit': fluentBit,
  'git-sync': gitSync,
  haproxy,
  'haproxy-entrypoint': haproxyEntrypoint,
  'nginx-prometheus-exporter': nginxExporter,
};

export { HTTP_STATUS_TEXT };
