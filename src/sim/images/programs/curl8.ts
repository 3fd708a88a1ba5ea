/**
 * curl as curlimages/curl builds it (8.x, its own User-Agent): the shared curl core with the
 * image's version, so servers' access logs show `curl/8.11.1` for requests from that image.
 */
import type { Program } from '../../runtime/process';
import { curlCore } from '../../shell/commands/net/curl-core';
import { podNet, resolveIn, waitFor } from '../../shell/commands/net/common';
import { normalize } from '../../runtime/fs';
import { CURL_VERSION } from '../curl';

export const curl8: Program = function* (p) {
  const net = podNet(p);
  if (!net) {
    p.fds.stderr.write(`curl: (6) Could not resolve host: ${p.argv[p.argv.length - 1]}\n`);
    return 6;
  }
  const gen = curlCore(p.argv.slice(1), {
    network: net.network,
    origin: net.origin,
    resolve: (h) => resolveIn(p, net, h),
    out: (s) => p.fds.stdout.write(s),
    err: (s) => p.fds.stderr.write(s),
    writeFile: (path, data) => {
      try {
        p.host.fs.writeFile(normalize(path, p.cwd), data);
        return undefined;
      } catch (e) {
        return String(e);
      }
    },
    userAgent: `curl/${CURL_VERSION}`,
  });
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return r.value;
    yield* waitFor(r.value);
  }
};
