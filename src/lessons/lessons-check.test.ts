// `podlab lessons check` in CI: every lesson under lessons/ loads, its solution passes, its start
// state does not, and its predictions match the simulator. Plus the checker catching broken lessons.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsCheck, runLessonsCommand } from '../cli/lessons';
import { DEFAULT_LESSONS_DIR } from './node-source';

function copyLesson(slug: string): { dir: string; folder: string } {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-lessons-'));
  cpSync(join(DEFAULT_LESSONS_DIR, slug), join(dir, slug), { recursive: true });
  return { dir, folder: join(dir, slug) };
}

function edit(folder: string, file: string, fn: (s: string) => string): void {
  const p = join(folder, file);
  writeFileSync(p, fn(readFileSync(p, 'utf8')));
}

describe('podlab lessons check', () => {
  it('passes every lesson in lessons/', () => {
    const r = lessonsCheck();
    expect(r.output).not.toContain('✗');
    expect(r.ok).toBe(true);
    expect(r.output.match(/^✓ /gm)?.length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('reports a prediction whose answer is not what the simulator shows', () => {
    const { dir, folder } = copyLesson('02-ipc');
    edit(folder, 'README.md', (s) => s.replace('      answer: Completed\n', '      answer: Running\n'));
    const r = lessonsCheck({ dir });
    expect(r.ok).toBe(false);
    expect(r.output).toContain('step "mc2": the prediction\'s answer is "Running" but after 30 s the simulator shows "Completed"');
  }, 60_000);

  it('reports a solution that does not pass its step, naming the pending check', () => {
    const { dir, folder } = copyLesson('01-shared-volumes');
    edit(folder, 'solution/notes.yaml', (s) => s.replace('echo ready > /out/status', 'echo steady > /out/other'));
    const r = lessonsCheck({ dir });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/step "exercise": after its solution and 60 s, still pending: File `\/in\/status` in container `reader` of pod `notes` contains “ready” — \/in\/status does not exist/);
  }, 60_000);

  it('reports a first step that passes without the learner doing anything', () => {
    const { dir, folder } = copyLesson('01-shared-volumes');
    // A check of something every cluster has: the first step would pass on its own.
    edit(folder, 'README.md', (s) => s.replace(/(  - id: mc1\n(?:.*\n)*?    checks:\n)(?:      .*\n)+/, '$1      - kind: object\n        resource: Service\n        name: kubernetes\n        exists: true\n'));
    const r = lessonsCheck({ dir });
    expect(r.output).toContain('step "mc1": its checks already pass on a fresh cluster where the learner did nothing');
  }, 60_000);

  it('reports a start manifest that already passes its step', () => {
    const { dir, folder } = copyLesson('02-ipc');
    writeFileSync(join(folder, 'start/mc2-wait.yaml'), readFileSync(join(folder, 'solution/mc2-wait.yaml'), 'utf8').replace('# Make', '# (already fixed) Make'));
    const r = lessonsCheck({ dir });
    expect(r.output).toContain('step "wait-loop": applying its start manifest unchanged already passes the step');
  }, 60_000);

  it('reports a lesson the loader rejects with file and line, and the course rules', () => {
    const { dir, folder } = copyLesson('03-localhost-networking');
    edit(folder, 'README.md', (s) => s.replace('        reason: BackOff\n', '        reason: BackOff\n        colour: red\n'));
    let r = lessonsCheck({ dir });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/lessons\/03-localhost-networking\/README\.md:\d+: steps\[3\]\.checks\[2\]: unknown field "colour"/);

    const two = copyLesson('01-shared-volumes');
    edit(two.folder, 'README.md', (s) => s.replace('    start: blank\n', '    start: [start/mc1.yaml]\n'));
    r = lessonsCheck({ dir: two.dir });
    expect(r.output).toContain('its final step "exercise" must be an exercise without a start manifest (start: blank)');
  }, 60_000);

  it('says which lesson names exist when asked for an unknown one; usage for a bad subcommand', () => {
    const out: string[] = [];
    expect(runLessonsCommand(['check', 'nope'], (s) => out.push(s))).toBe(1);
    expect(out.join('')).toMatch(/no lesson "nope" in .* \(lessons: 01-shared-volumes, 02-ipc, 03-localhost-networking/);
    expect(runLessonsCommand(['grade'], (s) => out.push(s))).toBe(2);
    expect(out.join('')).toContain('usage: podlab lessons check');
  });

  it('sections solution.sh must match the steps', () => {
    const { dir, folder } = copyLesson('02-ipc');
    edit(folder, 'solution.sh', (s) => s.replace('# step: logs\n', '# step: lgos\n'));
    const r = lessonsCheck({ dir });
    expect(r.output).toContain('solution.sh\'s "# step:" sections (mc2, lgos, race, wait-loop, sidecar, exercise) must be the lesson\'s steps in order (mc2, logs, race, wait-loop, sidecar, exercise)');
  });
});
