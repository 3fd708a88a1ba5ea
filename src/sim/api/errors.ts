/**
 * API errors shaped like metav1.Status, so kubectl-side code can render them exactly as kubectl does
 * (`Error from server (NotFound): pods "x" not found`, `The Pod "x" is invalid: ...`).
 */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'Conflict'
  | 'MethodNotAllowed'
  | 'InternalError';

/** One field error, as apimachinery's field.Error renders it, plus where it sits in the source. */
export interface FieldError {
  /** `spec.containers[0].image` */
  field: string;
  /** `Required value`, `Invalid value`, `Duplicate value`, `Not found`, `Unsupported value`, `Forbidden`, ... */
  type: string;
  /** Already-rendered value part (Go %q for strings, raw for numbers), or undefined when omitted. */
  value?: string;
  detail?: string;
  /** 1-based source position of the offending field when the object came from a manifest. */
  line?: number;
  column?: number;
}

/** `spec.containers[0].image: Required value` — apimachinery field.Error.Error(). */
export function formatFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  if (e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export class StatusError extends Error {
  constructor(
    public readonly reason: StatusReason,
    message: string,
    public readonly code: number,
    /** For Invalid: the kind and name kubectl names in "The Pod "x" is invalid". */
    public readonly details?: { kind?: string; name?: string; causes?: FieldError[] },
  ) {
    super(message);
    this.name = 'StatusError';
  }
}

/** Go's %q for the strings that appear in Kubernetes messages (ASCII; escapes quotes and backslashes). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function notFound(resource: string, name: string): StatusError {
  return new StatusError('NotFound', `${resource} ${goQuote(name)} not found`, 404);
}

export function alreadyExists(resource: string, name: string): StatusError {
  return new StatusError('AlreadyExists', `${resource} ${goQuote(name)} already exists`, 409);
}

export function invalid(kind: string, name: string, causes: FieldError[]): StatusError {
  const msg = `${kind} ${goQuote(name)} is invalid: ${causes.map(formatFieldError).join(', ')}`;
  return new StatusError('Invalid', msg, 422, { kind, name, causes });
}
