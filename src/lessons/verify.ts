/**
 * Proving a lesson works, on the same engine the browser runs (`podlab lessons check`):
 *   1. doing nothing fails the first step: after the step's time has passed on a fresh cluster,
 *      at least one of its checks is still pending; and a step that gives the learner a manifest
 *      to change does not pass when that manifest is applied unchanged;
 *   2. the solution passes: solution.sh runs through the headless workstation (the lesson folder
 *      is its home, so `kubectl apply -f solution/x.yaml` applies the solution manifests), section
 *      by section (`# step: ID`); after each section every check of that step must pass within
 *      the step's `within` seconds, and the whole run must fit the lesson's declared minutes;
 *   3. every prediction is right: at its `# predict: ID` marker the question's trigger holds,
 *      virtual time moves `after` seconds (the learner answered, then watched), and what the
 *      simulator shows equals the answer;
 *   4. the course's rules for a lesson: 4–8 steps, a prediction, a terminal step and an editor
 *      step, and a final exercise that starts from a blank editor.
 */
import { Cluster } from '../sim/cluster';
import { Workstation } from '../sim/workstation/workstation';
import { HomeFiles, type HostFolder } from '../sim/workstation/files';
import { driveHeadless } from '../sim/workstation/driver';
import { splitScript } from '../sim/workstation/script';
import { DEFAULT_START } from '../sim/cluster';
import { CheckSession } from './checks/session';
import { describeCheck } from './checks/describe';
import { evaluateCheck } from './checks/evaluate';
import type { Lesson, Step } from './types';
import { splitSolution, type Section } from './solution-script';

export interface VerifyReport {
  slug: string;
  problems: string[];
  /** One line per step: how long its solution took to pass, in virtual seconds. */
  notes: string[];
  /** The solution run as a transcript (for --verbose and debugging). */
  transcript: string;
  virtualSeconds: number;
}

function folderOf(files: Record<string, string>): HostFolder {
  const dirs = new Set<string>(['.']);
  for (const p of Object.keys(files)) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    read: (p) => files[p],
    isDir: (p) => dirs.has(p),
    list: (p) => {
      const prefix = p === '.' ? '' : p + '/';
      const names = new Set<string>();
      for (const k of [...Object.keys(files), ...dirs]) if (k.startsWith(prefix) && k !== p && k.length > prefix.length) names.add(k.slice(prefix.length).split('/')[0]);
      return [...names].sort();
    },
  };
}

function courseRules(lesson: Lesson): string[] {
  const p: string[] = [];
  const n = lesson.steps.length;
  if (n < 4 || n > 8) p.push(`has ${n} steps; a lesson has 4 to 8`);
  if (!lesson.steps.some((s) => s.predict)) p.push('has no prediction prompt');
  if (!lesson.steps.some((s) => s.mode === 'terminal')) p.push('has no step done in the terminal');
  if (!lesson.steps.some((s) => s.mode === 'editor')) p.push('has no step done in the editor');
  const last = lesson.steps[n - 1];
  if (last && last.start !== 'blank') p.push(`its final step "${last.id}" must be an exercise without a start manifest (start: blank)`);
  return p;
}

export function verifyLesson(lesson: Lesson): VerifyReport {
  const report: VerifyReport = { slug: lesson.slug, problems: courseRules(lesson), notes: [], transcript: '', virtualSeconds: 0 };
  const script = lesson.files['solution.sh'];
  if (script === undefined) {
    report.problems.push('has no solution.sh');
    return report;
  }
  const { sections, problems } = splitSolution(script);
  report.problems.push(...problems);
  const ids = lesson.steps.map((s) => s.id);
  const got = sections.map((s) => s.stepId);
  if (got.join(',') !== ids.join(',')) report.problems.push(`solution.sh's "# step:" sections (${got.join(', ') || 'none'}) must be the lesson's steps in order (${ids.join(', ')})`);
  if (report.problems.length) return report;

  checkStartFails(lesson, report);
  checkStartManifestsFail(lesson, report);
  runSolution(lesson, sections, report);
  return report;
}

/** 1. Doing nothing must not pass step one. */
function checkStartFails(lesson: Lesson, report: VerifyReport): void {
  const cluster = new Cluster({ seed: lesson.seed, start: DEFAULT_START, traceLogs: false });
  const session = new CheckSession(cluster, () => []);
  const first = lesson.steps[0];
  cluster.advance(first.within * 1000);
  const a = session.evaluate({ key: first.id, checks: first.checks });
  if (a.results.every((r) => r.passed)) report.problems.push(`step "${first.id}": its checks already pass on a fresh cluster where the learner did nothing`);
}

/**
 * A step that hands the learner a manifest to change must not pass when it is applied unchanged
 * (on a fresh cluster, after the step's time). Steps whose start is their solution are skipped.
 */
function checkStartManifestsFail(lesson: Lesson, report: VerifyReport): void {
  for (const step of lesson.steps) {
    if (!Array.isArray(step.start) || !step.solution) continue;
    const start = step.start.map((f) => lesson.files[f]).join('\n---\n');
    if (start === lesson.files[step.solution]) continue;
    const cluster = new Cluster({ seed: lesson.seed, start: DEFAULT_START, traceLogs: false });
    let out = '';
    const ws = new Workstation(cluster, new HomeFiles(folderOf(lesson.files)), { out: (t) => void (out += t), err: (t) => void (out += t) });
    for (const f of step.start) driveHeadless(ws.run(`kubectl apply -f ${f}`), cluster);
    cluster.advance(step.within * 1000);
    const a = new CheckSession(cluster, () => []).evaluate({ key: step.id, checks: step.checks });
    if (a.results.every((r) => r.passed)) report.problems.push(`step "${step.id}": applying its start manifest unchanged already passes the step`);
    else report.notes.push(`step "${step.id}": its start manifest applied unchanged does not pass (${out.trim().split('\n').join('; ')})`);
  }
}

/** 2 and 3. */
function runSolution(lesson: Lesson, sections: Section[], report: VerifyReport): void {
  const start = DEFAULT_START;
  const cluster = new Cluster({ seed: lesson.seed, start, traceLogs: false });
  let out = '';
  // Like podlab sh: output that did not end its line is followed by one, so each `$ ` starts a line.
  const write = (s: string) => void (out += (s.startsWith('$ ') && out && !out.endsWith('\n') ? '\n' : '') + s);
  const ws = new Workstation(cluster, new HomeFiles(folderOf(lesson.files)), { out: write, err: write });
  const history: string[] = [];
  const session = new CheckSession(cluster, () => history);

  sections.forEach((sec, i) => {
    const step = lesson.steps[i];
    for (const unit of splitScript(sec.lines.join('\n'))) {
      if (unit.kind === 'comment') {
        const m = /^#\s*predict:\s*(\S+)\s*$/.exec(unit.lines[0].trim());
        if (m) checkPrediction(lesson, step, m[1], cluster, history, report, write);
        continue;
      }
      if (unit.kind !== 'command') continue;
      write(`$ ${unit.lines[0]}\n${unit.lines.slice(1).map((l) => `> ${l}\n`).join('')}`);
      history.push(unit.text);
      driveHeadless(ws.run(unit.text), cluster, () => report.problems.push(`step "${step.id}": "${unit.lines[0]}" waits without end; bound it with timeout N`));
    }
    awaitStep(step, cluster, session, report, `${lesson.slug}/${step.id}`);
  });
  report.transcript = out;
  report.virtualSeconds = Math.round((cluster.now() - start) / 1000);
  if (report.virtualSeconds > lesson.minutes * 60) report.problems.push(`the solution takes ${report.virtualSeconds} s of virtual time, more than the lesson's ${lesson.minutes} minutes`);
}

function awaitStep(step: Step, cluster: Cluster, session: CheckSession, report: VerifyReport, key: string): void {
  const t0 = cluster.now();
  for (;;) {
    const a = session.evaluate({ key, checks: step.checks });
    if (a.results.every((r) => r.passed)) {
      report.notes.push(`step "${step.id}" passed ${Math.round((cluster.now() - t0) / 1000)} s after its solution`);
      return;
    }
    if (cluster.now() - t0 >= step.within * 1000) {
      a.results.forEach((r, j) => {
        if (!r.passed) report.problems.push(`step "${step.id}": after its solution and ${step.within} s, still pending: ${describeCheck(step.checks[j])}${r.detail ? ` — ${r.detail}` : ''}`);
      });
      return;
    }
    cluster.advance(1000);
  }
}

function checkPrediction(lesson: Lesson, step: Step, id: string, cluster: Cluster, history: string[], report: VerifyReport, write: (s: string) => void): void {
  const p = step.predict;
  if (id !== step.id || !p) {
    report.problems.push(`solution.sh: "# predict: ${id}" in step "${step.id}", which ${p ? 'is a different step' : 'has no prediction'}`);
    return;
  }
  const when = evaluateCheck(cluster, p.when, { history });
  if (!when.passed) {
    report.problems.push(`step "${step.id}": at "# predict", the question's trigger has not happened: ${describeCheck(p.when)}${when.detail ? ` — ${when.detail}` : ''}`);
    return;
  }
  cluster.advance(p.after * 1000);
  const session = new CheckSession(cluster, () => history);
  const seen = session.evaluate({ key: 'predict', checks: [], observe: [p.observe] }).observed[0];
  write(`# predict: ${step.id} — after ${p.after} s the simulator shows "${seen}" (answer "${p.answer}")\n`);
  if (seen !== p.answer) report.problems.push(`step "${step.id}": the prediction's answer is "${p.answer}" but after ${p.after} s the simulator shows "${seen}"`);
  else report.notes.push(`step "${step.id}": prediction "${p.answer}" confirmed`);
}
