/**
 * How kubectl prints an error to stderr (kubernetes/kubectl pkg/cmd/util/helpers.go: checkErr,
 * StandardErrorMessage, MultilineError, MultipleErrors, AddSourceToErr), checked against kubectl
 * v1.32 talking to a stub API server:
 *
 *   The Pod "web" is invalid: spec.containers[0].image: Required value
 *   The Pod "web" is invalid: ⏎* spec.containers[0].image: Required value⏎* ...   (header ends in a space)
 *   Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists
 *   Error from server (NotFound): pods "x" not found
 *   error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: ...
 *
 * When one command fails on several objects (`create -f` with many documents) kubectl prints one
 * line per error with no `error: ` prefix, and Invalid errors in their one-line server form
 * (`Error from server (Invalid): error when creating "x.yaml": Pod "web" is invalid: [a, b]`).
 */
import { formatFieldError, StatusError, goQuote, type FieldError } from '../api/errors';
import { ManifestError } from '../api/manifest';

/** kubectl's exit status for every error it reports this way (DefaultErrorExitCode). */
export const KUBECTL_ERROR_EXIT_CODE = 1;

export type KubectlVerb = 'creating' | 'applying' | 'replacing' | 'deleting' | 'patching' | 'updating' | 'retrieving current configuration of';

export interface ErrorContext {
  /** The file the object came from (`-f pod.yaml`); server errors then name it. */
  source?: string;
  /** The request that failed, for `error when creating "pod.yaml": ...`. Default 'creating'. */
  verb?: KubectlVerb;
}

/** The text kubectl prints for one error (no trailing newline). */
export function renderKubectlError(err: unknown, ctx: ErrorContext = {}): string {
  if (err instanceof StatusError) {
    if (err.reason === 'Invalid') return renderInvalid(err, ctx);
    return standardMessage(err, ctx);
  }
  if (err instanceof ManifestError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/** What kubectl prints when one command collected several errors (one per line, no trailing newline). */
export function renderKubectlErrors(errs: ReadonlyArray<{ err: unknown; ctx?: ErrorContext }>): string {
  if (errs.length === 1) return renderKubectlError(errs[0].err, errs[0].ctx);
  return errs
    .map(({ err, ctx = {} }) => {
      if (err instanceof StatusError) return standardMessage(err, ctx);
      if (err instanceof ManifestError) return err.detail;
      return err instanceof Error ? err.message : String(err);
    })
    .join('\n');
}

/** `Error from server (Reason): [error when <verb> "<file>": ]<message>` (StandardErrorMessage). */
function standardMessage(err: StatusError, ctx: ErrorContext): string {
  const message = withSource(serverMessage(err), ctx);
  return err.reason ? `Error from server (${err.reason}): ${message}` : `Error from server: ${message}`;
}

function withSource(message: string, ctx: ErrorContext): string {
  return ctx.source ? `error when ${ctx.verb ?? 'creating'} ${goQuote(ctx.source)}: ${message}` : message;
}

/** checkErr's Invalid branch: built from the Status details, not the message. */
function renderInvalid(err: StatusError, ctx: ErrorContext): string {
  const details = err.details;
  if (!details) return `The request is invalid: ${withSource(err.message, ctx)}`;
  const causes = dedupe(details.causes ?? []);
  let header = 'The request is invalid';
  if (details.kind || details.name) header = `The ${details.kind ?? ''} ${goQuote(details.name ?? '')} is invalid`;
  else if (causes.length === 0) header += `: ${withSource(err.message, ctx)}`;
  if (causes.length === 0) return header;
  if (causes.length === 1) return `${header}: ${causes[0]}`;
  return `${header}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
}

/** The Status message the API server sends for Invalid: `Pod "x" is invalid: [a, b]`. */
function serverMessage(err: StatusError): string {
  if (err.reason !== 'Invalid' || !err.details?.causes?.length) return err.message;
  const causes = dedupe(err.details.causes);
  const agg = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
  return `${err.details.kind ?? ''} ${goQuote(err.details.name ?? '')} is invalid: ${agg}`;
}

function dedupe(causes: FieldError[]): string[] {
  const out: string[] = [];
  for (const c of causes) {
    const s = formatFieldError(c);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}
