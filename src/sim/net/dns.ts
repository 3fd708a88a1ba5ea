/**
 * Cluster DNS: what CoreDNS's kubernetes plugin answers for cluster.local, and the stub resolver
 * a container's libc runs over it (/etc/hosts first, then the search list of /etc/resolv.conf
 * with ndots:5). Names outside the cluster domain have no upstream in Pod Lab: NXDOMAIN.
 */
import type { ObjectStore } from '../api/store';
import type { Endpoints, Service } from '../api/types';
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN, isIPv4 } from './addr';

export type DnsAnswer =
  | { rcode: 'NOERROR'; a: string[]; cname?: string }
  | { rcode: 'NXDOMAIN' };

export class ClusterDns {
  constructor(private readonly store: ObjectStore) {}

  /** An A query, as CoreDNS answers it. An empty `a` with NOERROR is a name that exists without addresses. */
  queryA(qname: string): DnsAnswer {
    const name = qname.toLowerCase().replace(/\.$/, '');
    const suffix = '.' + CLUSTER_DOMAIN;
    if (!name.endsWith(suffix)) return { rcode: 'NXDOMAIN' };
    const labels = name.slice(0, -suffix.length).split('.');
    const kind = labels[labels.length - 1];
    if (kind === 'svc' && labels.length === 3) return this.service(labels[0], labels[1]);
    if (kind === 'svc' && labels.length === 4) return this.endpointHost(labels[0], labels[1], labels[2]);
    if (kind === 'pod' && labels.length === 3) {
      // `pods insecure` (kubeadm's Corefile): the IP is read back from the name, unchecked.
      const ip = labels[0].replace(/-/g, '.');
      return isIPv4(ip) && this.namespaceExists(labels[1]) ? { rcode: 'NOERROR', a: [ip] } : { rcode: 'NXDOMAIN' };
    }
    return { rcode: 'NXDOMAIN' };
  }

  /** PTR: the Service owning a ClusterIP. */
  queryPtr(ip: string): string | undefined {
    if (ip === CLUSTER_DNS_IP) return `kube-dns.kube-system.svc.${CLUSTER_DOMAIN}`;
    for (const s of this.store.list('Service') as Service[]) {
      if (s.spec?.clusterIP === ip) return `${s.metadata!.name}.${s.metadata!.namespace}.svc.${CLUSTER_DOMAIN}`;
    }
    return undefined;
  }

  private namespaceExists(ns: string): boolean {
    return !!this.store.peek('Namespace', undefined, ns);
  }

  private service(name: string, ns: string): DnsAnswer {
    // kube-dns is CoreDNS's own Service; Pod Lab keeps no object for it.
    if (name === 'kube-dns' && ns === 'kube-system') return { rcode: 'NOERROR', a: [CLUSTER_DNS_IP] };
    const s = this.store.peek('Service', ns, name) as Service | undefined;
    if (!s) return { rcode: 'NXDOMAIN' };
    if (s.spec?.type === 'ExternalName') return { rcode: 'NOERROR', a: [], cname: s.spec.externalName };
    if (s.spec?.clusterIP && s.spec.clusterIP !== 'None') return { rcode: 'NOERROR', a: [s.spec.clusterIP] };
    // Headless: one A record per ready endpoint.
    const ep = this.store.peek('Endpoints', ns, name) as Endpoints | undefined;
    const ips = (ep?.subsets ?? []).flatMap((ss) => (ss.addresses ?? []).map((a) => a.ip));
    return { rcode: 'NOERROR', a: [...new Set(ips)] };
  }

  /** `<hostname>.<svc>.<ns>.svc`: a pod with spec.hostname + spec.subdomain behind a headless Service. */
  private endpointHost(host: string, svc: string, ns: string): DnsAnswer {
    const ep = this.store.peek('Endpoints', ns, svc) as Endpoints | undefined;
    for (const ss of ep?.subsets ?? []) for (const a of ss.addresses ?? []) if (a.hostname === host) return { rcode: 'NOERROR', a: [a.ip] };
    return { rcode: 'NXDOMAIN' };
  }
}

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

export function parseResolvConf(text: string | undefined): ResolvConf {
  const rc: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  for (const line of (text ?? '').split('\n')) {
    const [k, ...v] = line.trim().split(/\s+/);
    if (k === 'nameserver' && v[0]) rc.nameservers.push(v[0]);
    else if (k === 'search') rc.search = v;
    else if (k === 'options') for (const o of v) if (o.startsWith('ndots:')) rc.ndots = Number(o.slice(6)) || 0;
  }
  return rc;
}

/** /etc/hosts lookup: the first line naming `name`. */
export function hostsLookup(text: string | undefined, name: string): string | undefined {
  for (const line of (text ?? '').split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length > 1 && isIPv4(fields[0]) && fields.slice(1).includes(name)) return fields[0];
  }
  return undefined;
}

/** The fully qualified names a stub resolver tries, in order (resolv.conf(5) ndots rule). */
export function searchCandidates(name: string, rc: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const withSearch = rc.search.map((d) => `${name}.${d}`);
  return dots >= rc.ndots ? [name, ...withSearch] : [...withSearch, name];
}

/** getaddrinfo(): hosts file, then DNS through the search list. Undefined means "bad address". */
export function resolveHost(dns: ClusterDns, name: string, files: { hosts?: string; resolv?: string }): string | undefined {
  if (isIPv4(name)) return name;
  const fromHosts = hostsLookup(files.hosts, name);
  if (fromHosts) return fromHosts;
  const rc = parseResolvConf(files.resolv);
  if (!rc.nameservers.length) return undefined;
  for (const cand of searchCandidates(name, rc)) {
    let ans = dns.queryA(cand);
    // Follow an ExternalName's CNAME once (its target is outside the cluster: unresolvable here).
    if (ans.rcode === 'NOERROR' && ans.cname) ans = dns.queryA(ans.cname);
    if (ans.rcode === 'NOERROR' && ans.a.length) return ans.a[0];
  }
  return undefined;
}
