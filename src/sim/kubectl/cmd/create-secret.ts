/**
 * `kubectl create secret generic NAME [--type=string] [--from-file=[key=]source]
 * [--from-literal=key=value] [--from-env-file=source]` (create_secret.go): literals first, then
 * files, then env files; values are stored base64-encoded in `data`. `create secret` alone prints
 * its usage (DefaultSubCommandRun); tls and docker-registry are not simulated.
 */
import type { CmdGen, KubectlCtx } from '../context';
import type { FlagSpec } from '../flags';
import type { KubeObject } from '../../api/types';
import { base64Utf8 } from '../../api/defaults';
import { configKeyErrors, parseLiteralSource, readEnvFile, readFileSources, SourceError, type KeyValue } from '../generate/data-sources';
import { parseCreateFlags, runGenerator } from './create';
import { sliceFlag } from './create-configmap';

const FLAGS: FlagSpec[] = [
  { name: 'from-file', type: 'strings' },
  { name: 'from-literal', type: 'strings' },
  { name: 'from-env-file', type: 'strings' },
  { name: 'type', type: 'string' },
  { name: 'append-hash', type: 'bool' },
];

const SECRET_USAGE = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export function* createSecret(args: string[], ctx: KubectlCtx): CmdGen {
  const words = args.filter((a) => !a.startsWith('-'));
  const kind = words[0];
  if (!kind) {
    ctx.io.err(SECRET_USAGE);
    return 1;
  }
  if (kind === 'tls' || kind === 'docker-registry') {
    ctx.io.err(`error: "kubectl create secret ${kind}" is not available in Pod Lab; use kubectl create secret generic\n`);
    return 1;
  }
  if (kind !== 'generic') {
    ctx.io.err(`error: unknown command "${words.join(' ')}"\nSee 'kubectl create secret -h' for help and examples\n`);
    return 1;
  }
  const i = args.indexOf('generic');
  const parsed = parseCreateFlags([...args.slice(0, i), ...args.slice(i + 1)], FLAGS, 'create secret generic');
  const files = sliceFlag(parsed.flags['from-file']);
  const literals = (parsed.flags['from-literal'] as string[] | undefined) ?? [];
  const envFiles = sliceFlag(parsed.flags['from-env-file']);
  return runGenerator(ctx, {
    command: 'create secret generic',
    parsed,
    wrap: 'failed to create secret',
    validate: () => {
      if (envFiles.length && (files.length || literals.length)) return 'from-env-file cannot be combined with from-file or from-literal';
      if (parsed.flags['append-hash']) return '--append-hash is not available in Pod Lab';
      return undefined;
    },
    build: (name, namespace) => {
      const data: Record<string, string> = {};
      const add = ({ key, value }: KeyValue) => {
        const errs = configKeyErrors(key);
        if (errs.length) throw new SourceError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
        if (key in data) throw new SourceError(`cannot add key ${key}, another key by that name already exists`);
        data[key] = base64Utf8(value);
      };
      literals.map(parseLiteralSource).forEach(add);
      readFileSources(ctx, files).forEach(add);
      for (const f of envFiles) readEnvFile(ctx, f, 'secret').forEach(add);
      const secret: Record<string, unknown> = {
        kind: 'Secret',
        apiVersion: 'v1',
        metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null },
      };
      if (Object.keys(data).length) secret.data = data;
      const type = parsed.flags.type as string | undefined;
      if (type) secret.type = type;
      return secret as KubeObject;
    },
  });
}
