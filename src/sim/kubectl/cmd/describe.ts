/** `kubectl describe`: pod and service describers (FIDELITY §16, §20.4), events of the object included. */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import { resolveResource } from '../resources';
import { describePod } from '../describe/pod';
import { describeService, endpointSlicesFromEndpoints } from '../describe/service';
import type { Endpoints, Event, KubeObject, Pod, Service } from '../../api/types';
import { notFound } from '../../api/errors';
import { renderError } from './common';

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
  const ns = (flags.namespace as string | undefined) ?? 'default';
  const store = ctx.cluster.store;
  let objs: KubeObject[];
  if (names.length) {
    objs = [];
    for (const n of names) {
      const o = store.get(res.kind, res.namespaced ? ns : undefined, n);
      // describe falls back to a prefix match when there is no exact name
      const matches = o ? [o] : store.list(res.kind, res.namespaced ? ns : undefined).filter((x) => x.metadata?.name?.startsWith(n));
      if (!matches.length) {
        ctx.io.err(renderError(notFound(res.plural, n)) + '\n');
        return 1;
      }
      objs.push(...matches);
    }
  } else objs = store.list(res.kind, res.namespaced ? ns : undefined);
  if (!objs.length) {
    ctx.io.err(`No resources found in ${ns} namespace.\n`);
    return 0;
  }
  if (res.kind !== 'Pod' && res.kind !== 'Service') {
    // Better an honest refusal than a describe that silently leaves things out.
    ctx.io.err(`error: describing ${res.plural} is not available in Pod Lab yet (pods and services are); try kubectl get ${res.plural} -o yaml\n`);
    return 1;
  }
  const now = ctx.cluster.now();
  const eventsFor = (o: KubeObject) => (flags['show-events'] === false ? undefined : (store.list('Event', o.metadata?.namespace) as unknown as Event[]).filter((e) => e.involvedObject?.uid === o.metadata?.uid));
  const texts = objs.map((o) => {
    switch (res.kind) {
      case 'Pod':
        return describePod(o as unknown as Pod, eventsFor(o), now);
      case 'Service': {
        const ep = store.get('Endpoints', o.metadata?.namespace, o.metadata!.name!) as unknown as Endpoints | undefined;
        return describeService(o as unknown as Service, endpointSlicesFromEndpoints(ep), eventsFor(o), now);
      }
      default:
        return '';
    }
  });
  ctx.io.out(texts.join('\n\n'));
  return 0;
}
