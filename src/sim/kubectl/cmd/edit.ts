/**
 * `kubectl edit (TYPE NAME | TYPE/NAME | -f FILE)` (cmd/util/editor/editoptions.go): the object is
 * written as YAML (or JSON with -o json) under kubectl's header comment to /tmp/kubectl-edit-N.yaml,
 * the learner's editor runs on it (ctx.editor: $KUBE_EDITOR or $EDITOR, as the workstation
 * launches it), and the result decides:
 *   unchanged → `Edit cancelled, no changes made.`; emptied → `Edit cancelled, saved file was empty.`;
 *   a YAML error or a change the API server rejects as Invalid → the file is reopened with the
 *   reasons in the header, and an editor that changes nothing that time ends it with
 *   `A copy of your changes has been stored to "…"` and `error: Edit cancelled, no valid changes were saved.`;
 *   accepted → `pod/web edited` (a parsed-equal object is `skipped`).
 * Other API errors (unknown fields under --validate=strict, a vanished object) keep the file and
 * say how to retry, as kubectl does.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { parseFlags, type FlagSpec } from '../flags';
import type { KubeObject } from '../../api/types';
import { formatFieldError, goQuote, StatusError } from '../../api/errors';
import { ManifestError, parseManifests } from '../../api/manifest';
import { decodeManifest } from '../../api/decode';
import { stableEqual } from '../../api/store';
import { renderKubectlErrors } from '../errors';
import { NO_RESOURCES, selectObjects, type Selected } from '../builder';
import { BUILDER_VERB_RULES, unmodeledFlag } from '../unmodeled';
import { printObject } from '../print-flags';
import { toJson, toYaml } from '../output';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'output-patch', type: 'bool' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
];

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

/** hashOnLineBreak: continuation lines of a reason stay comments. */
function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?!#)/g, '\n# ');
}

function headerWith(reasons: Reason[]): string {
  let h = HEADER;
  for (const r of reasons) {
    h += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) h += `# * ${hashOnLineBreak(o)}\n`;
    h += '#\n';
  }
  return h;
}

/** cmdutil.ManualStrip: drop comment lines (but not `#!`). */
function manualStrip(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    out.push(line + (i < lines.length - 1 ? '\n' : ''));
  });
  return out.join('');
}

/** cmdutil.StripComments: the document as JSON when it parses (so layout does not count), else ManualStrip. */
function stripComments(text: string): string {
  try {
    return JSON.stringify(parseManifests(text, 'edited-file', { validate: false }).map((d) => d.object));
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: something other than blanks and comments. */
function hasLines(text: string): boolean {
  return text.split('\n').some((l) => l.trim().length > 0 && !l.trim().startsWith('#'));
}

/** The message part of a cause (StatusCause.Message = field.Error.ErrorBody()). */
function causeBody(c: Parameters<typeof formatFieldError>[0]): string {
  return formatFieldError(c).slice(c.field.length + 2);
}

export function* edit(args: string[], ctx: KubectlCtx): CmdGen {
  const { flags, positional, set } = parseFlags(args, FLAGS, 'edit');
  const io = ctx.io;
  const refusal = unmodeledFlag('edit', flags, set, [
    ...BUILDER_VERB_RULES,
    { flag: 'output-patch', when: (v) => v === true, why: 'the patch edit sends is not printed' },
    { flag: 'windows-line-endings', when: (v) => v === true, why: 'the workstation edits files with Unix line endings' },
    { flag: 'save-config', when: (v) => v === true, why: 'the last-applied-configuration annotation is written only by kubectl apply' },
    { flag: 'subresource', why: 'subresources (status) cannot be edited' },
  ]);
  if (refusal) {
    io.err(refusal);
    return 1;
  }
  const output = (flags.output as string | undefined) ?? '';
  if (output && output !== 'yaml' && output !== 'json') {
    io.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml\n`);
    return 1;
  }
  const files = (flags.filename as string[] | undefined) ?? [];
  if (!positional.length && !files.length) {
    io.err(NO_RESOURCES + '\n');
    return 1;
  }
  const sel = selectObjects(ctx, { args: positional, namespace: flags.namespace as string | undefined, filenames: files, recursive: !!flags.recursive });
  if (sel.fatal) {
    io.err(sel.fatal + '\n');
    return 1;
  }
  if (sel.errors.length) {
    io.err(renderKubectlErrors(sel.errors.map((err) => ({ err }))) + '\n');
    return 1;
  }
  if (!sel.items.length) {
    io.err('error: edit cancelled, no objects found\n');
    return 1;
  }
  if (!ctx.editor) {
    io.err('error: no editor is available in this shell; set KUBE_EDITOR to a command that edits the file in place, e.g. KUBE_EDITOR="cp my-pod.yaml"\n');
    return 1;
  }
  const editorValue = ctx.env?.get('KUBE_EDITOR') || ctx.env?.get('EDITOR') || 'vi';
  // editor.go: a value with spaces and quotes runs as `$SHELL -c VALUE`, and errors name those args.
  const editorName = /["'\\]/.test(editorValue) && editorValue.includes(' ') ? `${ctx.env?.get('SHELL') || '/bin/bash'} -c ${editorValue}` : editorValue;
  const json = output === 'json';
  const print = (o: unknown) => (json ? toJson(o) : toYaml(o));
  const infos = sel.items;
  const originalObj = infos.length === 1 ? infos[0].obj : { apiVersion: 'v1', items: infos.map((i) => i.obj), kind: 'List', metadata: {} };
  const remove = (p: string) => (ctx.files as { remove?: (p: string) => void }).remove?.(p);
  // Every machine has a /tmp; the workstation's file tree only gets one when something is put there.
  if (!ctx.files.isDir('/tmp')) (ctx.files as { mkdir?: (p: string) => void }).mkdir?.('/tmp');
  const stored = (p: string) => {
    if (p && ctx.files.exists(p)) io.err(`A copy of your changes has been stored to ${goQuote(p)}\n`);
  };

  let original = '';
  let edited = '';
  let containsError = false;
  let reasons: Reason[] = [];
  let previousFile = '';
  for (;;) {
    let buf = headerWith(reasons);
    if (!containsError) {
      buf += print(originalObj);
      original = buf;
    } else buf += manualStrip(edited);
    const file = `/tmp/kubectl-edit-${ctx.cluster.prng.int(0, 4294967295)}.${json ? 'json' : 'yaml'}`;
    ctx.files.write(file, buf);
    const previousEdit = edited;
    const status = yield* ctx.editor(file);
    if (status !== 0) {
      stored(previousFile);
      io.err(`error: ${status === 127 ? 'unable to launch' : 'there was a problem with'} the editor ${goQuote(editorName)}\n`);
      return 1;
    }
    edited = ctx.files.read(file) ?? '';
    if (containsError && stripComments(previousEdit) === stripComments(edited)) {
      stored(file);
      io.err('error: Edit cancelled, no valid changes were saved.\n');
      return 1;
    }
    if (previousFile) remove(previousFile);
    if (stripComments(original) === stripComments(edited)) {
      remove(file);
      io.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      remove(file);
      io.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    previousFile = file;
    reasons = [];
    let updated: KubeObject[];
    try {
      const docs = parseManifests(edited, 'edited-file');
      updated = docs.flatMap((d) => (d.object.kind === 'List' && Array.isArray(d.object.items) ? (d.object.items as KubeObject[]) : [d.object]));
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${e.message.replace(/^error: /, '')}`, other: [] });
      continue;
    }
    containsError = false;
    let retryable = 0;
    let notFound = 0;
    let toEdit = 0;
    for (const obj of updated) {
      const orig = infos.find((i) => i.obj.metadata?.uid !== undefined && i.obj.metadata?.uid === obj.metadata?.uid);
      if (!orig) {
        stored(file);
        io.err(`error: no original object found for ${goQuote(`${obj.kind ?? ''}/${obj.metadata?.name ?? ''}`)}\n`);
        return 1;
      }
      if (stableEqual(orig.obj, obj)) {
        io.out(printObject(obj, 'skipped', { output, dryRun: 'none' }));
        continue;
      }
      if (obj.apiVersion !== orig.obj.apiVersion || obj.kind !== orig.obj.kind || obj.metadata?.name !== orig.obj.metadata?.name) {
        stored(file);
        io.err('error: At least one of apiVersion, kind and name was changed\n');
        return 1;
      }
      try {
        const result = update(ctx, orig, obj, String(flags.validate));
        io.out(printObject(result, 'edited', { output, dryRun: 'none' }));
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        const what = `${orig.res.plural} ${goQuote(orig.obj.metadata?.name ?? '')}`;
        if (e.reason === 'Invalid') {
          toEdit++;
          reasons.push({ head: `${what} was not valid`, other: (e.details?.causes ?? []).map((c) => `${c.field}: ${causeBody(c)}`) });
          io.err(`error: ${what} is invalid\n`);
        } else if (e.reason === 'NotFound') {
          notFound++;
          io.err(`error: ${what} could not be found on the server\n`);
        } else {
          retryable++;
          io.err(`error: ${what} could not be patched: ${e.message}\n`);
        }
      }
    }
    if (retryable) {
      io.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    if (notFound) {
      io.err(`The edits you made on deleted resources have been saved to ${goQuote(file)}\n`);
      return 1;
    }
    if (!toEdit) {
      remove(file);
      return 0;
    }
    containsError = true;
  }
}

/** The server's side of edit's PATCH: decode the edited object (strict unless --validate says otherwise), then update. */
function update(ctx: KubectlCtx, orig: Selected, obj: KubeObject, validate: string): KubeObject {
  const mode = validate === 'false' || validate === 'ignore' ? 'Ignore' : validate === 'warn' ? 'Warn' : 'Strict';
  const decoded = decodeManifest({ object: obj, index: 0, source: 'edited-file', positionOf: () => undefined, duplicates: [] }, { fieldValidation: mode, clientValidation: false });
  if ('error' in decoded) {
    if (decoded.error instanceof StatusError) throw decoded.error;
    throw new StatusError('BadRequest', decoded.error.message, 400);
  }
  for (const w of decoded.warnings) ctx.io.err(`Warning: ${w}\n`);
  const next = { ...decoded.object, metadata: { ...decoded.object.metadata, namespace: orig.obj.metadata?.namespace } } as KubeObject;
  if (orig.obj.metadata?.namespace === undefined) delete next.metadata!.namespace;
  return ctx.cluster.api.update(next);
}
