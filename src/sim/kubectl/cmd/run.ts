/**
 * `kubectl run NAME --image=IMAGE [flags] [-- ARGS]` (FIDELITY §19): always a Pod, built as
 * kubectl's BasicPod generator builds it, then created through the API server.
 */
import type { CmdGen, KubectlCtx } from '../context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from '../kubeconfig';
import { parseFlags, type FlagSpec } from '../flags';
import { parseImageReference } from '../../api/image-reference';
import type { KubeObject } from '../../api/types';
import { toJson, toYaml } from '../output';
import { renderError } from './common';
import { goDurationError, parseGoDuration } from '../duration-flag';
import { runAttached } from './run-attach';
import { exposedService } from './run-expose';

const FLAGS: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'env', type: 'strings' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'command', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'annotations', type: 'strings' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'expose', type: 'bool' },
  { name: 'privileged', type: 'bool' },
  { name: 'hostport', type: 'int', default: -1 },
  { name: 'overrides', type: 'string' },
  { name: 'leave-stdin-open', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
];

const SEE = "See 'kubectl run -h' for help and examples";

export function* run(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional, afterDash, set } = parseFlags(args, FLAGS, 'run');
  const io = ctx.io;
  const fail = (msg: string, see = false) => {
    io.err(`error: ${msg}\n${see ? SEE + '\n' : ''}`);
    return 1;
  };
  const image = flags.image as string | undefined;
  if (!image) return fail('required flag(s) "image" not set');
  if (set.has('overrides')) return fail('kubectl run --overrides is not available in Pod Lab: write the pod as a manifest and kubectl apply -f it (kubectl run --dry-run=client -o yaml prints a start)');
  // RunOptions.Run's checks, in kubectl v1.32's order.
  const name = positional[0];
  if (!name) return fail('NAME is required for run', true);
  const extra = [...positional.slice(1), ...(afterDash ?? [])];
  const rawTimeout = flags['pod-running-timeout'] as string;
  const timeoutMs = parseGoDuration(rawTimeout);
  if (timeoutMs === undefined) {
    io.err(`Error: invalid argument "${rawTimeout}" for "--pod-running-timeout" flag: ${goDurationError(rawTimeout)}\nSee 'kubectl run --help' for usage.\n`);
    return 1;
  }
  if (timeoutMs <= 0) return fail('--pod-running-timeout must be higher than zero', true);
  if (!parseImageReference(image)) return fail(`Invalid image name "${image}": invalid reference format`);
  if (flags.tty && !flags.stdin) return fail('-i/--stdin is required for containers with -t/--tty=true', true);
  if (flags.expose && !flags.port) return fail('--port must be set when exposing a service', true);
  const restart = (flags.restart as string | undefined) ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(`invalid restart policy: ${restart}`, true);
  // -i attaches unless --attach is given explicitly.
  const attach = set.has('attach') ? !!flags.attach : !!flags.stdin;
  if (flags.rm && !attach) return fail('--rm should only be used for attached containers', true);
  const dryRun = flags['dry-run'] as string | undefined;
  if (dryRun && dryRun !== 'none' && attach) return fail("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", true);
  const pull = flags['image-pull-policy'] as string | undefined;
  if (pull !== undefined && !['Always', 'IfNotPresent', 'Never', ''].includes(pull)) return fail(`invalid image pull policy: ${pull}`, true);
  if ((flags.hostport as number) >= 0 && !flags.port) return fail('--hostport requires --port to be specified');
  const env: Array<{ name: string; value: string }> = [];
  for (const e of (flags.env as string[] | undefined) ?? []) {
    const i = e.indexOf('=');
    if (i <= 0) return fail(`invalid env: ${e}`);
    env.push({ name: e.slice(0, i), value: e.slice(i + 1) });
  }
  const labels: Record<string, string> = {};
  if (flags.labels) {
    for (const kv of (flags.labels as string).split(',')) {
      const [k, v] = kv.split('=');
      if (!k || v === undefined) return fail(`invalid label spec: ${kv}`);
      labels[k] = v;
    }
  } else labels.run = name;
  const annotations: Record<string, string> = {};
  for (const a of (flags.annotations as string[] | undefined) ?? []) {
    const i = a.indexOf('=');
    if (i > 0) annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  // Field order is kubectl's generator order (the YAML printer sorts anyway).
  const container: Record<string, unknown> = {};
  if (extra.length) container[flags.command ? 'command' : 'args'] = extra;
  if (env.length) container.env = env;
  container.image = image;
  if (pull) container.imagePullPolicy = pull;
  container.name = name;
  if (flags.port) {
    const port: Record<string, number> = { containerPort: Number(flags.port) };
    if ((flags.hostport as number) >= 0) port.hostPort = flags.hostport as number;
    container.ports = [port];
  }
  container.resources = {};
  // BasicPod: stdinOnce unless --leave-stdin-open.
  if (flags.stdin) container.stdin = true;
  if (flags.stdin && !flags['leave-stdin-open']) container.stdinOnce = true;
  if (flags.tty) container.tty = true;
  if (flags.privileged) container.securityContext = { privileged: true };
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(Object.keys(annotations).length ? { annotations } : {}), creationTimestamp: null as unknown as undefined, labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  const out = flags.output as string | undefined;
  const service = flags.expose ? exposedService(name, flags.port as string, flags.labels ? labels : undefined) : undefined;
  // kubectl prints the Service (and, in YAML, a `---` of its own) before the pod; the YAML
  // printer then separates the pod with another `---`.
  const printService = (obj: KubeObject, suffix: string) => {
    if (out === 'yaml') io.out(toYaml(obj) + '---\n');
    else if (out === 'json') io.out(toJson(obj));
    else io.out(`service/${name} created${suffix}\n`);
  };
  const yamlSep = service && out === 'yaml' ? '---\n' : '';
  if (dryRun === 'client') {
    if (service) printService(service, ' (dry run)');
    if (out === 'yaml') io.out(yamlSep + toYaml(pod));
    else if (out === 'json') io.out(toJson(pod));
    else io.out(`pod/${name} created (dry run)\n`);
    return 0;
  }
  const { creationTimestamp: _c, ...meta } = pod.metadata!;
  const namespace = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  try {
    const created = ctx.cluster.api.create({ ...pod, metadata: { ...meta, namespace }, status: undefined } as KubeObject, { dryRun: dryRun === 'server' });
    // The Service's error does not stop the run: kubectl reports it at the end.
    let serviceError: string | undefined;
    let exposed = false;
    if (service) {
      const { creationTimestamp: _s, ...smeta } = service.metadata!;
      try {
        const svc = ctx.cluster.api.create({ ...service, metadata: { ...smeta, namespace }, status: undefined } as KubeObject, { dryRun: dryRun === 'server' });
        printService(svc, dryRun === 'server' ? ' (server dry run)' : '');
        exposed = true;
      } catch (e) {
        serviceError = renderError(e) + '\n';
      }
    }
    // Attached: nothing is printed about the pod's creation; the session (or the pod's logs) follows.
    if (attach) {
      const opts = { name, namespace, stdin: !!flags.stdin, tty: !!flags.tty, quiet: !!flags.quiet, rm: !!flags.rm, restartPolicy: restart, leaveStdinOpen: !!flags['leave-stdin-open'], timeoutMs, exposed };
      return yield* runAttached(ctx, opts);
    }
    if (out === 'yaml') io.out(yamlSep + toYaml(created));
    else if (out === 'json') io.out(toJson(created));
    else io.out(`pod/${name} created${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    if (serviceError) {
      io.err(serviceError);
      return 1;
    }
  } catch (e) {
    io.err(renderError(e) + '\n');
    return 1;
  }
  return 0;
}
