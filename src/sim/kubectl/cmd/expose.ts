/**
 * `kubectl expose pod NAME` (FIDELITY §20.1): a Service selecting the pod's labels, with ports
 * from --port or the pod's container ports, created through the API server.
 */
import { unmodeledFlag } from '../unmodeled';
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import type { KubeObject, Pod } from '../../api/types';
import { notFound } from '../../api/errors';
import { toJson, toYaml } from '../output';
import { renderError } from './common';

const FLAGS: FlagSpec[] = [
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'external-ip', type: 'string' },
];

const TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };

export function* expose(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional, set } = parseFlags(args, FLAGS, 'expose');
  const io = ctx.io;
  const refusal = unmodeledFlag('expose', flags, set, [{ flag: 'filename', why: 'expose names the pod to expose: kubectl expose pod NAME' }]);
  if (refusal) {
    io.err(refusal);
    return 1;
  }
  let [type, name] = positional;
  if (type?.includes('/')) [type, name] = type.split('/');
  if (!type) {
    io.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  if (!name) {
    io.err('error: resource(s) were provided, but no name was specified\n');
    return 1;
  }
  if (!['pod', 'pods', 'po'].includes(type)) {
    io.err(`error: cannot expose a ${type} in Pod Lab yet (pods can be exposed)\n`);
    return 1;
  }
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const pod = ctx.cluster.store.get('Pod', ns, name) as unknown as Pod | undefined;
  if (!pod) {
    io.err(renderError(notFound('pods', name)) + '\n');
    return 1;
  }
  let selector: Record<string, string> | undefined = pod.metadata?.labels;
  if (flags.selector) selector = Object.fromEntries((flags.selector as string).split(',').map((kv) => kv.split('=') as [string, string]));
  if (!selector || !Object.keys(selector).length) {
    io.err("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n");
    return 1;
  }
  type P = { name?: string; port: number; protocol: string; targetPort: number | string };
  let ports: P[];
  const target = flags['target-port'] as string | undefined;
  const toTarget = (p: number) => (target === undefined ? p : /^\d+$/.test(target) ? Number(target) : target);
  if (flags.port) {
    ports = (flags.port as string).split(',').map((p) => ({ port: Number(p), protocol: (flags.protocol as string) ?? 'TCP', targetPort: toTarget(Number(p)) }));
  } else {
    const cps = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
    if (!cps.length) {
      io.err("error: couldn't find port via --port flag or introspection\n");
      return 1;
    }
    ports = cps.map((cp) => ({ port: cp.containerPort, protocol: cp.protocol ?? 'TCP', targetPort: toTarget(cp.containerPort) }));
  }
  if (ports.length > 1) ports = ports.map((p, i) => ({ name: `port-${i + 1}`, ...p }));
  const svcType = flags.type ? TYPES[(flags.type as string).toLowerCase()] : undefined;
  if (flags.type && !svcType) {
    io.err(`error: unknown service type ${flags.type}\n`);
    return 1;
  }
  const svcName = ((flags.name as string | undefined) ?? name).slice(0, 63);
  const labels = flags.labels ? Object.fromEntries((flags.labels as string).split(',').map((kv) => kv.split('=') as [string, string])) : pod.metadata?.labels;
  const svc: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null as unknown as undefined, labels, name: svcName },
    // ServiceSpec's field order: ports, selector, clusterIP, type, externalIPs.
    spec: { ports, selector, ...(flags['cluster-ip'] ? { clusterIP: flags['cluster-ip'] } : {}), ...(svcType ? { type: svcType } : {}), ...(flags['external-ip'] ? { externalIPs: [flags['external-ip']] } : {}) },
    status: { loadBalancer: {} },
  };
  const out = flags.output as string | undefined;
  const dry = flags['dry-run'] as string | undefined;
  if (dry === 'client') {
    io.out(out === 'yaml' ? toYaml(svc) : out === 'json' ? toJson(svc) : `service/${svcName} exposed (dry run)\n`);
    return 0;
  }
  const { creationTimestamp: _c, ...meta } = svc.metadata!;
  try {
    const created = ctx.cluster.api.create({ ...svc, metadata: { ...meta, namespace: ns } } as KubeObject, { dryRun: dry === 'server' });
    io.out(out === 'yaml' ? toYaml(created) : out === 'json' ? toJson(created) : `service/${svcName} exposed${dry === 'server' ? ' (server dry run)' : ''}\n`);
  } catch (e) {
    io.err(renderError(e) + '\n');
    return 1;
  }
  return 0;
}
