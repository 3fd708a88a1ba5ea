/** Addresses of the simulated cluster (kubeadm + flannel defaults; FIDELITY §20.2, §22). */
export const NODE_IP = '172.30.1.2';
export const NODE_NAME = 'node01';
export const CLUSTER_DNS_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';
/** node01's pod subnet; the bridge (cni0) holds .1, the pods' default gateway. */
export const POD_SUBNET_PREFIX = '10.244.1.';
export const POD_GATEWAY = '10.244.1.1';
/** How long a connect to an address nobody answers takes to fail: Linux's 6 SYN retries. */
export const SYN_TIMEOUT_MS = 129_003;
/** ARP gives up on an unused address in the local subnet after about 3 s (No route to host). */
export const ARP_TIMEOUT_MS = 3_061;

export function isIPv4(s: string): boolean {
  const m = s.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

/** Numeric order of dotted quads (the endpoints controller sorts addresses this way). */
export function ipCompare(a: string, b: string): number {
  const n = (s: string) => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return n(a) - n(b);
}
