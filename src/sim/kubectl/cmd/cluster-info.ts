/**
 * `kubectl cluster-info`: the control plane's URL (the kubeconfig's server) and every Service in
 * the namespace (kube-system unless -n) labelled `kubernetes.io/cluster-service=true`, named by
 * its `kubernetes.io/name` label, as a proxy URL through the API server (clusterinfo.go).
 * kubectl v1.32 prints no colours here, on a terminal or not (checked against the real client).
 *
 * Pod Lab keeps no object for CoreDNS's `kube-dns` Service (net/dns.ts answers for it), so its
 * line — present on every kubeadm cluster — is added for kube-system.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags } from '../flags';
import type { KubeObject } from '../../api/types';
import { currentServer, loadKubeconfig } from '../kubeconfig';

interface ServiceLike extends KubeObject {
  spec?: { ports?: Array<{ name?: string; port: number }> };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
}

const KUBE_DNS: ServiceLike = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
  spec: { ports: [{ name: 'dns', port: 53 }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }] },
};

export function* clusterInfo(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, [], 'cluster-info');
  if (positional[0] === 'dump') {
    ctx.io.err('error: "kubectl cluster-info dump" is not available in Pod Lab yet\n');
    return 1;
  }
  const ns = (flags.namespace as string | undefined) || 'kube-system';
  const host = currentServer(loadKubeconfig(ctx));
  const listed = (ctx.cluster.store.list('Service', ns) as ServiceLike[]).filter((s) => s.metadata?.labels?.['kubernetes.io/cluster-service'] === 'true');
  const services = ns === 'kube-system' && !listed.some((s) => s.metadata?.name === 'kube-dns') ? [KUBE_DNS, ...listed] : listed;
  services.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
  let out = `Kubernetes control plane is running at ${host}\n`;
  for (const svc of services) {
    const name = svc.metadata!.labels?.['kubernetes.io/name'] || svc.metadata!.name!;
    out += `${name} is running at ${serviceLink(svc, host)}\n`;
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  ctx.io.out(out);
  return 0;
}

function serviceLink(svc: ServiceLike, host: string): string {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) {
    const ip = ingress[0].ip || ingress[0].hostname || '';
    return (svc.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata!.name!;
  const port = svc.spec?.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    // utilnet.JoinSchemeNamePort: "scheme:name:port", dropping what is empty from the front.
    name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
  }
  return `${host}/api/v1/namespaces/${svc.metadata!.namespace}/services/${name}/proxy`;
}
