/**
 * `kubectl completion bash|zsh|fish|powershell`: kubectl v1.32's own completion scripts, captured
 * by scripts/kubectl-reference/capture-help.mjs. The workstation's shell accepts
 * `source <(kubectl completion bash)`.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags } from '../flags';
import { COMPLETION_SCRIPTS } from '../help/completion-scripts.generated';

export function* completion(args: string[], ctx: KubectlCtx): CmdGen {
  const { positional } = parseFlags(args, [], 'completion');
  if (positional.length === 0) {
    ctx.io.err("error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n");
    return 1;
  }
  if (positional.length > 1) {
    ctx.io.err("error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples\n");
    return 1;
  }
  const script = COMPLETION_SCRIPTS[positional[0]];
  if (script === undefined) {
    ctx.io.err(`error: Unsupported shell type "${positional[0]}".\nSee 'kubectl completion -h' for help and examples\n`);
    return 1;
  }
  ctx.io.out(script);
  return 0;
}
