/** curl as a program in images that ship it (Debian-based nginx, curlimages/curl). */
import type { Program } from '../../../runtime/process';
import { abs, errText, type Gen } from '../util';
import { curlCore } from './curl-core';
import { podNet, resolveIn, waitFor } from './common';

export const curl: Program = function* (p): Gen<number> {
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
        p.host.fs.writeFile(abs(p, path), data);
        return undefined;
      } catch (e) {
        return errText(e);
      }
    },
    userAgent: 'curl/7.88.1',
  });
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return r.value;
    yield* waitFor(r.value);
  }
};
