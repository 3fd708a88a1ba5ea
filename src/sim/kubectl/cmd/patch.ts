/**
 * `kubectl patch (-f FILE | TYPE NAME) (-p PATCH | --patch-file FILE) [--type strategic|merge|json]`
 * (patch.go). Against the cluster the API server applies the patch: its errors come back as API
 * errors (a failed JSON patch operation is only "the server rejected our request due to an error
 * in our request"); the patched object is decoded (unknown fields dropped with a warning) and
 * validated like any update, so a Pod field that may not change is Forbidden. With
 * --dry-run=client or --local kubectl applies the patch itself and prints its own errors. The
 * result is `pod/web patched`, or `patched (no change)` when the object came back the same.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import type { KubeObject } from '../../api/types';
import { StatusError, type StatusReason } from '../../api/errors';
import { stableEqual } from '../../api/store';
import { rootTypeOfKind } from '../../api/schema';
import { decodeManifest } from '../../api/decode';
import { renderKubectlErrors } from '../errors';
import { NO_RESOURCES, selectObjects, type Selected } from '../builder';
import { BUILDER_VERB_RULES, unmodeledFlag } from '../unmodeled';
import { checkOutput, dryRunStrategy, printObject, PrintFlagError, type DryRun } from '../print-flags';
import { resourceForKind } from '../resources';
import { readSources } from '../sources';
import { jsonMergePatch, MergePatchError, type Json } from '../patch/json-merge';
import { applyJsonPatch, JsonPatchError } from '../patch/json-patch';
import { strategicMergePatch, StrategicMergeError } from '../patch/strategic';
import { parsePatchText } from '../patch/parse';

const FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'local', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
];

type PatchType = 'strategic' | 'merge' | 'json';

export function* patch(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional, set } = parseFlags(args, FLAGS, 'patch');
  const io = ctx.io;
  const fail = (msg: string) => {
    io.err(`error: ${msg}\n`);
    return 1;
  };
  const refusal = unmodeledFlag('patch', flags, set, BUILDER_VERB_RULES);
  if (refusal) {
    io.err(refusal);
    return 1;
  }
  let dry: DryRun;
  try {
    dry = dryRunStrategy(flags['dry-run']);
  } catch (e) {
    if (e instanceof PrintFlagError) {
      io.err(e.message + '\n');
      return 1;
    }
    throw e;
  }
  const text = flags.patch as string | undefined;
  const file = flags['patch-file'] as string | undefined;
  const local = !!flags.local;
  if (text && file) return fail('cannot specify --patch and --patch-file together');
  if (!text && !file) return fail('must specify --patch or --patch-file containing the contents of the patch');
  if (local && positional.length) return fail('cannot specify --local and server resources');
  if (local && dry === 'server') return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const typeFlag = (flags.type as string | undefined) ?? '';
  if (typeFlag && !['json', 'merge', 'strategic'].includes(typeFlag.toLowerCase())) return fail(`--type must be one of [json merge strategic], not ${JSON.stringify(typeFlag)}`);
  if (flags.subresource !== undefined) return fail('--subresource is not available in Pod Lab');
  const type = (typeFlag.toLowerCase() || 'strategic') as PatchType;
  let patchText = text ?? '';
  if (file) {
    const data = ctx.files.read(file);
    if (data === undefined) return fail(`unable to read patch file: open ${file}: ${ctx.files.isDir(file) ? 'is a directory' : 'no such file or directory'}`);
    patchText = data;
  }
  const parsed = parsePatchText(patchText);
  if ('error' in parsed) return fail(`unable to parse ${JSON.stringify(text ?? '')}: ${parsed.error}`);
  const patchValue = parsed.value;

  const files = (flags.filename as string[] | undefined) ?? [];
  let items: Selected[];
  const errors: unknown[] = [];
  if (local) {
    if (!files.length) return fail(NO_RESOURCES.replace(/^error: /, ''));
    const local = localObjects(ctx, files, !!flags.recursive);
    if (typeof local === 'string') return fail(local.replace(/^error: /, ''));
    items = local;
  } else {
    if (!positional.length && !files.length) {
      io.err(NO_RESOURCES + '\n');
      return 1;
    }
    const sel = selectObjects(ctx, { args: positional, namespace: flags.namespace as string | undefined, filenames: files, recursive: !!flags.recursive });
    if (sel.fatal) {
      io.err(sel.fatal + '\n');
      return 1;
    }
    items = sel.items;
    errors.push(...sel.errors);
  }
  const output = flags.output as string | undefined;
  for (const { obj } of items) {
    let result: KubeObject;
    if (!local && dry !== 'client') {
      try {
        result = serverPatch(ctx, obj, type, patchValue, dry === 'server', (w) => io.err(`Warning: ${w}\n`));
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        errors.push(e);
        continue;
      }
    } else {
      try {
        result = applyPatch(obj, type, patchValue) as KubeObject;
      } catch (e) {
        if (e instanceof JsonPatchError || e instanceof MergePatchError || e instanceof StrategicMergeError) {
          const m = /doc is missing key: (.*)$/.exec(e.message);
          errors.push(new Error(m ? `Object to be patched is missing field (${m[1]})` : e.message));
          continue;
        }
        throw e;
      }
    }
    const didPatch = !stableEqual(obj, result);
    try {
      checkOutput(output);
      io.out(printObject(result, didPatch ? 'patched' : 'patched (no change)', { output, dryRun: 'none' }));
    } catch (e) {
      if (!(e instanceof PrintFlagError)) throw e;
      errors.push(new Error(e.message.replace(/^error: /, '')));
    }
  }
  if (errors.length) {
    io.err(renderKubectlErrors(errors.map((err) => ({ err }))) + '\n');
    return 1;
  }
  if (!items.length) return fail('no objects passed to patch');
  return 0;
}

/** The objects of -f files as written (for --local). */
function localObjects(ctx: KubectlCtx, files: string[], recursive: boolean): Selected[] | string {
  const { sources, errors } = readSources(ctx, files, recursive);
  if (errors.length) return errors.join('\n');
  const out: Selected[] = [];
  for (const src of sources) {
    for (const doc of src.docs) {
      const res = resourceForKind(doc.object.kind ?? '');
      if (!res) return `resource mapping not found for name: "${doc.object.metadata?.name ?? ''}" namespace: "" from "${src.name}": no matches for kind "${doc.object.kind}" in version "${doc.object.apiVersion}"`;
      out.push({ res, obj: doc.object });
    }
  }
  return out;
}

/** getPatchedJSON: the patch applied by kubectl itself. */
function applyPatch(obj: KubeObject, type: PatchType, patchValue: Json): Json {
  const doc = obj as unknown as Json;
  if (type === 'json') return applyJsonPatch(doc, patchValue);
  if (type === 'merge') return jsonMergePatch(doc, patchValue);
  return strategicMergePatch(doc, patchValue, rootTypeOfKind(obj.kind ?? ''));
}

/** The API server's PATCH: apply, decode (unknown fields dropped with a warning), then update. */
function serverPatch(ctx: KubectlCtx, live: KubeObject, type: PatchType, patchValue: Json, dryRun: boolean, warn: (w: string) => void): KubeObject {
  let patched: Json;
  try {
    patched = applyPatch(live, type, patchValue);
  } catch (e) {
    if (e instanceof JsonPatchError) {
      if (e.decode) throw new StatusError('BadRequest', e.message, 400);
      // NewGenericServerResponse(422, …): the operation's own message is not passed on.
      throw new StatusError('Invalid', 'the server rejected our request due to an error in our request', 422, {});
    }
    if (e instanceof MergePatchError) throw new StatusError('BadRequest', e.message, 400);
    if (e instanceof StrategicMergeError) {
      if (e.status === 'BadRequest') throw new StatusError('BadRequest', e.message, 400);
      // A plain error from the patcher becomes a 500 whose reason kubectl shows as nothing.
      throw new StatusError('' as StatusReason, e.message, 500);
    }
    throw e;
  }
  const decoded = decodeManifest(
    { object: patched as KubeObject, index: 0, source: '', positionOf: () => undefined, duplicates: [] },
    { fieldValidation: 'Warn', clientValidation: false },
  );
  if ('error' in decoded) {
    const detail = decoded.error.message.replace(/^.*? cannot be handled as a \w+: /, '');
    throw new StatusError('Invalid', `patch: Invalid value: ${JSON.stringify(JSON.stringify(patchValue))}: ${detail}`, 422, {
      causes: [{ field: 'patch', type: 'Invalid value', value: JSON.stringify(JSON.stringify(patchValue)), detail }],
    });
  }
  for (const w of decoded.warnings) warn(w);
  const next = decoded.object;
  if (next.metadata?.name !== live.metadata?.name) {
    throw new StatusError('BadRequest', `the name of the object (${next.metadata?.name ?? ''}) does not match the name on the URL (${live.metadata?.name})`, 400);
  }
  if (stableEqual(withoutStatus(next), withoutStatus(live))) return live;
  return ctx.cluster.api.update(next, { dryRun });
}

function withoutStatus(o: KubeObject): unknown {
  const { status: _s, ...rest } = o as Record<string, unknown>;
  return rest;
}
