/**
 * From a parsed manifest document to an API object, failing the way `kubectl create/apply -f` fails,
 * in the same order (checked against kubectl v1.32 with a stub API server):
 *
 * 1. kubectl's client-side check of apiVersion/kind
 *    `error: error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; ...`
 * 2. kubectl decodes `metadata` into ObjectMeta itself, so type errors there are client-side
 *    `error: unable to decode "pod.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`
 * 3. the REST mapping (`resource mapping not found ... no matches for kind "Foo" in version "v1"`)
 * 4. the API server decodes the body into the Go type: type errors, then (fieldValidation=Strict,
 *    kubectl's default) unknown fields, as 400 BadRequest
 *    `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"`
 *
 * kubectl re-serialises each object before sending it (keys sorted, duplicates collapsed, last one
 * winning), so "first error" and the order of listed problems follow sorted key order, and
 * duplicate keys never reach the server from kubectl. `reportDuplicates` models a raw API request
 * that sends the document text as written.
 */
import { StatusError, goQuote } from './errors';
import { formatPath, parseFieldPath, type PathSegment } from './fieldpath';
import { ManifestError, type ManifestDoc, type SourcePosition } from './manifest';
import {
  goElementType,
  goFieldType,
  goQualifiedName,
  goStructName,
  isBytesField,
  isOpaqueType,
  lookupKind,
  schemaType,
  type KindInfo,
  type TypeRef,
} from './schema';
import type { KubeObject } from './types';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from './validation/quantity';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeOptions {
  /** The API server's fieldValidation (kubectl --validate=strict|warn|ignore). Default Strict. */
  fieldValidation?: FieldValidation;
  /** kubectl's client-side validation (--validate other than false/ignore). Default true. */
  clientValidation?: boolean;
  /** Report keys written twice as `duplicate field` (raw API requests only; see above). */
  reportDuplicates?: boolean;
}

/** One problem tied to a field, for editor diagnostics. */
export interface FieldProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type DecodeResult =
  | { object: KubeObject; kind: KindInfo; warnings: string[] }
  | { error: StatusError | ManifestError; line?: number; column?: number; problems: FieldProblem[] };

const VALIDATE_SUFFIX = '; if you choose to ignore these errors, turn validation off with --validate=false';

export function decodeManifest(doc: ManifestDoc, opts: DecodeOptions = {}): DecodeResult {
  const obj = doc.object;
  const source = doc.source;
  const clientValidation = opts.clientValidation !== false;

  // 1. apiVersion / kind, as kubectl's validator reads them.
  const gvkErrors: string[] = [];
  const apiVersion = obj.apiVersion as unknown;
  const kind = obj.kind as unknown;
  if (apiVersion === undefined || apiVersion === null) gvkErrors.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') gvkErrors.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) gvkErrors.push(`unexpected GroupVersion string: ${apiVersion}`);
  if (kind === undefined || kind === null) gvkErrors.push('kind not set');
  else if (typeof kind !== 'string') gvkErrors.push("kind isn't string type");
  if (gvkErrors.length > 0) {
    if (clientValidation) {
      const agg = gvkErrors.length === 1 ? gvkErrors[0] : `[${gvkErrors.join(', ')}]`;
      return clientFailure(doc, `error validating ${goQuote(source)}: error validating data: ${agg}${VALIDATE_SUFFIX}`, []);
    }
    if (typeof kind !== 'string' || kind === '') {
      return clientFailure(doc, `unable to decode ${goQuote(source)}: Object 'Kind' is missing in '${goJson(obj)}'`, []);
    }
  }

  // 2. metadata, decoded by kubectl into ObjectMeta.
  const metadata = obj.metadata as unknown;
  if (metadata !== undefined && metadata !== null) {
    if (!isPlainObject(metadata)) {
      const msg = `json: cannot unmarshal ${jsonKind(metadata)} into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`;
      return clientFailure(doc, `unable to decode ${goQuote(source)}: ${msg}`, ['metadata']);
    }
    const walk = new Walker(false);
    walk.struct(metadata, 'meta/v1.ObjectMeta', ['metadata'], ['metadata']);
    const first = walk.fatal ?? walk.typeError;
    if (first) return clientFailure(doc, `unable to decode ${goQuote(source)}: ${first.message}`, first.path);
  }

  // 3. REST mapping.
  const info = lookupKind(String(apiVersion ?? ''), String(kind ?? ''));
  if (!info) {
    const meta = isPlainObject(metadata) ? metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
    return clientFailure(
      doc,
      `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(source)}: ` +
        `no matches for kind ${goQuote(String(kind))} in version ${goQuote(String(apiVersion))}\nensure CRDs are installed first`,
      ['kind'],
    );
  }

  // 4. The API server's decode into the typed object.
  const walk = new Walker(true);
  const object = walk.struct(obj, info.type, [], []) as KubeObject;
  const version = String(apiVersion).split('/').pop() ?? '';
  const prefix = `${info.kind} in version ${goQuote(version)} cannot be handled as a ${info.kind}: `;
  const failedOn = walk.fatal ?? walk.typeError;
  if (failedOn) return serverFailure(doc, prefix + failedOn.message, [{ path: failedOn.path, message: failedOn.message }]);

  const strict: Array<{ path: PathSegment[] | string; message: string }> = walk.unknown.map((p) => ({
    path: p,
    message: `unknown field ${goQuote(formatPath(p))}`,
  }));
  if (opts.reportDuplicates) {
    for (const d of doc.duplicates) strict.push({ path: d, message: `duplicate field ${goQuote(d)}` });
    // A raw request body is decoded in the order it was written.
    strict.sort((a, b) => comparePositions(positionOfProblem(doc, a.path), positionOfProblem(doc, b.path)));
  }
  const mode = opts.fieldValidation ?? 'Strict';
  if (strict.length > 0 && mode === 'Strict') {
    const message = prefix + `strict decoding error: ${strict.map((s) => s.message).join(', ')}`;
    return serverFailure(doc, message, strict);
  }
  const warnings = mode === 'Warn' ? strict.map((s) => s.message) : [];
  return { object, kind: info, warnings };
}

function clientFailure(doc: ManifestDoc, detail: string, path: PathSegment[]): DecodeResult {
  const pos = positionOfProblem(doc, path);
  const error = new ManifestError(detail, pos?.line, pos?.column);
  return { error, line: pos?.line, column: pos?.column, problems: [{ path: formatPath(path), message: detail, ...pos }] };
}

function serverFailure(
  doc: ManifestDoc,
  message: string,
  problems: Array<{ path: PathSegment[] | string; message: string }>,
): DecodeResult {
  const error = new StatusError('BadRequest', message, 400);
  const located = problems.map((p) => {
    const pos = positionOfProblem(doc, p.path);
    return { path: typeof p.path === 'string' ? p.path : formatPath(p.path), message: p.message, ...pos };
  });
  const first = located.find((p) => p.line !== undefined);
  return { error, line: first?.line, column: first?.column, problems: located };
}

/** The position of a field, or of its nearest ancestor that is written in the manifest text. */
function positionOfProblem(doc: ManifestDoc, path: PathSegment[] | string): SourcePosition | undefined {
  const segs = typeof path === 'string' ? parseFieldPath(path) : path;
  for (let n = segs.length; n >= 0; n--) {
    const p = doc.positionOf(segs.slice(0, n));
    if (p) return p;
  }
  return undefined;
}

function comparePositions(a?: SourcePosition, b?: SourcePosition): number {
  return (a?.line ?? 0) - (b?.line ?? 0) || (a?.column ?? 0) - (b?.column ?? 0);
}


interface Failure {
  message: string;
  path: PathSegment[];
}

/**
 * Walks a value against the schema like Go's encoding/json decoding into the typed struct: the
 * first type mismatch is remembered and decoding goes on (Go's saveError); errors raised by custom
 * unmarshallers (Quantity, IntOrString, Time) stop at once; unknown fields are collected.
 * Returns the decoded value: unknown fields and nulls dropped.
 */
class Walker {
  typeError?: Failure;
  fatal?: Failure;
  readonly unknown: PathSegment[][] = [];

  constructor(private readonly collectUnknown: boolean) {}

  private mismatch(value: unknown, owner: string, fieldStack: string[], goType: string, path: PathSegment[]): void {
    if (this.typeError) return;
    const what = jsonKind(value);
    this.typeError = {
      message: `json: cannot unmarshal ${what} into Go struct field ${goStructName(owner)}.${fieldStack.join('.')} of type ${goType}`,
      path,
    };
  }

  struct(value: Record<string, unknown>, ref: string, fieldStack: string[], path: PathSegment[]): Record<string, unknown> {
    const def = schemaType(ref);
    const out: Record<string, unknown> = {};
    if (!def || isOpaqueType(ref)) return { ...value };
    for (const key of Object.keys(value).sort()) {
      if (this.fatal) break;
      const v = value[key];
      const prop = def.properties?.[key];
      if (!prop) {
        if (this.collectUnknown) this.unknown.push([...path, key]);
        continue;
      }
      if (v === null || v === undefined) continue;
      const decoded = this.field(v, prop.type, ref, key, [...fieldStack, key], [...path, key]);
      if (decoded !== undefined) out[key] = decoded;
    }
    return out;
  }

  /** A struct field's value; `owner`.`field` name the field for Go type names. */
  private field(v: unknown, t: TypeRef, owner: string, field: string, stack: string[], path: PathSegment[]): unknown {
    if (t.kind === 'array') {
      if (!Array.isArray(v)) return this.mismatch(v, owner, stack, goFieldType(owner, field, t), path);
      return v.map((item, i) => (item === null ? null : this.element(item, t.items, owner, field, stack, [...path, i])));
    }
    if (t.kind === 'map') {
      if (!isPlainObject(v)) return this.mismatch(v, owner, stack, goFieldType(owner, field, t), path);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        if (this.fatal) break;
        const item = v[k];
        if (item === null) continue;
        if (isBytesField(owner, field)) {
          out[k] = this.bytes(item, owner, field, stack, [...path, k]);
          continue;
        }
        out[k] = this.element(item, t.values, owner, field, stack, [...path, k]);
      }
      return out;
    }
    return this.scalarOrStruct(v, t, owner, field, stack, path, goFieldType(owner, field, t));
  }

  /** An item of a list or a value of a map field. */
  private element(v: unknown, t: TypeRef, owner: string, field: string, stack: string[], path: PathSegment[]): unknown {
    if (t.kind === 'array' || t.kind === 'map') {
      // Nested collections do not occur in the kinds we serve; keep the value as written.
      return v;
    }
    return this.scalarOrStruct(v, t, owner, field, stack, path, goElementType(owner, field, t));
  }

  private scalarOrStruct(
    v: unknown,
    t: TypeRef,
    owner: string,
    field: string,
    stack: string[],
    path: PathSegment[],
    goType: string,
  ): unknown {
    switch (t.kind) {
      case 'string':
        return typeof v === 'string' ? v : this.mismatch(v, owner, stack, goType, path);
      case 'boolean':
        return typeof v === 'boolean' ? v : this.mismatch(v, owner, stack, goType, path);
      case 'number': {
        if (typeof v !== 'number') return this.mismatch(v, owner, stack, goType, path);
        const [lo, hi] = goType.endsWith('int64') ? [-(2 ** 63), 2 ** 63 - 1] : [-(2 ** 31), 2 ** 31 - 1];
        if (!Number.isInteger(v) || v < lo || v > hi) {
          if (!this.typeError) {
            this.typeError = {
              message: `json: cannot unmarshal number ${goNumber(v)} into Go struct field ${goStructName(owner)}.${stack.join('.')} of type ${goType}`,
              path,
            };
          }
          return undefined;
        }
        return v;
      }
      case 'intOrString':
        // intstr.IntOrString's own UnmarshalJSON re-decodes into int32 without field context.
        if (typeof v === 'string') return v;
        if (typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31) return v;
        this.fatal ??= {
          message: `json: cannot unmarshal ${typeof v === 'number' ? `number ${goNumber(v)}` : jsonKind(v)} into Go value of type int32`,
          path,
        };
        return undefined;
      case 'ref':
        return this.ref(v, t.ref, owner, stack, path, goType);
      default:
        return v;
    }
  }

  private ref(v: unknown, ref: string, owner: string, stack: string[], path: PathSegment[], goType: string): unknown {
    if (ref === 'api/resource.Quantity') {
      const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? goNumber(v) : undefined;
      const parsed = text === undefined ? { ok: false as const, error: QUANTITY_FORMAT_ERROR } : parseQuantity(text);
      if (!parsed.ok) {
        this.fatal ??= { message: parsed.error, path };
        return undefined;
      }
      return v;
    }
    if (ref === 'meta/v1.Time' || ref === 'meta/v1.MicroTime') {
      if (typeof v !== 'string') {
        this.fatal ??= { message: `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`, path };
        return undefined;
      }
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
        this.fatal ??= { message: `parsing time ${goQuote(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${goQuote(v)} as "2006"`, path };
        return undefined;
      }
      return v;
    }
    const def = schemaType(ref);
    if (def?.alias) return this.scalarOrStruct(v, def.alias, owner, stack[stack.length - 1] ?? '', stack, path, goType);
    if (!isPlainObject(v)) return this.mismatch(v, owner, stack, goType === 'interface {}' ? goQualifiedName(ref) : goType, path);
    return this.struct(v, ref, stack, path);
  }

  /** []byte fields (Secret.data): JSON strings holding base64. */
  private bytes(v: unknown, owner: string, field: string, stack: string[], path: PathSegment[]): unknown {
    if (typeof v !== 'string') return this.mismatch(v, owner, stack, goElementType(owner, field, { kind: 'string' }), path);
    const bad = base64ErrorOffset(v);
    if (bad !== undefined && !this.typeError) this.typeError = { message: `illegal base64 data at input byte ${bad}`, path };
    return v;
  }
}

/** Go's base64.StdEncoding.Decode error offset (CorruptInputError), or undefined when valid. */
export function base64ErrorOffset(s: string): number | undefined {
  const isB64 = (c: string): boolean => /[A-Za-z0-9+/]/.test(c);
  let si = 0;
  for (;;) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === s.length) {
        if (j === 0) return undefined;
        return si - j;
      }
      const c = s[si++];
      if (isB64(c)) continue;
      if (c === '\n' || c === '\r') {
        j--;
        continue;
      }
      if (c !== '=') return si - 1;
      if (j === 0 || j === 1) return si - 1;
      if (j === 2) {
        while (si < s.length && (s[si] === '\n' || s[si] === '\r')) si++;
        if (si === s.length) return s.length;
        if (s[si] !== '=') return si - 1;
        si++;
      }
      while (si < s.length && (s[si] === '\n' || s[si] === '\r')) si++;
      if (si < s.length) return si;
      return undefined;
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How Go's JSON errors name a JSON value's type. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/** A number as Go's JSON encoder writes a float64 (kubectl re-encodes what YAML gave it). */
function goNumber(v: number): string {
  return String(v);
}

/** Compact JSON with sorted keys, as Go's encoder writes a map. */
function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
