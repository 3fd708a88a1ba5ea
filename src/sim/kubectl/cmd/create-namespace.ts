/** `kubectl create namespace NAME` (create_namespace.go): API errors are printed unwrapped. */
import type { CmdGen, KubectlCtx } from '../context';
import type { KubeObject } from '../../api/types';
import { parseCreateFlags, runGenerator } from './create';

export function* createNamespace(args: string[], ctx: KubectlCtx): CmdGen {
  const parsed = parseCreateFlags(args, [], 'create namespace');
  return runGenerator(ctx, {
    command: 'create namespace',
    parsed,
    build: (name) =>
      ({ kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} }) as unknown as KubeObject,
  });
}
