/**
 * busybox hostname with -i (the host's addresses, i.e. the pod IP) and -d/-f; plain `hostname`
 * prints the UTS name as before. Lives with the network programs because -i reads the pod IP.
 */
import type { Program } from '../../../runtime/process';
import { out, type Gen } from '../util';
import { podNet } from './common';

export const hostnameNet: Program = function* (p): Gen<number> {
  const a = p.argv.slice(1);
  if (a.includes('-i')) {
    out(p, (podNet(p)?.self.ip ?? '127.0.0.1') + ' \n');
    return 0;
  }
  if (a.includes('-d')) {
    out(p, '\n');
    return 0;
  }
  out(p, p.host.hostname + '\n');
  return 0;
};
