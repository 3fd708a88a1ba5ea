/**
 * Which objects a mutating verb works on, chosen as cli-runtime's resource.Builder chooses them
 * for label, annotate, patch, set and edit: `TYPE NAME…`, `TYPE/NAME…`, `TYPE[,TYPE] -l SELECTOR`,
 * `TYPE --all`, `-A`, or `-f FILE` (the objects the file names, fetched fresh from the server).
 * Errors that stop the command (a bad argument form, an unknown type) come back as `fatal`;
 * per-object errors (NotFound) are collected in order, because kubectl continues past them and
 * reports them at the end (ContinueOnError).
 */
import type { KubectlCtx } from './context';
// The current kubeconfig context's namespace stands in for -n (kubectl config set-context --current --namespace=X).
import { contextNamespace } from './kubeconfig';
import type { KubeObject } from '../api/types';
import { notFound } from '../api/errors';
import { parseSelector, type Requirement } from '../api/selector';
import { RESOURCE_OF_KIND } from '../api/store';
import { resolveResource, resourceForKind, unknownResourceError, type ResourceInfo } from './resources';
import { readSources } from './sources';

export interface BuilderRequest {
  /** Positional resource arguments (`pods web`, `pod/web`). */
  args: string[];
  namespace?: string;
  selector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  filenames?: string[];
  /** -R: directories given with -f are read with their subdirectories. */
  recursive?: boolean;
}

export interface Selected {
  res: ResourceInfo;
  obj: KubeObject;
}

export interface BuilderResult {
  /** A message that ends the command before anything is visited (already `error: …`). */
  fatal?: string;
  items: Selected[];
  /** Per-object errors (StatusError NotFound, or strings), reported after the items were visited. */
  errors: unknown[];
  /** IntoSingleItemImplied: one object named by TYPE NAME or TYPE/NAME. */
  single: boolean;
}

/** The builder's message when no resource was named at all (set image, patch). */
export const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const SLASH_MIX =
  "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

export function selectObjects(ctx: KubectlCtx, req: BuilderRequest): BuilderResult {
  const store = ctx.cluster.store;
  const ns = req.namespace ?? contextNamespace(ctx);
  const out: BuilderResult = { items: [], errors: [], single: false };
  const fail = (fatal: string): BuilderResult => ({ fatal, items: [], errors: [], single: false });
  let selector: Requirement[] | undefined;
  if (req.selector !== undefined) {
    try {
      selector = parseSelector(req.selector);
    } catch (e) {
      return fail(`error: ${(e as Error).message}`);
    }
  }
  if (req.filenames?.length) {
    if (req.args.length) return fail('error: Unexpected args: ' + `[${req.args.join(' ')}]`);
    const named = objectsNamedInFiles(ctx, req.filenames, ns, req.recursive);
    if (named.fatal) return fail(named.fatal);
    for (const { res, ns: objNs, name } of named.refs) {
      const live = store.get(res.kind, objNs, name);
      if (live) out.items.push({ res, obj: live });
      else out.errors.push(notFound(res.plural, name));
    }
    out.single = out.items.length + out.errors.length === 1;
    return out;
  }
  if (!req.args.length) return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const byName: Array<{ res: ResourceInfo; name: string }> = [];
  if (req.args.some((a) => a.includes('/'))) {
    if (!req.args.every((a) => a.includes('/'))) return fail(SLASH_MIX);
    if (selector || req.all) return fail('error: selectors and the all flag cannot be used when passing resource/name arguments');
    for (const a of req.args) {
      const [t, name] = [a.slice(0, a.indexOf('/')), a.slice(a.indexOf('/') + 1)];
      const res = resolveResource(t);
      if (!res) return fail(unknownResourceError(t));
      byName.push({ res, name });
    }
  } else {
    const types: ResourceInfo[] = [];
    for (const t of req.args[0].split(',')) {
      const res = resolveResource(t);
      if (!res) return fail(unknownResourceError(t));
      types.push(res);
    }
    const names = req.args.slice(1);
    if (!names.length) {
      if (!selector && !req.all) return fail('error: resource(s) were provided, but no name was specified');
      for (const res of types) {
        const listNs = res.namespaced && !req.allNamespaces ? ns : undefined;
        for (const obj of store.list(res.kind, listNs, selector)) out.items.push({ res, obj });
      }
      return out;
    }
    if (selector) return fail('error: name cannot be provided when a selector is specified');
    for (const res of types) for (const name of names) byName.push({ res, name });
  }
  if (req.allNamespaces) return fail('error: a resource cannot be retrieved by name across all namespaces');
  for (const { res, name } of byName) {
    const obj = store.get(res.kind, res.namespaced ? ns : undefined, name);
    if (obj) out.items.push({ res, obj });
    else out.errors.push(notFound(RESOURCE_OF_KIND[res.kind] ?? res.plural, name));
  }
  out.single = byName.length === 1;
  return out;
}

/** One object a manifest names: its resource, namespace (undefined for cluster-scoped) and name. */
export interface ObjectRef {
  res: ResourceInfo;
  ns?: string;
  name: string;
  /** The labels the manifest gives the object: `-l` filters on these, before the live object is fetched. */
  labels?: Record<string, string>;
}

/**
 * The objects `-f FILE…` names, in file and document order (the builder's visitByPaths; the verb
 * then fetches each one fresh, Latest()). `singleItemImplied` is the builder's flag for exactly one
 * regular file path: verbs that print a List for several objects print the object alone then.
 */
export function objectsNamedInFiles(ctx: KubectlCtx, filenames: string[], defaultNs: string, recursive = false): { fatal?: string; refs: ObjectRef[]; singleItemImplied: boolean } {
  const { sources, errors } = readSources(ctx, filenames, recursive);
  if (errors.length) return { fatal: errors.join('\n'), refs: [], singleItemImplied: false };
  const refs: ObjectRef[] = [];
  for (const src of sources) {
    for (const doc of src.docs) {
      const o = doc.object;
      const res = resourceForKind(o.kind ?? '');
      if (!res) {
        const fatal = `error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${src.name}": no matches for kind "${o.kind}" in version "${o.apiVersion}"`;
        return { fatal, refs: [], singleItemImplied: false };
      }
      refs.push({ res, ns: res.namespaced ? o.metadata?.namespace ?? defaultNs : undefined, name: o.metadata?.name ?? '', labels: o.metadata?.labels });
    }
  }
  const singleItemImplied = !recursive && filenames.length === 1 && filenames[0] !== '-' && !ctx.files.isDir(filenames[0]);
  return { refs, singleItemImplied };
}
