/**
 * `kubectl config`: view, current-context, get-contexts, get-clusters, get-users, use-context
 * (alias `use`), set-context and rename-context over the workstation's kubeconfig
 * (../kubeconfig.ts). Messages are kubectl v1.32's. `kubectl config` alone and unknown subcommands
 * are answered by help/help.ts.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import { jsonPath, JsonPathError } from '../jsonpath';
import { newTableTabWriter } from '../printers/tabwriter';
import { helpText } from '../help/help';
import { configObject, kubeconfigJson, kubeconfigYaml, loadKubeconfig, minify, saveKubeconfig, type Kubeconfig } from '../kubeconfig';

type Sub = (args: string[], ctx: KubectlCtx) => number;

const SUBCOMMANDS: Record<string, Sub> = {
  view,
  'current-context': currentContext,
  'get-contexts': getContexts,
  'get-clusters': (args, ctx) => listNames(args, ctx, 'get-clusters', (c) => c.clusters.map((x) => x.name)),
  'get-users': (args, ctx) => listNames(args, ctx, 'get-users', (c) => c.users.map((x) => x.name)),
  'use-context': useContext,
  use: useContext,
  'set-context': setContext,
  'rename-context': renameContext,
};

export function* config(args: string[], ctx: KubectlCtx): CmdGen {
  // The subcommand is the first word that is not a flag or the value of a global flag before it
  // (`kubectl --kubeconfig k.yaml config current-context`).
  const takesValue = new Set(['--kubeconfig', '--context', '--namespace', '-n', '--request-timeout', '--v', '-v']);
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) i += takesValue.has(args[i]) ? 2 : 1;
  const name = args[i];
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    ctx.io.err(`error: "kubectl config ${name}" is not available in Pod Lab yet\n`);
    return 1;
  }
  return sub([...args.slice(0, i), ...args.slice(i + 1)], ctx);
}

const fail = (ctx: KubectlCtx, msg: string, code = 1) => {
  ctx.io.err(msg + '\n');
  return code;
};

function view(args: string[], ctx: KubectlCtx): number {
  const { flags, positional } = parseFlags(
    args,
    [
      { name: 'minify', type: 'bool', default: false },
      { name: 'raw', type: 'bool', default: false },
      { name: 'flatten', type: 'bool', default: false },
      { name: 'merge', type: 'string', default: 'true' },
      { name: 'output', short: 'o', type: 'string', default: 'yaml' },
      { name: 'template', type: 'string' },
      { name: 'allow-missing-template-keys', type: 'bool', default: true },
      { name: 'show-managed-fields', type: 'bool', default: false },
    ],
    'config view',
  );
  if (positional.length) return fail(ctx, `error: unexpected arguments: [${positional.join(' ')}]\nSee 'kubectl config view -h' for help and examples`);
  // --merge is a tri-state bool; false shows one file as written, which needs --kubeconfig. The
  // workstation has one kubeconfig file, so merged and unmerged views are the same.
  const merge = String(flags.merge);
  if (!['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(merge)) {
    return fail(ctx, `Error: invalid argument "${merge}" for "--merge" flag: strconv.ParseBool: parsing "${merge}": invalid syntax\nSee 'kubectl config view --help' for usage.`);
  }
  if (/^(0|f|false)$/i.test(merge) && !flags.kubeconfig) return fail(ctx, 'Error: if merge==false a precise file must be specified');
  if (flags['allow-missing-template-keys'] === false) return fail(ctx, 'error: kubectl config view --allow-missing-template-keys=false is not available in Pod Lab: jsonpath here always allows missing keys');
  let cfg = loadKubeconfig(ctx);
  if (flags.minify) {
    if (!cfg.currentContext) return fail(ctx, 'error: current-context must exist in order to minify');
    cfg = minify(cfg);
  }
  // --flatten inlines certificate files as data and keeps it, like --raw.
  const redacted = !flags.raw && !flags.flatten;
  const output = flags.output as string;
  if (output === 'yaml' || output === '') ctx.io.out(kubeconfigYaml(cfg, redacted));
  else if (output === 'json') ctx.io.out(kubeconfigJson(cfg, redacted));
  else if (output === 'name') ctx.io.out('config/<unknown>\n');
  else if (output.startsWith('jsonpath=') || output === 'jsonpath') {
    const template = output === 'jsonpath' ? ((flags.template as string | undefined) ?? '') : output.slice('jsonpath='.length);
    try {
      ctx.io.out(jsonPath(template, JSON.parse(JSON.stringify(configObject(cfg, !redacted)))));
    } catch (e) {
      if (e instanceof JsonPathError) return fail(ctx, e.message);
      throw e;
    }
  } else {
    return fail(ctx, `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,yaml`);
  }
  return 0;
}

function currentContext(args: string[], ctx: KubectlCtx): number {
  parseFlags(args, [], 'config current-context');
  const cfg = loadKubeconfig(ctx);
  if (!cfg.currentContext) return fail(ctx, 'error: current-context is not set');
  ctx.io.out(cfg.currentContext + '\n');
  return 0;
}

function getContexts(args: string[], ctx: KubectlCtx): number {
  const { flags, positional } = parseFlags(
    args,
    [
      { name: 'output', short: 'o', type: 'string', default: '' },
      { name: 'no-headers', type: 'bool', default: false },
    ],
    'config get-contexts',
  );
  const output = flags.output as string;
  if (output !== '' && output !== 'name') return fail(ctx, `error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
  const cfg = loadKubeconfig(ctx);
  const names = positional.length ? positional : cfg.contexts.map((c) => c.name).sort();
  const missing: string[] = [];
  if (output === 'name') {
    for (const n of names) {
      if (cfg.contexts.some((c) => c.name === n)) ctx.io.out(n + '\n');
      else missing.push(n);
    }
  } else {
    const w = newTableTabWriter();
    if (!flags['no-headers']) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    for (const n of names) {
      const c = cfg.contexts.find((x) => x.name === n);
      if (!c) {
        missing.push(n);
        continue;
      }
      w.write(`${n === cfg.currentContext ? '*' : ''}\t${n}\t${c.context.cluster ?? ''}\t${c.context.user ?? ''}\t${c.context.namespace ?? ''}\n`);
    }
    w.flush();
    ctx.io.out(w.takeOutput());
  }
  if (missing.length) return fail(ctx, missing.map((n) => `error: context ${n} not found`).join('\n'));
  return 0;
}

function listNames(args: string[], ctx: KubectlCtx, cmd: string, pick: (c: Kubeconfig) => string[]): number {
  parseFlags(args, [], `config ${cmd}`);
  ctx.io.out(['NAME', ...pick(loadKubeconfig(ctx))].join('\n') + '\n');
  return 0;
}

function useContext(args: string[], ctx: KubectlCtx): number {
  const { positional } = parseFlags(args, [], 'config use-context');
  if (positional.length !== 1) {
    ctx.io.out(helpText('config use-context'));
    return fail(ctx, `error: Unexpected args: [${positional.join(' ')}]`);
  }
  const cfg = loadKubeconfig(ctx);
  const [name] = positional;
  if (!cfg.contexts.some((c) => c.name === name)) return fail(ctx, `error: no context exists with the name: "${name}"`);
  cfg.currentContext = name;
  saveKubeconfig(ctx, cfg);
  ctx.io.out(`Switched to context "${name}".\n`);
  return 0;
}

const SET_CONTEXT_FLAGS: FlagSpec[] = [
  { name: 'current', type: 'bool', default: false },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
];

function setContext(args: string[], ctx: KubectlCtx): number {
  const { flags, positional, set } = parseFlags(args, SET_CONTEXT_FLAGS, 'config set-context');
  const cfg = loadKubeconfig(ctx);
  if (positional.length > 1) {
    ctx.io.out(helpText('config set-context'));
    return fail(ctx, `error: Unexpected args: [${positional.join(' ')}]`);
  }
  let name = positional[0];
  if (flags.current) {
    if (name) return fail(ctx, 'error: you cannot specify both a context name and --current');
    if (!cfg.currentContext) return fail(ctx, 'error: no current context is set');
    name = cfg.currentContext;
  }
  if (!name) return fail(ctx, 'error: you must specify a non-empty context name or --current');
  let entry = cfg.contexts.find((c) => c.name === name);
  const created = !entry;
  if (!entry) {
    entry = { name, context: { cluster: '', user: '' } };
    cfg.contexts.push(entry);
  }
  if (set.has('cluster')) entry.context.cluster = flags.cluster as string;
  if (set.has('user')) entry.context.user = flags.user as string;
  if (set.has('namespace')) {
    const ns = flags.namespace as string;
    if (ns) entry.context.namespace = ns;
    else delete entry.context.namespace;
  }
  saveKubeconfig(ctx, cfg);
  ctx.io.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
  return 0;
}

function renameContext(args: string[], ctx: KubectlCtx): number {
  const { positional } = parseFlags(args, [], 'config rename-context');
  if (positional.length !== 2) {
    ctx.io.out(helpText('config rename-context'));
    return fail(ctx, `error: Unexpected args: [${positional.join(' ')}]`);
  }
  const [from, to] = positional;
  const cfg = loadKubeconfig(ctx);
  const entry = cfg.contexts.find((c) => c.name === from);
  if (!entry) return fail(ctx, `error: cannot rename the context "${from}", it's not in ${ctx.env?.get('KUBECONFIG') ?? '/home/student/.kube/config'}`);
  if (cfg.contexts.some((c) => c.name === to)) return fail(ctx, `error: cannot rename the context "${from}", the context "${to}" already exists in ${ctx.env?.get('KUBECONFIG') ?? '/home/student/.kube/config'}`);
  entry.name = to;
  if (cfg.currentContext === from) cfg.currentContext = to;
  saveKubeconfig(ctx, cfg);
  ctx.io.out(`Context "${from}" renamed to "${to}".\n`);
  return 0;
}
