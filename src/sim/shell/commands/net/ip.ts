/**
 * busybox ip: `ip addr` / `ip a` / `ip addr show [dev]`, `ip route` / `ip r`, `ip link`. A pod
 * has lo and eth0, the container end of a veth pair whose host end is interface N on node01
 * (hence `eth0@ifN`); its address is the pod IP in the node's /24, default route via the cni0
 * bridge (flannel's layout).
 */
import type { Program, Process } from '../../../runtime/process';
import { POD_GATEWAY } from '../../../net/addr';
import { fail, out, type Gen } from '../util';
import { podNet } from './common';

/** A stable locally administered MAC derived from the IP (veth MACs are random; a seed keeps runs identical). */
function mac(ip: string): string {
  const o = ip.split('.').map(Number);
  const bytes = [0x7a, (o[0] * 7 + o[3]) & 0xff, (o[1] * 13 + o[3] * 3) & 0xff, o[2], (o[3] * 29) & 0xff, (o[3] * 151 + 17) & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function linkLines(p: Process, ip: string, ifIndex: number, withAddr: boolean): string {
  const m = mac(ip);
  let s = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n';
  if (withAddr) s += '    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n';
  s += `2: eth0@if${ifIndex}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1450 qdisc noqueue \n    link/ether ${m} brd ff:ff:ff:ff:ff:ff\n`;
  if (withAddr) {
    const brd = ip.replace(/\.\d+$/, '.255');
    const [a, b, c, d, e, f] = m.split(':').map((x) => parseInt(x, 16));
    const ll = `fe80::${((a ^ 2) << 8 | b).toString(16)}:${(c << 8 | 0xff).toString(16)}:fe${d.toString(16).padStart(2, '0')}:${(e << 8 | f).toString(16)}`;
    s += `    inet ${ip}/24 brd ${brd} scope global eth0\n       valid_lft forever preferred_lft forever\n    inet6 ${ll}/64 scope link \n       valid_lft forever preferred_lft forever\n`;
  }
  void p;
  return s;
}

export const ip: Program = function* (p): Gen<number> {
  const args = p.argv.slice(1).filter((a) => a !== '-4');
  const net = podNet(p);
  const ipAddr = net?.self.ip ?? '127.0.0.1';
  const ifIndex = (net && net.network.pod(ipAddr)?.hostIfIndex) ?? 5;
  const obj = args[0] ?? '';
  if (!obj) {
    p.fds.stderr.write('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n');
    return 1;
  }
  if ('address'.startsWith(obj) || obj === 'addr') {
    const dev = args[1] === 'show' ? args[2] === 'dev' ? args[3] : args[2] : undefined;
    const all = linkLines(p, ipAddr, ifIndex, true);
    if (dev === undefined) out(p, all);
    else if (dev === 'lo') out(p, all.slice(0, all.indexOf('2: eth0')));
    else if (dev === 'eth0') out(p, all.slice(all.indexOf('2: eth0')));
    else {
      fail(p, `can't find device '${dev}'`);
      return 1;
    }
    return 0;
  }
  if ('route'.startsWith(obj)) {
    out(p, `default via ${POD_GATEWAY} dev eth0 \n10.244.0.0/16 via ${POD_GATEWAY} dev eth0 \n${ipAddr.replace(/\.\d+$/, '.0')}/24 dev eth0 scope link  src ${ipAddr} \n`);
    return 0;
  }
  if ('link'.startsWith(obj)) {
    out(p, linkLines(p, ipAddr, ifIndex, false));
    return 0;
  }
  p.fds.stderr.write(`ip: unknown command '${obj}'\n`);
  return 1;
};
