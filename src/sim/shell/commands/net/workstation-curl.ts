/**
 * The workstation's curl: outside the cluster, it reaches node01 (172.30.1.2, or the name node01
 * from the workstation's /etc/hosts) and the NodePorts there; ClusterIPs and pod IPs are not
 * routed to it, so connecting to them times out as it would from a laptop.
 */
import type { Cluster } from '../../../cluster';
import type { CmdGen, TerminalIO, WorkstationFiles } from '../../../kubectl/context';
import { NODE_IP, NODE_NAME, isIPv4 } from '../../../net/addr';
import { curlCore } from './curl-core';

export function* workstationCurl(args: string[], cluster: Cluster, io: TerminalIO, files: WorkstationFiles): CmdGen {
  const gen = curlCore(args, {
    network: cluster.network,
    origin: { host: 'workstation' },
    resolve: (h) => (isIPv4(h) ? h : h === NODE_NAME ? NODE_IP : h === 'localhost' ? '127.0.0.1' : undefined),
    out: io.out,
    err: io.err,
    writeFile: (path, data) => {
      files.write(path, data);
      return undefined;
    },
    userAgent: 'curl/8.5.0',
  });
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return r.value;
    const pending = r.value;
    if (!pending.done) yield { op: 'until', done: () => pending.done };
  }
}
