/**
 * `kubectl version` (`--client`, `-o yaml|json`): the client's build, its embedded Kustomize and
 * the API server's /version. Both sides are v1.32.4, the release kubeadm installed on node01
 * (build facts of the upstream v1.32.4 release).
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import { toYAML } from '../printers/yaml';
import { KUBERNETES_VERSION } from '../../cluster';

const FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
];

/** version.Info in its Go field order (the order `-o json` prints). */
export function versionInfo(): Record<string, string> {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
  return {
    major,
    minor,
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T16:02:27Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export const KUSTOMIZE_VERSION = 'v5.5.0';

export function* version(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'version');
  const io = ctx.io;
  const output = flags.output as string;
  if (output !== '' && output !== 'yaml' && output !== 'json') {
    io.err("error: --output must be 'yaml' or 'json'\n");
    return 1;
  }
  const client = !!flags.client;
  // kubectl only complains about arguments on the way to the server (`--client` ignores them).
  if (positional.length && !client) {
    io.err(`error: extra arguments: [${positional.join(' ')}]\n`);
    return 1;
  }
  const doc: Record<string, unknown> = { clientVersion: versionInfo(), kustomizeVersion: KUSTOMIZE_VERSION };
  if (!client) doc.serverVersion = versionInfo();
  if (output === 'json') io.out(JSON.stringify(doc, null, 2) + '\n');
  else if (output === 'yaml') io.out(toYAML(doc) + '\n');
  else {
    let text = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!client) text += `Server Version: ${KUBERNETES_VERSION}\n`;
    io.out(text);
  }
  return 0;
}
