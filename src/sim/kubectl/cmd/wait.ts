/**
 * `kubectl wait` (kubectl pkg/cmd/wait, v1.32): --for=delete, --for=condition=NAME[=VALUE]
 * (names and values compared case-insensitively), --for=jsonpath='{...}'[=VALUE]; resources as
 * TYPE/NAME, TYPE NAME..., or TYPE with -l/--all; one --timeout (default 30s, 0 = check once,
 * negative = a week) shared by all objects, which are waited for one after the other. Prints
 * `pod/web condition met` per object (`-o name`: `pod/web`). Waiting yields to virtual time, so
 * Ctrl+C or `timeout` interrupts it.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { FlagError, parseFlags, type FlagSpec } from '../flags';
import { resolveResource, type ResourceInfo } from '../resources';
import { contextNamespace } from '../kubeconfig';
import { parseSelector } from '../../api/selector';
import { notFound } from '../../api/errors';
import type { KubeObject } from '../../api/types';
import { renderError } from './common';
import { goDurationError, parseGoDuration } from '../duration-flag';
import { findResults, goSprint, JsonPathError } from '../jsonpath';
import { relaxedJsonPath } from '../sortby';
import { objectsNamedInFiles } from '../builder';
import { matchesFieldSelector } from '../field-selector';

const FLAGS: FlagSpec[] = [
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'string', default: '30s' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
];

const WEEK_MS = 168 * 3600_000;

/** What a check of one object says: met, not yet, or an error that ends the wait. */
type Check = { met: true } | { met: false; error?: string };
type Condition = { kind: 'delete' } | { kind: 'check'; check: (o: KubeObject) => Check };

class WaitError extends Error {}

export function* wait(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional } = parseFlags(args, FLAGS, 'wait');
  const io = ctx.io;
  const timeoutRaw = flags.timeout as string;
  let timeout = parseGoDuration(timeoutRaw);
  if (timeout === undefined) throw new FlagError(`Error: invalid argument "${timeoutRaw}" for "--timeout" flag: ${goDurationError(timeoutRaw)}\nSee 'kubectl wait --help' for usage.`);
  if (timeout < 0) timeout = WEEK_MS;
  const output = (flags.output as string | undefined) ?? '';
  if (output && output !== 'name') {
    io.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n`);
    return 1;
  }
  let condition: Condition;
  try {
    condition = conditionFor((flags.for as string | undefined) ?? '');
  } catch (e) {
    if (!(e instanceof WaitError || e instanceof JsonPathError)) throw e;
    io.err(`error: ${e.message}\n`);
    return 1;
  }
  const filenames = (flags.filename as string[] | undefined) ?? [];
  if (flags.local) {
    io.err('error: kubectl wait --local is not available in Pod Lab: wait asks the API server for the objects\n');
    return 1;
  }
  if (!positional.length && !filenames.length) {
    io.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  const cluster = ctx.cluster;
  const ns = (flags.namespace as string | undefined) ?? contextNamespace(ctx);
  const allNs = !!flags['all-namespaces'];
  // The builder's infos: [resource, namespace, name], in argument order.
  const infos: Array<{ res: ResourceInfo; ns?: string; name: string }> = [];
  const [first = '', ...names] = positional;
  const fieldSelector = flags['field-selector'] as string | undefined;
  if (filenames.length) {
    // -f FILE: the objects the manifests name, in file order (the builder's visitByPaths).
    if (positional.length) {
      io.err('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n');
      return 1;
    }
    const named = objectsNamedInFiles(ctx, filenames, ns, !!flags.recursive);
    if (named.fatal) {
      io.err(named.fatal + '\n');
      return 1;
    }
    infos.push(...named.refs);
  } else if (first.includes('/')) {
    for (const p of positional) {
      const [t, n] = p.split('/');
      const res = resolveResource(t);
      if (!res) return typeError(ctx, t);
      infos.push({ res, ns: res.namespaced ? ns : undefined, name: n });
    }
  } else {
    const types: ResourceInfo[] = [];
    for (const t of first.split(',')) {
      const res = resolveResource(t);
      if (!res) return typeError(ctx, t);
      types.push(res);
    }
    const selector = flags.selector as string | undefined;
    if (names.length) {
      for (const res of types) for (const n of names) infos.push({ res, ns: res.namespaced ? ns : undefined, name: n });
    } else if (selector !== undefined || flags.all) {
      let sel;
      try {
        sel = selector ? parseSelector(selector) : undefined;
      } catch (e) {
        io.err(`error: ${(e as Error).message}\n`);
        return 1;
      }
      for (const res of types)
        for (const o of cluster.store.list(res.kind, res.namespaced && !allNs ? ns : undefined, sel).filter((x) => !fieldSelector || matchesFieldSelector(x, fieldSelector))) infos.push({ res, ns: o.metadata?.namespace, name: o.metadata!.name! });
      if (!infos.length) {
        if (condition.kind === 'delete') return 0;
        io.err('error: no matching resources found\n');
        return 1;
      }
    } else {
      io.err('error: resource(s) were provided, but no name was specified\n');
      return 1;
    }
  }

  // Latest(): the builder fetched every named object before visiting; for --for=delete the ones
  // already gone are dropped silently (NotFound ignored), the others count even if gone by now.
  const existedAtStart = new Set(infos.filter((i) => cluster.store.peek(i.res.kind, i.ns, i.name)).map((i) => i));
  const deadline = cluster.now() + timeout;
  const print = (res: ResourceInfo, name: string) => io.out(output === 'name' ? `${res.singular}/${name}\n` : `${res.singular}/${name} condition met\n`);
  for (const info of infos) {
    const get = () => cluster.store.peek(info.res.kind, info.ns, info.name);
    const where = `${info.res.plural}/${info.name}`;
    const initial = get();
    if (condition.kind === 'delete') {
      if (!existedAtStart.has(info)) continue;
      if (!initial) {
        print(info.res, info.name);
        continue;
      }
      const uid = initial.metadata?.uid;
      const gone = () => get()?.metadata?.uid !== uid;
      if (timeout === 0) {
        io.err(`error: condition not met for ${where}\n`);
        return 1;
      }
      if (!gone()) yield { op: 'until', done: gone, deadline };
      if (!gone()) {
        io.err(`error: timed out waiting for the condition on ${where}\n`);
        return 1;
      }
      print(info.res, info.name);
      continue;
    }
    if (!initial) {
      io.err(renderError(notFound(info.res.plural, info.name)) + '\n');
      return 1;
    }
    let last: Check = condition.check(initial);
    if (!last.met && !last.error) {
      if (timeout === 0) {
        io.err(`error: condition not met for ${where}\n`);
        return 1;
      }
      const settled = () => {
        const o = get();
        if (!o) return true;
        last = condition.check(o);
        return last.met || !!last.error;
      };
      if (!settled()) yield { op: 'until', done: settled, deadline };
      if (!get()) {
        io.err(renderError(notFound(info.res.plural, info.name)) + '\n');
        return 1;
      }
      settled();
      if (!last.met && !last.error) {
        io.err(`error: timed out waiting for the condition on ${where}\n`);
        return 1;
      }
    }
    if (!last.met) {
      io.err(`error: ${last.error}\n`);
      return 1;
    }
    print(info.res, info.name);
  }
  return 0;
}

/** conditionFuncFor: the parsed --for, or kubectl's error for it. */
function conditionFor(spec: string): Condition {
  if (spec.toLowerCase() === 'delete') return { kind: 'delete' };
  if (spec.startsWith('condition=')) {
    let name = spec.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return {
      kind: 'check',
      check: (o) => {
        const conditions = (o as { status?: { conditions?: Array<{ type?: string; status?: string; observedGeneration?: number }> } }).status?.conditions ?? [];
        const c = conditions.find((x) => typeof x.type === 'string' && foldEq(x.type, name) && typeof x.status === 'string');
        if (!c) return { met: false };
        const generation = o.metadata?.generation;
        if (generation !== undefined && c.observedGeneration !== undefined && c.observedGeneration < generation) return { met: false };
        return { met: foldEq(c.status!, value) };
      },
    };
  }
  if (spec.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(spec.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) throw new WaitError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    let expr: string;
    try {
      expr = relaxedJsonPath(parts[0]);
    } catch (e) {
      throw new WaitError((e as Error).message);
    }
    let value = '';
    if (parts.length === 2) {
      value = parts[1].replace(/^['"]+|['"]+$/g, '');
      if (!value) throw new WaitError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    if (!expr) throw new WaitError('jsonpath expression cannot be empty');
    findResults(expr, {}); // parse errors now, as newJSONPathParser does
    return {
      kind: 'check',
      check: (o) => {
        let results: unknown[][];
        try {
          results = findResults(expr, o);
        } catch (e) {
          if (e instanceof JsonPathError) return { met: false, error: e.message };
          throw e;
        }
        if (!results.length || !results[0].length) return { met: false };
        if (results[0].length > 1) return { met: false, error: 'given jsonpath expression matches more than one value' };
        if (!value) return { met: true };
        const v = results[0][0];
        if (v !== null && typeof v === 'object') return { met: false, error: 'jsonpath leads to a nested object or list which is not supported' };
        return { met: goSprint(v).trim() === value.trim() };
      },
    };
  }
  throw new WaitError(`unrecognized condition: ${JSON.stringify(spec)}`);
}

/** splitJSONPathInput: split on single '=', keeping '==' inside the expression. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

/** strings.EqualFold (Unicode simple case folding; lower-casing both is close enough here). */
function foldEq(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function typeError(ctx: KubectlCtx, t: string): number {
  ctx.io.err(`error: the server doesn't have a resource type "${t}"\n`);
  return 1;
}
