/**
 * The manifest editor's two requests to the engine, run inside the engine host:
 * - diagnose: what kubectl would say about the text (parse, decode and API validation errors in
 *   kubectl's wording) plus the lint warnings, each with its line and column. Changes nothing: it
 *   defaults with a throwaway PRNG so that typing never perturbs the cluster's seeded run.
 * - apply: the text through `kubectl apply -f -` (the same code the terminal runs), so the terminal
 *   sees the result; the report is kubectl's output and the problems placed on lines.
 */
import type { Cluster } from '../sim/cluster';
import { Prng } from '../sim/clock/prng';
import { parseManifests, ManifestError, type ManifestDoc } from '../sim/api/manifest';
import { decodeManifest } from '../sim/api/decode';
import { applyDefaults } from '../sim/api/defaults';
import { validateObject } from '../sim/api/validation';
import { CLUSTER_SCOPED } from '../sim/api/store';
import { formatFieldError, goQuote } from '../sim/api/errors';
import { parseFieldPath, type PathSegment } from '../sim/api/fieldpath';
import { renderKubectlError } from '../sim/kubectl/errors';
import { kubectl } from '../sim/kubectl/kubectl';
import type { CmdGen, WorkstationFiles } from '../sim/kubectl/context';
import { lintDocuments } from '../sim/api/lint';
import type { ApplyResult, Diagnostic } from './protocol';

/** kubectl names stdin STDIN in its messages (`error when creating "STDIN": ...`). */
const SOURCE = 'STDIN';

export function diagnoseText(text: string): Diagnostic[] {
  const errors: Diagnostic[] = [];
  let docs: ManifestDoc[];
  try {
    docs = parseManifests(text, SOURCE);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    errors.push({ severity: 'error', message: e.message, line: e.line, column: e.column, source: 'kubectl' });
    docs = e.parsed;
  }
  for (const doc of docs) errors.push(...diagnoseDocument(doc));
  const warnings = lintDocuments(docs).filter((w) => !errors.some((e) => e.line === w.line));
  return [...errors, ...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function diagnoseDocument(doc: ManifestDoc): Diagnostic[] {
  const decoded = decodeManifest(doc);
  if ('error' in decoded) {
    const message = renderKubectlError(decoded.error, { source: SOURCE, verb: 'creating' });
    // Several unknown fields make one kubectl message; each also gets a marker on its own line.
    if (decoded.problems.length <= 1) return [{ severity: 'error', message, line: decoded.line, column: decoded.column, source: 'kubectl', path: decoded.problems[0]?.path }];
    return decoded.problems.map((p, i) => ({ severity: 'error' as const, message: i === 0 ? message : p.message, line: p.line, column: p.column, source: 'kubectl', path: p.path }));
  }
  const obj = decoded.object;
  const kind = obj.kind ?? '';
  const ns = CLUSTER_SCOPED.has(kind) ? '' : obj.metadata?.namespace ?? 'default';
  const defaulted = applyDefaults(obj, { prng: new Prng(0), namespace: ns });
  const meta = defaulted.metadata;
  // generateName is resolved before validation; any suffix validates the same way.
  if (meta && !meta.name && meta.generateName) meta.name = meta.generateName + 'xxxxx';
  const causes = validateObject(defaulted, { positionOf: (p: PathSegment[]) => doc.positionOf(p) });
  const name = obj.metadata?.name ?? obj.metadata?.generateName ?? '';
  return causes.map((c) => ({
    severity: 'error' as const,
    message: `The ${kind} ${goQuote(name)} is invalid: ${formatFieldError(c)}`,
    line: c.line,
    column: c.column,
    source: 'kubectl',
    path: c.field,
  }));
}

export interface ApplyTarget {
  cluster: Cluster;
  files: WorkstationFiles;
}

export function applyText(target: ApplyTarget, text: string): ApplyResult {
  let output = '';
  const io = { out: (s: string) => void (output += s), err: (s: string) => void (output += s) };
  const status = drive(target.cluster, kubectl(['apply', '-f', '-'], { cluster: target.cluster, io, files: target.files, stdin: text }));
  const found = diagnoseText(text);
  if (status === 0 || found.some((d) => d.severity === 'error')) return { status, output, diagnostics: found };
  return { status, output, diagnostics: [...locateServerErrors(text, output), ...found] };
}

/** apply does not wait today; should it ever yield, its waits are honoured in virtual time. */
function drive(cluster: Cluster, gen: CmdGen): number {
  const HOUR = 3_600_000;
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    const w = r.value;
    if (w.op === 'sleep') cluster.advance(w.ms);
    else if (!cluster.runUntil(w.done, w.deadline ?? cluster.now() + HOUR)) {
      gen.return(1);
      return 1;
    }
  }
}

/**
 * Errors only the live cluster produces (a forbidden pod update, AlreadyExists …) carry no
 * position; place each on the field it names, or on the name of the object it names.
 */
function locateServerErrors(text: string, output: string): Diagnostic[] {
  let docs: ManifestDoc[] = [];
  try {
    docs = parseManifests(text, SOURCE);
  } catch {
    /* diagnoseText already reported the parse error */
  }
  const out: Diagnostic[] = [];
  // An Invalid error lists its causes on the following `* field: …` lines.
  const blocks = output.split(/\n(?!\* )/).filter((b) => /^(error|Error from server|The \w+ ")/.test(b));
  for (const block of blocks) {
    const doc = docs.find((d) => d.object.metadata?.name && block.includes(goQuote(d.object.metadata.name))) ?? docs[0];
    const field = /is invalid: (?:\n\* )?([a-zA-Z][\w.[\]]*): /.exec(block)?.[1];
    let pos = doc && field ? nearest(doc, parseFieldPath(field)) : undefined;
    if (!pos && doc) pos = doc.positionOf(['metadata', 'name']) ?? doc.positionOf([]);
    out.push({ severity: 'error', message: block.trim(), line: pos?.line, column: pos?.column, source: 'kubectl', path: field });
  }
  return out;
}

function nearest(doc: ManifestDoc, path: PathSegment[]): { line: number; column: number } | undefined {
  for (let n = path.length; n > 0; n--) {
    const p = doc.positionOf(path.slice(0, n));
    if (p) return p;
  }
  return undefined;
}
