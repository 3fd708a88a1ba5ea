/**
 * Manifests in: the text of a file (or editor buffer) becomes API objects with source positions,
 * read the way kubectl v1.32 reads `-f file`:
 * - a stream whose first non-space character is `{` is a stream of JSON values (Go's decoder);
 * - otherwise it is YAML, split into documents at lines starting with `---` *before* parsing
 *   (apimachinery's YAMLReader), each document parsed on its own with go-yaml's YAML 1.1 rules, so
 *   line numbers in YAML errors count from the start of the document, as kubectl's do;
 * - documents that hold nothing (only comments, `---`, `~`) are skipped.
 * Block style, flow style ("KYAML", as `kubectl -o kyaml` writes it, starting with `---`) and JSON
 * all work. Errors are thrown as ManifestError carrying kubectl's exact wording.
 */
import { parseAllDocuments, parseDocument, type Document } from 'yaml';
import type { KubeObject } from './types';
import { pathKey, type PathSegment } from './fieldpath';
import { utf8Length } from './utf8';
import { LineIndex, toGoYamlError } from './manifest/goyaml-errors';
import { scanJsonStream } from './manifest/json-stream';
import { ConversionError, convertDocument, type ConvertedDocument } from './manifest/to-object';

/** kubectl has no limit, but the simulator must stay responsive: larger input is refused up front. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface SourcePosition {
  /** 1-based, counted from the start of the file. */
  line: number;
  column: number;
}

export interface ManifestDoc {
  /** The document as kubectl would send it: plain JSON values, keys as strings. */
  object: KubeObject;
  /** 0-based position among the documents returned. */
  index: number;
  /** The file name as the user gave it (`pod.yaml`), used in messages. */
  source: string;
  /**
   * Where a field is written: the key for object fields, the entry for list items, the document
   * start for the empty path. Undefined for fields that are not in the text.
   */
  positionOf(path: ReadonlyArray<PathSegment>): SourcePosition | undefined;
  /** Keys written twice in one mapping, as field paths (`metadata.name`); the last one wins. */
  duplicates: string[];
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  /** The message without kubectl's `error: ` prefix (kubectl prints it bare when listing several errors). */
  readonly detail: string;
  constructor(
    detail: string,
    /** 1-based position in the file of the problem, when known. */
    readonly line?: number,
    readonly column?: number,
    /** Documents before the failing one: kubectl has already acted on those when it stops. */
    readonly parsed: ManifestDoc[] = [],
  ) {
    super(`error: ${detail}`);
    this.detail = detail;
  }
}

export interface ParseOptions {
  /** kubectl --validate (default true): picks the wording for documents that are not objects. */
  validate?: boolean;
}

export function parseManifests(text: string, source: string, opts: ParseOptions = {}): ManifestDoc[] {
  const size = utf8Length(text, MAX_MANIFEST_BYTES + 1);
  if (size > MAX_MANIFEST_BYTES) {
    throw new ManifestError(
      `error parsing ${source}: file is too large (more than ${MAX_MANIFEST_BYTES} bytes); Pod Lab reads manifests of at most 1 MiB`,
    );
  }
  // Go's line reader drops the \r of \r\n; doing the same keeps columns right.
  const normalized = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  const lines = new LineIndex(normalized);
  const ctx: StreamContext = { text: normalized, source, lines, docs: [], validate: opts.validate !== false };
  if (/^\s*\{/.test(normalized.slice(0, 4096))) readJsonStream(ctx);
  else readYamlStream(ctx);
  return ctx.docs;
}

interface StreamContext {
  text: string;
  source: string;
  lines: LineIndex;
  docs: ManifestDoc[];
  validate: boolean;
}

function fail(ctx: StreamContext, detail: string, offset?: number): never {
  const p = offset === undefined ? undefined : ctx.lines.pos(offset);
  throw new ManifestError(detail, p?.line, p?.column, ctx.docs.slice());
}

function readYamlStream(ctx: StreamContext): void {
  for (const chunk of yamlDocuments(ctx.text)) {
    if ('error' in chunk) fail(ctx, `error parsing ${ctx.source}: ${chunk.error}`, chunk.offset);
    const body = ctx.text.slice(chunk.start, chunk.end);
    if (isBlankYaml(body)) continue;
    const parsed = parseAllDocuments(body, { version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
    // go-yaml decodes only the first document of the text it is given.
    const doc = (Array.isArray(parsed) ? parsed[0] : undefined) as Document.Parsed | undefined;
    if (!doc) continue;
    if (doc.errors.length > 0) {
      const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
      const e = toGoYamlError({ code: first.code, message: first.message, pos: first.pos }, body);
      const line = ctx.lines.pos(chunk.start).line + e.line - 1;
      throw new ManifestError(
        `error parsing ${ctx.source}: error converting YAML to JSON: ${e.message}`,
        line,
        e.column,
        ctx.docs.slice(),
      );
    }
    addDocument(ctx, doc, chunk.start, 'error converting YAML to JSON: ');
  }
}

function readJsonStream(ctx: StreamContext): void {
  const scan = scanJsonStream(ctx.text);
  for (const span of scan.values) {
    const doc = parseDocument(ctx.text.slice(span.start, span.end), { version: '1.2', schema: 'failsafe', uniqueKeys: false });
    addDocument(ctx, doc, span.start, '');
  }
  if (!scan.ok) fail(ctx, `error parsing ${ctx.source}: ${scan.message}`, scan.at);
}

function addDocument(ctx: StreamContext, doc: Document.Parsed, base: number, convertPrefix: string): void {
  let converted: ConvertedDocument;
  try {
    converted = convertDocument(doc);
  } catch (e) {
    if (e instanceof ConversionError && e.parserError && e.offset !== undefined) {
      // go-yaml parser errors name the 0-based line within that YAML document (not the file).
      const reported = ctx.lines.pos(base + e.offset).line - ctx.lines.pos(base).line;
      const where = reported > 0 ? `line ${reported}: ` : '';
      fail(ctx, `error parsing ${ctx.source}: ${convertPrefix}yaml: ${where}${e.message}`, base + e.offset);
    }
    if (e instanceof ConversionError) {
      fail(ctx, `error parsing ${ctx.source}: ${convertPrefix}${e.message}`, e.offset === undefined ? undefined : base + e.offset);
    }
    throw e;
  }
  const value = converted.value;
  if (value === null || value === undefined) return;
  const start = base + (doc.contents?.range?.[0] ?? 0);
  if (typeof value !== 'object' || Array.isArray(value)) {
    if (ctx.validate) {
      fail(
        ctx,
        `error validating ${JSON.stringify(ctx.source)}: error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
        start,
      );
    }
    const what = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'number';
    fail(ctx, `unable to decode ${JSON.stringify(ctx.source)}: json: cannot unmarshal ${what} into Go value of type unstructured.detector`, start);
  }
  const { offsets } = converted;
  const lines = ctx.lines;
  ctx.docs.push({
    object: value as KubeObject,
    index: ctx.docs.length,
    source: ctx.source,
    duplicates: converted.duplicates,
    positionOf(path) {
      const off = path.length === 0 ? start - base : offsets.get(pathKey(path));
      return off === undefined ? undefined : lines.pos(base + off);
    },
  });
}

/** apimachinery's YAMLReader: documents end at lines starting with `---`, which may carry only a comment. */
function* yamlDocuments(text: string): Generator<{ start: number; end: number } | { error: string; offset: number }> {
  let bufStart = -1;
  let bufEnd = -1;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    if (text.startsWith('---', pos)) {
      const rest = text.slice(pos + 3, lineEnd).trim();
      if (rest.length > 0 && rest[0] !== '#') {
        yield { error: `invalid Yaml document separator: ${rest}`, offset: pos };
        return;
      }
      if (bufStart >= 0) {
        yield { start: bufStart, end: bufEnd };
        bufStart = -1;
        pos = lineEnd;
        continue;
      }
      // A separator with nothing before it stays in the document (it is a valid YAML start marker).
    }
    if (bufStart < 0) bufStart = pos;
    bufEnd = lineEnd;
    pos = lineEnd;
  }
  if (bufStart >= 0) yield { start: bufStart, end: bufEnd };
}

/** True when a YAML document has no content: blank lines, comments and document markers only. */
function isBlankYaml(body: string): boolean {
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '---' || line.startsWith('--- #') || line === '...') continue;
    return false;
  }
  return true;
}
