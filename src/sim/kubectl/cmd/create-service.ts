/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port[:target]`
 * (create_service.go): label and selector `app=NAME`, one port per --tcp named after it
 * (`80:8080` → `80-8080`), --node-port on every port, --clusterip (None = headless).
 */
import type { CmdGen, KubectlCtx } from '../context';
import type { FlagSpec } from '../flags';
import type { KubeObject } from '../../api/types';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../api/validation/names';
import { SourceError } from '../generate/data-sources';
import { parseCreateFlags, runGenerator } from './create';
import { sliceFlag } from './create-configmap';

const TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };

const SERVICE_USAGE = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function flagsFor(sub: string): FlagSpec[] {
  const f: FlagSpec[] = [{ name: 'tcp', type: 'strings' }];
  if (sub === 'clusterip') f.push({ name: 'clusterip', type: 'string' });
  if (sub === 'nodeport') f.push({ name: 'node-port', type: 'int', default: 0 });
  if (sub === 'externalname') f.push({ name: 'external-name', type: 'string' });
  return f;
}

/** strconv.ParseUint(s, 10, 16) as utilnet.ParsePort uses it (zero allowed). */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new SourceError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new SourceError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** parsePorts: `port[:targetPort]`, the target a number (1-65535) or an IANA port name. */
export function parseTcp(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1];
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    const errs = isValidPortNum(n);
    if (errs.length) throw new SourceError(errs.join(','));
    return { port, targetPort: n };
  }
  const errs = isValidPortName(t);
  if (errs.length) throw new SourceError(errs.join(','));
  return { port, targetPort: t };
}

export function* createService(args: string[], ctx: KubectlCtx): CmdGen {
  const words = args.filter((a) => !a.startsWith('-'));
  const sub = words[0];
  if (!sub) {
    ctx.io.err(SERVICE_USAGE);
    return 1;
  }
  const type = TYPES[sub];
  if (!type) {
    ctx.io.err(`error: unknown command "${words.join(' ')}"\nSee 'kubectl create service -h' for help and examples\n`);
    return 1;
  }
  const i = args.indexOf(sub);
  const command = `create service ${sub}`;
  const parsed = parseCreateFlags([...args.slice(0, i), ...args.slice(i + 1)], flagsFor(sub), command);
  const flags = parsed.flags;
  if (sub === 'externalname' && !parsed.set.has('external-name')) {
    ctx.io.err('error: required flag(s) "external-name" not set\n');
    return 1;
  }
  const tcp = sliceFlag(flags.tcp);
  const clusterIP = (flags.clusterip as string | undefined) ?? '';
  const externalName = (flags['external-name'] as string | undefined) ?? '';
  const nodePort = (flags['node-port'] as number | undefined) ?? 0;
  return runGenerator(ctx, {
    command,
    parsed,
    wrap: `failed to create ${type} service`,
    validate: () => {
      if (clusterIP === 'None' && type !== 'ClusterIP') return 'ClusterIP=None can only be used with ClusterIP service type';
      if (clusterIP !== 'None' && !tcp.length && type !== 'ExternalName') return 'at least one tcp port specifier must be provided';
      if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length) return `invalid service external name ${externalName}`;
      return undefined;
    },
    build: (name, namespace) => {
      const ports = tcp.map((spec) => {
        const { port, targetPort } = parseTcp(spec);
        return { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort, ...(nodePort ? { nodePort } : {}) };
      });
      const spec: Record<string, unknown> = {};
      if (ports.length) spec.ports = ports;
      spec.selector = { app: name };
      if (clusterIP) spec.clusterIP = clusterIP;
      spec.type = type;
      if (externalName) spec.externalName = externalName;
      return {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as undefined, labels: { app: name } },
        spec,
        status: { loadBalancer: {} },
      } as KubeObject;
    },
  });
}
