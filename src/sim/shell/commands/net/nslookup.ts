/**
 * busybox nslookup (1.36, the "big" applet with its own DNS client). It sends an A and an AAAA
 * query (a PTR for an address) to the first nameserver of /etc/resolv.conf; a name without dots
 * is tried under every search domain (add_query_with_search) while a dotted name is sent as is —
 * busybox ignores ndots. Each reply prints as it arrives followed by a blank line: answers as
 * `Name:\t…` / `Address: …`, failures as `** server can't find NAME: NXDOMAIN`. Pod Lab answers
 * in query order (all A queries, then AAAA). CoreDNS is authoritative for cluster.local, so no
 * "Non-authoritative answer:" line. Cluster services have no IPv6, so AAAA answers are empty.
 */
import type { Program } from '../../../runtime/process';
import { CLUSTER_DNS_IP, isIPv4 } from '../../../net/addr';
import { parseResolvConf } from '../../../net/dns';
import { out, type Gen } from '../util';
import { podNet, resolvConfText } from './common';

export const nslookup: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!args.length || args.length > 2) {
    p.fds.stderr.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  const [name, serverArg] = args;
  const net = podNet(p);
  const rc = parseResolvConf(resolvConfText(p));
  const server = serverArg ?? rc.nameservers[0] ?? '127.0.0.1';
  // Only the cluster DNS Service answers on :53.
  if (!net || server !== CLUSTER_DNS_IP) {
    yield { op: 'sleep', ms: 10_000 };
    out(p, ';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  let text = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (isIPv4(name)) {
    const ptr = name.split('.').reverse().join('.') + '.in-addr.arpa';
    const target = net.network.dns.queryPtr(name) ?? podPtr(net.network.pod(name)?.namespace, name);
    text += target ? `${ptr}\tname = ${target}\n\n` : `** server can't find ${ptr}: NXDOMAIN\n\n`;
    out(p, text);
    return 0;
  }
  const names = name.includes('.') || !rc.search.length ? [name] : rc.search.map((d) => `${name}.${d}`);
  const aaaa: string[] = [];
  for (const q of names) {
    const ans = net.network.dns.queryA(q);
    if (ans.rcode === 'NXDOMAIN') {
      text += `** server can't find ${q}: NXDOMAIN\n\n`;
      aaaa.push(`** server can't find ${q}: NXDOMAIN\n\n`);
      continue;
    }
    if (ans.cname) text += `${q}\tcanonical name = ${ans.cname}\n`;
    for (const ip of ans.a) text += `Name:\t${q}\nAddress: ${ip}\n`;
    text += '\n';
    aaaa.push(ans.cname ? `${q}\tcanonical name = ${ans.cname}\n\n` : '\n');
  }
  out(p, text + aaaa.join(''));
  return 0;
};

/** CoreDNS answers reverse lookups of pod IPs with the dashed pod name form. */
function podPtr(ns: string | undefined, ip: string): string | undefined {
  return ns ? `${ip.replace(/\./g, '-')}.${ns}.pod.cluster.local` : undefined;
}
