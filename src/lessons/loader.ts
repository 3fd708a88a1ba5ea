/**
 * Lesson files → a validated Lesson, or a LessonError listing every problem with its file and
 * line. Pure: the caller supplies the files (node-source.ts from disk, catalog.ts in the browser).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { checksFileSchema, frontMatterSchema } from './schema';
import { lineOfPath, splitReadme, type ReadmeParts } from './readme';
import { parseFolderName } from './summary';
import { kubectlCommandProblem } from './kubectl-words';
import { LessonError, type CheckSpec, type Lesson, type LessonProblem, type Step } from './types';

let validators: { front: ValidateFunction; checks: ValidateFunction } | undefined;

function compile() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, discriminator: true, strict: false });
    validators = { front: ajv.compile(frontMatterSchema), checks: ajv.compile(checksFileSchema) };
  }
  return validators;
}

/** `/steps/0/checks/1` → ['steps', 0, 'checks', 1]. */
function pointer(p: string): Array<string | number> {
  return p
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function where(path: Array<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || '(top level)';
}

/** One readable sentence per ajv error; drops the "must match a schema in oneOf" noise its children explain. */
export function describeAjvErrors(errors: ErrorObject[]): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const path = pointer(e.instancePath);
    let msg: string;
    if (e.keyword === 'additionalProperties') msg = `unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    else if (e.keyword === 'required') msg = `missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
    else if (e.keyword === 'enum') msg = `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'discriminator') {
      const p = e.params as { error: string; tag: string; tagValue?: unknown };
      msg = p.error === 'mapping' ? `unknown check kind ${JSON.stringify(p.tagValue)} (kinds: pod, container, log, exec, http, file, event, kubectl, object, ran)` : `every check needs a "kind"`;
    } else if (e.keyword === 'const') msg = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    else msg = e.message ?? e.keyword;
    const key = `${e.instancePath}|${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message: `${where(path)}: ${msg}` });
  }
  return out;
}

const TEXT_KINDS = new Set(['log', 'exec', 'file', 'kubectl', 'http']);

/** Rules the schema cannot express, for one check. */
function checkSemantics(c: CheckSpec, ids: Set<string>, at: string): string[] {
  const errs: string[] = [];
  const tm = c as { contains?: string; matches?: string; equals?: string };
  const texts = ['contains', 'matches', 'equals'].filter((k) => (tm as Record<string, unknown>)[k] !== undefined);
  if (TEXT_KINDS.has(c.kind)) {
    const optional = c.kind === 'http' || (c.kind === 'file' && c.exists === false) || (c.kind === 'exec' && c.exitCode !== undefined);
    if (texts.length > 1) errs.push(`${at}: give only one of contains, matches, equals`);
    if (!texts.length && !optional) errs.push(`${at}: a ${c.kind} check needs one of contains, matches, equals`);
  }
  const regexes: string[] = [];
  if (tm.matches !== undefined) regexes.push(tm.matches);
  if (c.kind === 'event' && c.message) regexes.push(c.message);
  for (const r of regexes) {
    try {
      new RegExp(r, 'm');
    } catch (e) {
      errs.push(`${at}: invalid regular expression /${r}/: ${(e as Error).message}`);
    }
  }
  if (c.kind === 'pod' && c.phase === undefined && c.status === undefined && c.ready === undefined && c.restartsAtLeast === undefined) errs.push(`${at}: a pod check needs at least one of phase, status, ready, restartsAtLeast`);
  if (c.kind === 'http') {
    if (!!c.pod === !!c.service) errs.push(`${at}: an http check needs exactly one of pod, service`);
    if (c.nodePort && !c.service) errs.push(`${at}: nodePort needs a service`);
    if (c.pod && c.port === undefined) errs.push(`${at}: an http check of a pod needs its port`);
  }
  if (c.kind === 'file' && c.container && c.volume) errs.push(`${at}: give container or volume, not both`);
  if (c.kind === 'file' && c.exists === false && texts.length) errs.push(`${at}: a file that must not exist has no content to match`);
  if (c.kind === 'ran' && !!c.command === !!c.matches) errs.push(`${at}: a ran check needs exactly one of command, matches`);
  if (c.kind === 'kubectl' && /^\s*kubectl\b/.test(c.command)) errs.push(`${at}: write the kubectl command without "kubectl" (e.g. "get pods")`);
  if (c.kind === 'kubectl' && !/^\s*kubectl\b/.test(c.command)) {
    const p = kubectlCommandProblem(c.command);
    if (p) errs.push(`${at}: ${p}`);
  }
  if (c.before !== undefined && !ids.has(c.before)) errs.push(`${at}: "before" names check id "${c.before}", which no check of this step has`);
  return errs;
}

export function loadLesson(folder: string, files: Record<string, string>): Lesson {
  const file = `lessons/${folder}/README.md`;
  const problems: LessonProblem[] = [];
  const name = parseFolderName(folder);
  if (!name) problems.push({ file: `lessons/${folder}`, message: 'a lesson folder is named NN-slug (two digits, a dash, lowercase words joined by dashes)' });
  const readme = files['README.md'];
  if (readme === undefined) throw new LessonError([...problems, { file, message: 'missing README.md' }]);
  const parts = splitReadme(readme, file);
  problems.push(...parts.problems);
  if (!parts.doc || parts.problems.length) throw new LessonError(problems);

  const fm = parts.doc.toJS() as Record<string, unknown>;
  const { front } = compile();
  if (!front(fm)) {
    for (const e of describeAjvErrors(front.errors ?? [])) problems.push({ file, line: lineOfPath(parts, e.path), message: e.message });
    throw new LessonError(problems);
  }
  const raw = fm as unknown as { title: string; summary: string; level: Lesson['level']; minutes: number; objectives: string[]; topics: string[]; domains: string[]; seed?: number; steps: Array<Omit<Step, 'title' | 'body' | 'line' | 'hints' | 'checks' | 'within'> & { hints?: string[]; checks?: CheckSpec[]; within?: number }> };

  // checks.yaml adds checks per step id.
  const extra = loadChecksFile(folder, files, problems);

  if (raw.steps.length !== parts.sections.length) {
    problems.push({ file, line: lineOfPath(parts, ['steps']), message: `front matter lists ${raw.steps.length} steps but the text has ${parts.sections.length} "## " step sections; they are matched in order` });
  }
  const stepIds = new Set<string>();
  const steps: Step[] = [];
  raw.steps.forEach((s, i) => {
    const line = (p: Array<string | number>) => lineOfPath(parts, ['steps', i, ...p]);
    if (stepIds.has(s.id)) problems.push({ file, line: line(['id']), message: `steps[${i}].id: duplicate step id "${s.id}"` });
    stepIds.add(s.id);
    const checks = [...(s.checks ?? []), ...(extra.get(s.id) ?? [])];
    if (!checks.length) problems.push({ file, line: line([]), message: `steps[${i}] ("${s.id}") has no checks (in the front matter or checks.yaml)` });
    const ids = new Set(checks.map((c) => c.id).filter((x): x is string => !!x));
    checks.forEach((c, j) => {
      for (const m of checkSemantics(c, ids, `steps[${i}].checks[${j}]`)) problems.push({ file, line: j < (s.checks?.length ?? 0) ? line(['checks', j]) : undefined, message: m });
    });
    for (const f of Array.isArray(s.start) ? s.start : []) {
      if (files[f] === undefined) problems.push({ file, line: line(['start']), message: `steps[${i}].start: no file "${f}" in the lesson folder` });
    }
    if (s.solution !== undefined && files[s.solution] === undefined) problems.push({ file, line: line(['solution']), message: `steps[${i}].solution: no file "${s.solution}" in the lesson folder` });
    if (s.predict) {
      const p = s.predict;
      if (!p.choices.includes(p.answer)) problems.push({ file, line: line(['predict', 'answer']), message: `steps[${i}].predict.answer "${p.answer}" is not one of the choices` });
      for (const m of checkSemantics(p.when, new Set(), `steps[${i}].predict.when`)) problems.push({ file, line: line(['predict', 'when']), message: m });
      const o = p.observe;
      if (o.kind === 'kubectl' ? !o.command : !o.pod) problems.push({ file, line: line(['predict', 'observe']), message: `steps[${i}].predict.observe: ${o.kind === 'kubectl' ? 'needs a command' : 'needs a pod'}` });
      if (o.kind === 'log-last-line' && !o.container) problems.push({ file, line: line(['predict', 'observe']), message: `steps[${i}].predict.observe: log-last-line needs a container` });
    }
    const sec = parts.sections[i];
    steps.push({ ...s, title: sec?.title ?? s.id, body: sec?.body ?? '', line: sec?.line ?? 0, hints: s.hints ?? [], checks, within: s.within ?? 60 });
  });
  for (const id of extra.keys()) if (!stepIds.has(id)) problems.push({ file: `lessons/${folder}/checks.yaml`, message: `checks for step "${id}", which the front matter does not list` });
  if (problems.length) throw new LessonError(problems);

  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (k !== 'README.md') rest[k] = v;
  return {
    slug: folder,
    order: name!.order,
    title: raw.title,
    summary: raw.summary,
    level: raw.level,
    minutes: raw.minutes,
    topics: raw.topics,
    domains: raw.domains,
    objectives: raw.objectives,
    seed: raw.seed ?? 1,
    stepCount: steps.length,
    intro: parts.intro,
    steps,
    files: rest,
  };
}

function loadChecksFile(folder: string, files: Record<string, string>, problems: LessonProblem[]): Map<string, CheckSpec[]> {
  const out = new Map<string, CheckSpec[]>();
  const text = files['checks.yaml'];
  if (text === undefined) return out;
  const file = `lessons/${folder}/checks.yaml`;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file, line: lineCounter.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` });
    return out;
  }
  const data = doc.toJS() as unknown;
  const { checks } = compile();
  if (!checks(data)) {
    const parts = { doc, lineCounter, frontLine: 1 } as unknown as ReadmeParts;
    for (const e of describeAjvErrors(checks.errors ?? [])) problems.push({ file, line: lineOfPath(parts, e.path), message: e.message });
    return out;
  }
  for (const [id, list] of Object.entries(data as Record<string, CheckSpec[]>)) out.set(id, list);
  return out;
}
