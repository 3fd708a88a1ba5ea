/** What the network programs share: the pod's network handles, name resolution, URLs, waiting. */
import type { Process } from '../../../runtime/process';
import type { NetNamespace } from '../../../net/netns';
import type { ClusterNetwork, Origin, Pending } from '../../../net/network';
import { resolveHost } from '../../../net/dns';
import type { Gen } from '../util';

export interface PodNet {
  network: ClusterNetwork;
  self: NetNamespace;
  origin: Origin;
}

export function podNet(p: Process): PodNet | undefined {
  const network = p.host.services.network as ClusterNetwork | undefined;
  const self = p.host.services.net as NetNamespace | undefined;
  if (!network || !self) return undefined;
  return { network, self, origin: { pod: self } };
}

function readFile(p: Process, path: string): string | undefined {
  try {
    return p.host.fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** getaddrinfo() inside the container: its own /etc/hosts and /etc/resolv.conf. */
export function resolveIn(p: Process, net: PodNet, host: string): string | undefined {
  if (host === 'localhost') return '127.0.0.1';
  return resolveHost(net.network.dns, host, { hosts: readFile(p, '/etc/hosts'), resolv: readFile(p, '/etc/resolv.conf') });
}

export function resolvConfText(p: Process): string | undefined {
  return readFile(p, '/etc/resolv.conf');
}

/** Block in virtual time until a network result is in. */
export function* waitFor<T>(pending: Pending<T>): Gen<T> {
  while (!pending.done) yield { op: 'read', pipe: pending.signal };
  return pending.result as T;
}

export interface Url {
  scheme: string;
  host: string;
  port: number;
  /** Port written in the URL (wget prints host:port only then). */
  explicitPort: boolean;
  path: string;
}

/** http://host[:port][/path]; a missing scheme means http (as wget and curl assume). */
export function parseUrl(raw: string): Url | undefined {
  const m = raw.match(/^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([/?#].*)?$/);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (!path.startsWith('/')) path = '/' + path;
  return { scheme, host: m[2], port, explicitPort: !!m[3], path: path.replace(/#.*/, '') };
}
