/**
 * `kubectl explain RESOURCE[.field…]` (`--recursive`, `--api-version`, `--output plaintext`):
 * kubectl v1.32 resolves the resource through discovery, reads the cluster's OpenAPI v3 document
 * for its group-version and renders the plaintext template (explain/render.ts). Pod Lab's document
 * is built from the generated schema (explain/openapi.ts) for the kinds its API server serves.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import { resolveResource } from '../resources';
import { KUBERNETES_VERSION } from '../../cluster';
import { coreV1Document } from '../explain/openapi';
import { ExplainRenderer } from '../explain/render';

const FLAGS: FlagSpec[] = [
  { name: 'recursive', type: 'bool', default: false },
  { name: 'api-version', type: 'string', default: '' },
  { name: 'output', type: 'string', default: 'plaintext' },
];

let renderer: ExplainRenderer | undefined;

export function* explain(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'explain');
  const io = ctx.io;
  if (positional.length === 0) {
    io.err('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    return 1;
  }
  if (positional.length > 1) {
    io.err('error: We accept only this format: explain RESOURCE\n');
    return 1;
  }
  const output = flags.output as string;
  if (output === 'plaintext-openapiv2') {
    io.err('error: --output=plaintext-openapiv2 (the OpenAPI v2 layout) is not available in Pod Lab; the default plaintext is\n');
    return 1;
  }
  if (output !== 'plaintext') {
    io.err(`error: unrecognized format: ${output}\n`);
    return 1;
  }
  const [typed, ...fieldPath] = positional[0].split('.');
  const info = resolveResource(typed);
  if (!info || !typed) {
    // kubectl explain prints the discovery error without the usual "error: " prefix.
    io.err(`the server doesn't have a resource type "${positional[0].split('.')[0]}"\n`);
    return 1;
  }
  const apiVersion = flags['api-version'] as string;
  if (apiVersion) {
    const slash = apiVersion.indexOf('/');
    const [group, version] = slash >= 0 ? [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)] : ['', apiVersion];
    if (group !== '' || version !== 'v1') {
      io.err(`error: couldn't find resource for "${group}/${version}, Resource=${info.plural}"\n`);
      return 1;
    }
  }
  renderer ??= new ExplainRenderer(coreV1Document(KUBERNETES_VERSION));
  const result = renderer.render({ group: '', version: 'v1', resource: info.plural }, fieldPath, flags.recursive as boolean);
  io.out(result.out);
  if (result.error) {
    io.err(result.error + '\n');
    return 1;
  }
  return 0;
}
