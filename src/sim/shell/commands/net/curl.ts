/**
 * curl as a program in images that ship it. Images differ only in curl's version, which servers
 * see in the User-Agent (Debian bookworm's 7.88.1, curlimages/curl's 8.x).
 */
import type { Program } from '../../../runtime/process';
import { abs, errText, type Gen } from '../util';
import { curlCore } from './curl-core';
import { podNet, resolveIn, waitFor } from './common';

export function curlProgram(version: string): Program {
  return function* (p): Gen<number> {
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
      userAgent: `curl/${version}`,
    });
    for (let r = gen.next(); ; r = gen.next()) {
      if (r.done) return r.value;
      yield* waitFor(r.value);
    }
  };
}

/** Debian bookworm's curl (the nginx image ships it). */
export const curl = curlProgram('7.88.1');
