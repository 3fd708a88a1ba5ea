/** The files the kubelet manages in every container: /etc/hosts, /etc/resolv.conf, /etc/hostname (FIDELITY §22). */
import type { Pod } from '../api/types';

export const CLUSTER_DNS_IP = '10.96.0.10';

export function etcHosts(pod: Pod, podIP: string, hostname: string): string {
  let s =
    '# Kubernetes-managed hosts file.\n' +
    '127.0.0.1\tlocalhost\n' +
    '::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\n' +
    'fe00::0\tip6-mcastprefix\n' +
    'fe00::1\tip6-allnodes\n' +
    'fe00::2\tip6-allrouters\n';
  const sub = pod.spec?.subdomain;
  const ns = pod.metadata?.namespace ?? 'default';
  s += sub ? `${podIP}\t${hostname}.${sub}.${ns}.svc.cluster.local\t${hostname}\n` : `${podIP}\t${hostname}\n`;
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    s += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) s += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return s;
}

export function resolvConf(pod: Pod): string {
  const ns = pod.metadata?.namespace ?? 'default';
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`;
}

/** UTS: the hostname is spec.hostname when set, else the pod name (truncated to 63 characters). */
export function podHostname(pod: Pod): string {
  return pod.spec?.hostname ?? (pod.metadata?.name ?? '').slice(0, 63).replace(/[-.]+$/, '');
}
