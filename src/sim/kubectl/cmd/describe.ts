/**
 * `kubectl describe` (FIDELITY §16, §20.4): pods, services, configmaps, secrets, namespaces,
 * serviceaccounts, endpoints and nodes, events of the object included.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import { resolveResource } from '../resources';
import { describePod } from '../describe/pod';
import { describeService, endpointSlicesFromEndpoints } from '../describe/service';
import type { ConfigMap, Endpoints, Event, KubeObject, Namespace, Node, Pod, Secret, Service } from '../../api/types';
import { describeConfigMap, describeEndpoints, describeNamespace, describeSecret, describeServiceAccount } from '../describe/simple';
import { describeNode, nodeLease } from '../describe/node';
import { notFound } from '../../api/errors';
import { renderKubectlErrors } from '../errors';

const FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'filename', short: 'f', type: 'strings' },
];

export function* describe(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'describe');
  if (!positional.length) {
    ctx.io.err('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    return 1;
  }
  let [type, ...names] = positional;
  if (type.includes('/')) [type, ...names] = [type.split('/')[0], type.split('/')[1], ...names];
  const res = resolveResource(type);
  if (!res) {
    ctx.io.err(`error: the server doesn't have a resource type "${type}"\n`);
    return 1;
  }
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const store = ctx.cluster.store;
  let objs: KubeObject[];
  const errors: unknown[] = [];
  // `describe TYPE NAME` (exactly one name, not TYPE/NAME) that finds nothing falls back to every
  // object whose name starts with NAME (DescribeMatchingResources), each printed with a newline.
  let prefixMatched = false;
  if (names.length) {
    objs = [];
    for (const n of names) {
      const o = store.get(res.kind, res.namespaced ? ns : undefined, n);
      if (o) objs.push(o);
      else errors.push(notFound(res.plural, n));
    }
    if (errors.length && names.length === 1 && !positional[0].includes('/')) {
      objs = store.list(res.kind, res.namespaced ? ns : undefined).filter((x) => x.metadata?.name?.startsWith(names[0]));
      if (objs.length) {
        errors.length = 0;
        prefixMatched = true;
      }
    }
  } else objs = store.list(res.kind, res.namespaced ? ns : undefined);
  if (!objs.length && !errors.length) {
    ctx.io.err(res.namespaced ? `No resources found in ${ns} namespace.\n` : 'No resources found\n');
    return 0;
  }
  const now = ctx.cluster.now();
  const eventsFor = (o: KubeObject) => (flags['show-events'] === false ? undefined : (store.list('Event', o.metadata?.namespace) as unknown as Event[]).filter((e) => e.involvedObject?.uid === o.metadata?.uid));
  const texts: string[] = [];
  for (const o of objs) {
    switch (res.kind) {
      case 'Pod':
        texts.push(describePod(o as unknown as Pod, eventsFor(o), now));
        break;
      case 'Service': {
        const ep = store.get('Endpoints', o.metadata?.namespace, o.metadata!.name!) as unknown as Endpoints | undefined;
        texts.push(describeService(o as unknown as Service, endpointSlicesFromEndpoints(ep), eventsFor(o), now));
        break;
      }
      case 'ConfigMap':
        texts.push(describeConfigMap(o as unknown as ConfigMap, eventsFor(o), now));
        break;
      case 'Secret':
        texts.push(describeSecret(o as unknown as Secret));
        break;
      case 'Namespace':
        texts.push(describeNamespace(o as unknown as Namespace));
        break;
      case 'ServiceAccount': {
        texts.push(describeServiceAccount(o, store.list('Secret', o.metadata?.namespace) as unknown as Secret[], eventsFor(o), now));
        break;
      }
      case 'Endpoints':
        texts.push(describeEndpoints(o as unknown as Endpoints, eventsFor(o), now));
        break;
      case 'Node': {
        const node = o as unknown as Node;
        const name = node.metadata?.name;
        // Non-terminated pods bound to the node, across namespaces (spec.nodeName, phase not Succeeded/Failed).
        const pods = (store.list('Pod') as unknown as Pod[]).filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
        // The kubelet records node events with the node's name as the involved object's uid.
        const events = flags['show-events'] === false ? undefined : (store.list('Event') as unknown as Event[]).filter((e) => e.involvedObject?.kind === 'Node' && e.involvedObject?.name === name);
        texts.push(describeNode(node, pods, events, nodeLease(node, now), now));
        break;
      }
      default:
        // Better an honest refusal than a describe that silently leaves things out.
        ctx.io.err(`error: describing ${res.plural} is not available in Pod Lab yet; try kubectl get ${res.plural} -o yaml\n`);
        return 1;
    }
  }
  ctx.io.out(prefixMatched ? texts.map((t) => t + '\n').join('') : texts.join('\n\n'));
  if (errors.length) {
    ctx.io.err(renderKubectlErrors(errors.map((err) => ({ err }))) + '\n');
    return 1;
  }
  return 0;
}
