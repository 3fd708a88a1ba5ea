/**
 * `kubectl port-forward (POD | TYPE/NAME) [LOCAL_PORT:]REMOTE_PORT [...]`: the workstation's
 * localhost ports lead into the pod's network namespace until the command is interrupted —
 * usually run in the background (`&`) so that `curl localhost:PORT` can follow.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { FlagError, parseFlags, type FlagSpec } from '../flags';
import { goDurationError, parseGoDuration } from '../duration-flag';
import type { Pod, Service } from '../../api/types';
import { matchesMap } from '../../api/selector';
import { findPod } from './common';

const FLAGS: FlagSpec[] = [
  { name: 'address', type: 'strings' },
  { name: 'pod-running-timeout', type: 'string' },
];

export function* portForward(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'port-forward');
  const io = ctx.io;
  const rawTimeout = (flags['pod-running-timeout'] as string | undefined) ?? '1m0s';
  if (parseGoDuration(rawTimeout) === undefined) throw new FlagError(`Error: invalid argument "${rawTimeout}" for "--pod-running-timeout" flag: ${goDurationError(rawTimeout)}\nSee 'kubectl port-forward --help' for usage.`);
  // --address: where the local listeners bind (localhost = 127.0.0.1 and ::1). The workstation has
  // one network, so any address reaches the forward; the listeners kubectl reports follow the flag.
  const addresses = ((flags.address as string[] | undefined) ?? ['localhost']).flatMap((a) => a.split(','));
  const bad = addresses.find((a) => a !== 'localhost' && !/^(\d{1,3})(\.\d{1,3}){3}$/.test(a) && a !== '::1' && a !== '::');
  if (bad) {
    io.err(`error: kubectl port-forward --address ${bad} is not available in Pod Lab: the workstation listens on localhost, 127.0.0.1, 0.0.0.0, ::1 or ::\n`);
    return 1;
  }
  const listeners = addresses.flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '[::1]'] : [a.includes(':') ? `[${a}]` : a]));
  const [target, ...specs] = positional;
  if (!target || !specs.length) {
    io.err("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    return 1;
  }
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const store = ctx.cluster.store;
  let pod: Pod | undefined;
  let [type, name] = target.includes('/') ? target.split('/') : ['pod', target];
  if (['svc', 'service', 'services'].includes(type)) {
    const svc = store.get('Service', ns, name) as unknown as Service | undefined;
    if (!svc) {
      io.err(`Error from server (NotFound): services "${name}" not found\n`);
      return 1;
    }
    // kubectl picks one running pod behind the Service.
    pod = (store.list('Pod', ns) as unknown as Pod[]).find((p) => p.status?.phase === 'Running' && matchesMap(p.metadata?.labels, svc.spec?.selector));
    if (!pod) {
      io.err(`error: no running pod found for service ${name}\n`);
      return 1;
    }
    name = pod.metadata!.name!;
  } else {
    pod = findPod(ctx, ns, name);
    if (!pod) return 1;
  }
  if (pod.status?.phase !== 'Running') {
    io.err(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase}\n`);
    return 1;
  }
  const network = ctx.cluster.network;
  const pairs: Array<[number, number]> = [];
  for (const spec of specs) {
    const m = spec.match(/^(\d*):?(\d+)$/);
    if (!m) {
      io.err(`error: Error parsing local port '${spec}': strconv.ParseUint: parsing "${spec}": invalid syntax\n`);
      return 1;
    }
    const local = m[1] ? Number(m[1]) : Number(m[2]);
    if (network.forwards.has(local)) {
      io.err(`Unable to listen on port ${local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${local}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${local} ${m[2]}}]\n`);
      return 1;
    }
    pairs.push([local, Number(m[2])]);
  }
  const podIP = pod.status?.podIP ?? '';
  for (const [local, remote] of pairs) {
    io.out(listeners.map((l) => `Forwarding from ${l}:${local} -> ${remote}\n`).join(''));
    network.forwards.set(local, { podIP, port: remote, onConnection: () => io.out(`Handling connection for ${local}\n`) });
  }
  try {
    yield { op: 'until', done: () => !store.peek('Pod', ns, name) };
    io.err(`E0115 lost connection to pod\n`);
    return 1;
  } finally {
    for (const [local] of pairs) network.forwards.delete(local);
  }
}
