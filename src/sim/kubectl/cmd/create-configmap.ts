/**
 * `kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key=value]
 * [--from-env-file=source]` (create_configmap.go): keys from files first, then literals, then env
 * files; every key is checked as a config key and must be new.
 */
import type { CmdGen, KubectlCtx } from '../context';
import type { FlagSpec } from '../flags';
import type { KubeObject } from '../../api/types';
import { configKeyErrors, parseLiteralSource, readEnvFile, readFileSources, SourceError, type KeyValue } from '../generate/data-sources';
import { parseCreateFlags, runGenerator } from './create';

const FLAGS: FlagSpec[] = [
  { name: 'from-file', type: 'strings' },
  { name: 'from-literal', type: 'strings' },
  { name: 'from-env-file', type: 'strings' },
  { name: 'append-hash', type: 'bool' },
];

/** pflag StringSlice values are comma-separated lists; StringArray (--from-literal) values are not. */
export function sliceFlag(v: unknown): string[] {
  return ((v as string[] | undefined) ?? []).flatMap((s) => s.split(','));
}

export function* createConfigMap(args: string[], ctx: KubectlCtx): CmdGen {
  const parsed = parseCreateFlags(args, FLAGS, 'create configmap');
  const files = sliceFlag(parsed.flags['from-file']);
  const literals = (parsed.flags['from-literal'] as string[] | undefined) ?? [];
  const envFiles = sliceFlag(parsed.flags['from-env-file']);
  return runGenerator(ctx, {
    command: 'create configmap',
    parsed,
    wrap: 'failed to create configmap',
    validate: () => {
      if (envFiles.length && (files.length || literals.length)) return 'from-env-file cannot be combined with from-file or from-literal';
      if (parsed.flags['append-hash']) return '--append-hash is not available in Pod Lab';
      return undefined;
    },
    build: (name, namespace) => {
      const data: Record<string, string> = {};
      const add = ({ key, value }: KeyValue) => {
        const errs = configKeyErrors(key);
        if (errs.length) throw new SourceError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
        if (key in data) throw new SourceError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
        data[key] = value;
      };
      readFileSources(ctx, files).forEach(add);
      literals.map(parseLiteralSource).forEach(add);
      for (const f of envFiles) readEnvFile(ctx, f, 'config').forEach(add);
      const cm: KubeObject = {
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as undefined },
      };
      if (Object.keys(data).length) (cm as Record<string, unknown>).data = data;
      return cm;
    },
  });
}
