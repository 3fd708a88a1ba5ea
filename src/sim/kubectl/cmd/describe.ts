/**
 * `kubectl describe` (FIDELITY §16, §20.4): pods, services, configmaps, secrets, namespaces,
 * serviceaccounts, endpoints and nodes, events of the object included; objects chosen by name,
 * by type (all of them), by -l, across -A, or by -f FILE; several are separated by a blank line.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import { resolveResource, type ResourceInfo } from '../resources';
import { parseSelector, matchesRequirements, type Requirement } from '../../api/selector';
import { objectsNamedInFiles, type ObjectRef } from '../builder';
import { describeEvents } from '../describe/events';
import { PrefixWriter, LEVEL_0 } from '../describe/prefix-writer';
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
  const filenames = (flags.filename as string[] | undefined) ?? [];
  if (!positional.length && !filenames.length) {
    ctx.io.err('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    return 1;
  }
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const picked = pickObjects(ctx, positional, filenames, ns, flags.selector as string | undefined, !!flags['all-namespaces']);
  if ('fatal' in picked) {
    ctx.io.err(picked.fatal + '\n');
    return 1;
  }
  const { objs, errors, prefixMatched } = picked;
  if (!objs.length && !errors.length) {
    ctx.io.err(flags['all-namespaces'] ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
    return 0;
  }
  const store = ctx.cluster.store;
  const now = ctx.cluster.now();
  const eventsFor = (o: KubeObject) => (flags['show-events'] === false ? undefined : (store.list('Event', o.metadata?.namespace) as unknown as Event[]).filter((e) => e.involvedObject?.uid === o.metadata?.uid));
  const texts: string[] = [];
  for (const { res, obj: o, ref } of objs) {
    if (!o) {
      const text = ref && res.kind === 'Pod' && flags['show-events'] !== false ? goneWithEvents(ctx, ref, now) : undefined;
      if (text) texts.push(text);
      else if (!errors.some((e) => (e as Error).message === notFound(res.plural, ref!.name).message)) errors.push(notFound(res.plural, ref!.name));
      continue;
    }
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

/**
 * PodDescriber when the pod is gone but events about it remain (searched by involved object name
 * and namespace): kubectl prints them instead of the NotFound error.
 */
function goneWithEvents(ctx: KubectlCtx, ref: ObjectRef, now: number): string | undefined {
  const events = (ctx.cluster.store.list('Event', ref.ns) as unknown as Event[]).filter((e) => e.involvedObject?.name === ref.name && e.involvedObject?.namespace === ref.ns);
  if (!events.length) return undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Pod '${ref.name}': error '${notFound(ref.res.plural, ref.name).message}', but found events.\n`);
  describeEvents(events, w, now);
  return w.toString();
}

/** An object to describe; `obj` undefined when an object a file names is gone (`ref` says which). */
type Target = { res: ResourceInfo; obj?: KubeObject; ref?: ObjectRef };
type Picked = { fatal: string } | { objs: Target[]; errors: unknown[]; prefixMatched: boolean };

/**
 * The builder of describe.go: `TYPE [NAME…]`, `TYPE/NAME…`, `TYPE -l SELECTOR`, `-A`, or `-f FILE`
 * (the objects the manifests name). `describe TYPE NAME` (exactly two arguments) that finds nothing
 * falls back to every object whose name starts with NAME (DescribeMatchingResources).
 */
function pickObjects(ctx: KubectlCtx, positional: string[], filenames: string[], ns: string, selectorText: string | undefined, allNs: boolean): Picked {
  const store = ctx.cluster.store;
  const objs: Target[] = [];
  const errors: unknown[] = [];
  let selector: Requirement[] | undefined;
  if (selectorText) {
    try {
      selector = parseSelector(selectorText);
    } catch (e) {
      return { fatal: `error: ${(e as Error).message}` };
    }
  }
  if (filenames.length) {
    if (positional.length) return { fatal: 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well' };
    const named = objectsNamedInFiles(ctx, filenames, ns);
    if (named.fatal) return { fatal: named.fatal };
    // -l filters on the labels the files give the objects (FilterByLabelSelector); describe's
    // builder has no Latest(), so each describer fetches its object and may find it gone.
    for (const r of named.refs.filter((x) => !selector || matchesRequirements(x.labels, selector))) objs.push({ res: r.res, obj: store.get(r.res.kind, r.ns, r.name), ref: r });
    return { objs, errors, prefixMatched: false };
  }
  const byName: Array<{ res: ResourceInfo; name: string }> = [];
  if (positional[0].includes('/')) {
    if (!positional.every((a) => a.includes('/'))) return { fatal: SLASH_MIX };
    for (const a of positional) {
      const t = a.slice(0, a.indexOf('/'));
      const res = resolveResource(t);
      if (!res) return { fatal: `error: the server doesn't have a resource type "${t}"` };
      byName.push({ res, name: a.slice(a.indexOf('/') + 1) });
    }
  } else {
    const [types, ...names] = positional;
    if (names.some((n) => n.includes('/'))) return { fatal: SLASH_MIX };
    const resources: ResourceInfo[] = [];
    for (const t of types.split(',')) {
      const res = resolveResource(t);
      if (!res) return { fatal: `error: the server doesn't have a resource type "${t}"` };
      if (!resources.includes(res)) resources.push(res);
    }
    if (!names.length) {
      for (const res of resources) for (const obj of store.list(res.kind, res.namespaced && !allNs ? ns : undefined, selector)) objs.push({ res, obj });
      return { objs, errors, prefixMatched: false };
    }
    if (selector) return { fatal: 'error: name cannot be provided when a selector is specified' };
    for (const res of resources) for (const name of names) byName.push({ res, name });
  }
  if (allNs) return { fatal: 'error: a resource cannot be retrieved by name across all namespaces' };
  for (const { res, name } of byName) {
    const obj = store.get(res.kind, res.namespaced ? ns : undefined, name);
    if (obj) objs.push({ res, obj });
    else errors.push(notFound(res.plural, name));
  }
  if (errors.length && positional.length === 2 && !positional[0].includes('/')) {
    const res = byName[0].res;
    const matching = store.list(res.kind, res.namespaced ? ns : undefined).filter((x) => x.metadata?.name?.startsWith(positional[1]));
    if (matching.length) return { objs: matching.map((obj) => ({ res, obj })), errors: [], prefixMatched: true };
  }
  return { objs, errors, prefixMatched: false };
}

const SLASH_MIX =
  "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";
