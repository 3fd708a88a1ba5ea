/**
 * kubectl's global flags that change where a command goes or what it logs (--kubeconfig,
 * --context, -v, --request-timeout). Every verb parses them (flags.ts GLOBAL_FLAGS); this module
 * applies them once, before the verb runs: --kubeconfig FILE is honoured (the verb sees FILE as
 * its only kubeconfig, as with KUBECONFIG=FILE), the others are refused where they would change
 * anything, because Pod Lab does not model them.
 */
import type { KubectlCtx } from './context';
import { kubeconfigPath, loadKubeconfig } from './kubeconfig';

const GLOBAL = /^--(kubeconfig|context|v|request-timeout)(?:=([\s\S]*))?$/;

/** The global flags on a command line (up to `--`), last value wins as in pflag. */
function scan(args: string[]): Map<string, string> {
  const found = new Map<string, string>();
  let verbSeen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const long = GLOBAL.exec(a);
    if (long) {
      const v = long[2] ?? args[i + 1];
      if (long[2] === undefined) i++;
      if (v !== undefined) found.set(long[1], v);
      if (long[1] === 'kubeconfig') found.set('kubeconfig-before-verb', String(!verbSeen));
      continue;
    }
    if (!a.startsWith('-')) verbSeen = true;
    // -v=6, -v6, -v 6 (pflag shorthand of an int flag)
    const short = /^-v(?:=?([\s\S]+))?$/.exec(a);
    if (short) {
      const v = short[1] ?? args[i + 1];
      if (short[1] === undefined) i++;
      if (v !== undefined) found.set('v', v);
    }
  }
  return found;
}

/**
 * The context the verb runs with (a new env when --kubeconfig names a file), or the `error: …`
 * text that ends the command.
 */
export function applyGlobalFlags(args: string[], verb: string, ctx: KubectlCtx): { ctx: KubectlCtx } | { error: string } {
  const found = scan(args);
  let out = ctx;
  const file = found.get('kubeconfig');
  if (file !== undefined && file !== '') {
    if (!ctx.files.exists(file)) {
      // Loading an explicit kubeconfig stats it first; config's writers would create it instead.
      if (verb === 'config') return { error: `error: kubectl config with --kubeconfig ${file} is not available in Pod Lab: the file does not exist yet; create it or use ~/.kube/config\n` };
      // Before the verb the root command fails on it (cobra's `Error:`), after it the verb does.
      return { error: `${found.get('kubeconfig-before-verb') === 'true' ? 'Error' : 'error'}: stat ${file}: no such file or directory\n` };
    }
    const env = new Map(ctx.env ?? []);
    env.set('KUBECONFIG', file);
    out = { ...ctx, env };
  }
  const context = found.get('context');
  if (context !== undefined && context !== '') {
    const cfg = loadKubeconfig(out);
    if (context !== cfg.currentContext) {
      return { error: `error: kubectl --context ${context} is not available in Pod Lab: commands use the current context (${cfg.currentContext || 'none'} in ${kubeconfigPath(out)}); switch with kubectl config use-context ${context}\n` };
    }
  }
  const v = found.get('v');
  if (v !== undefined && v !== '0') {
    if (!/^-?\d+$/.test(v)) return { error: `Error: invalid argument "${v}" for "-v, --v" flag: strconv.ParseInt: parsing "${v}": invalid syntax\nSee 'kubectl ${verb} --help' for usage.\n` };
    return { error: `error: kubectl -v=${v} is not available in Pod Lab: the client's debug log (requests, responses) is not modeled\n` };
  }
  // --request-timeout bounds one API request; Pod Lab's API server answers at once, so no value
  // can fire. Its format is still kubectl's: a Go duration or a whole number of seconds.
  const timeout = found.get('request-timeout');
  if (timeout !== undefined && !/^(\d+|(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+)$/.test(timeout)) {
    return { error: `error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n` };
  }
  return { ctx: out };
}
