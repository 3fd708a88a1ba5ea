// The loader: a valid lesson loads with its steps matched to sections; malformed ones are rejected
// with messages that name the file and the line.
import { describe, expect, it } from 'vitest';
import { loadLesson } from './loader';
import { LessonError } from './types';
import { summarize } from './summary';
import { splitReadme } from './readme';

const FRONT = `title: Tiny lesson
summary: A lesson used by the loader's tests only.
level: beginner
minutes: 5
objectives: [Learn]
topics: [pods]
domains: ["CKAD: Application Design and Build"]
steps:
  - id: one
    mode: editor
    start: [start/pod.yaml]
    solution: solution/pod.yaml
    hints: [First hint]
    checks:
      - kind: pod
        pod: web
        status: Running
  - id: two
    mode: terminal
    checks:
      - kind: ran
        command: kubectl get pods
`;

const BODY = `Intro text.

## First step

Apply it.

\`\`\`sh
## not a heading inside a fence
\`\`\`

## Second step

Look.
`;

const files = (front = FRONT, body = BODY, extra: Record<string, string> = {}) => ({
  'README.md': `---\n${front}---\n\n${body}`,
  'start/pod.yaml': 'kind: Pod\n',
  'solution/pod.yaml': 'kind: Pod\n',
  ...extra,
});

function problems(f: Record<string, string>, folder = '09-tiny'): string[] {
  try {
    loadLesson(folder, f);
  } catch (e) {
    if (e instanceof LessonError) return e.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('loadLesson', () => {
  it('loads a valid lesson: front matter, intro, steps matched to ## sections (fences ignored), files', () => {
    const l = loadLesson('09-tiny', files());
    expect(l.order).toBe(9);
    expect(l.title).toBe('Tiny lesson');
    expect(l.intro).toBe('Intro text.');
    expect(l.steps.map((s) => [s.id, s.title])).toEqual([
      ['one', 'First step'],
      ['two', 'Second step'],
    ]);
    expect(l.steps[0].body).toContain('## not a heading inside a fence');
    expect(l.steps[0].within).toBe(60);
    expect(l.steps[1].hints).toEqual([]);
    expect(l.files['start/pod.yaml']).toBe('kind: Pod\n');
    expect(l.files['README.md']).toBeUndefined();
    expect(l.seed).toBe(1);
  });

  it('gives the README line of each step heading', () => {
    const l = loadLesson('09-tiny', files());
    const lines = files()['README.md'].split('\n');
    expect(lines[l.steps[0].line - 1]).toBe('## First step');
    expect(lines[l.steps[1].line - 1]).toBe('## Second step');
  });

  it('rejects a missing front matter, an unclosed one, and invalid YAML with lines', () => {
    expect(problems({ 'README.md': '# Hello\n' })).toEqual(['lessons/09-tiny/README.md:1: README.md must start with YAML front matter between "---" lines']);
    expect(problems({ 'README.md': '---\ntitle: x\n' })).toEqual(['lessons/09-tiny/README.md:1: front matter starts with "---" but has no closing "---" line']);
    const p = problems({ 'README.md': '---\ntitle: x\nsteps: [\n---\n' });
    expect(p[0]).toMatch(/^lessons\/09-tiny\/README\.md:\d+: front matter is not valid YAML: /);
  });

  it('names the field and its line for schema errors', () => {
    const bad = FRONT.replace('        status: Running\n', '        status: Running\n        colour: red\n').replace('level: beginner', 'level: expert');
    const p = problems(files(bad));
    const readme = files(bad)['README.md'].split('\n');
    const colour = readme.findIndex((l) => l.includes('colour: red')) + 1;
    const level = readme.findIndex((l) => l.startsWith('level:')) + 1;
    const colourError = p.find((x) => x.endsWith('steps[0].checks[0]: unknown field "colour"'));
    expect(colourError).toMatch(/^lessons\/09-tiny\/README\.md:\d+: /);
    // The line is the offending check's (its first line up to the field itself).
    const colourLine = Number(colourError!.split(':')[1]);
    expect(colourLine).toBeGreaterThanOrEqual(colour - 3);
    expect(colourLine).toBeLessThanOrEqual(colour);
    expect(p).toContain(`lessons/09-tiny/README.md:${level}: level: must be one of "beginner", "intermediate", "advanced"`);
  });

  it('says which check kinds exist for an unknown kind', () => {
    const p = problems(files(FRONT.replace('kind: ran', 'kind: ping')));
    expect(p.some((x) => /steps\[1\]\.checks\[0\]: unknown check kind "ping" \(kinds: pod, container, log, exec, http, file, event, kubectl, object, ran\)/.test(x))).toBe(true);
  });

  it('checks the rules the schema cannot say', () => {
    const front = FRONT.replace(
      '      - kind: ran\n        command: kubectl get pods\n',
      [
        '      - kind: log',
        '        pod: web',
        '        container: app',
        '      - kind: log',
        '        pod: web',
        '        container: app',
        '        matches: "(unclosed"',
        '      - kind: http',
        '        pod: web',
        '      - kind: kubectl',
        '        command: delete pod web',
        '        contains: x',
        '      - kind: ran',
        '        command: kubectl get pods',
        '        before: nowhere',
        '      - kind: pod',
        '        pod: web',
        '',
      ].join('\n'),
    );
    const p = problems(files(front)).map((x) => x.replace(/^[^ ]+ /, ''));
    expect(p).toEqual([
      'steps[1].checks[0]: a log check needs one of contains, matches, equals',
      expect.stringMatching(/^steps\[1\]\.checks\[1\]: invalid regular expression \/\(unclosed\/: /),
      'steps[1].checks[2]: an http check of a pod needs its port',
      'steps[1].checks[3]: "delete" is not a read-only kubectl verb (allowed: get, describe, logs, explain, api-resources, api-versions, version, cluster-info, top, events)',
      'steps[1].checks[4]: "before" names check id "nowhere", which no check of this step has',
      'steps[1].checks[5]: a pod check needs at least one of phase, status, ready, restartsAtLeast',
    ]);
  });

  it('requires files it names, sections for every step, a valid prediction, a lesson folder name', () => {
    const front = FRONT.replace('start: [start/pod.yaml]', 'start: [start/missing.yaml]').replace(
      '    hints: [First hint]\n',
      '    hints: [First hint]\n    predict:\n      question: What?\n      choices: [A, B]\n      answer: C\n      when: { kind: object, resource: Pod, name: web, exists: true }\n      after: 5\n      observe: { kind: status, pod: web }\n',
    );
    const p = problems(files(front, 'Intro.\n\n## Only one step\n'), 'tiny');
    expect(p).toContain('lessons/tiny: a lesson folder is named NN-slug (two digits, a dash, lowercase words joined by dashes)');
    expect(p.some((x) => /README\.md:\d+: front matter lists 2 steps but the text has 1 "## " step sections; they are matched in order/.test(x))).toBe(true);
    expect(p.some((x) => /README\.md:\d+: steps\[0\]\.start: no file "start\/missing\.yaml" in the lesson folder/.test(x))).toBe(true);
    expect(p.some((x) => /README\.md:\d+: steps\[0\]\.predict\.answer "C" is not one of the choices/.test(x))).toBe(true);
  });

  it('merges checks.yaml by step id and reports its own errors with its lines', () => {
    const front = FRONT.replace('    checks:\n      - kind: ran\n        command: kubectl get pods\n', '');
    const ok = loadLesson('09-tiny', files(front, BODY, { 'checks.yaml': 'two:\n  - kind: ran\n    command: kubectl get pods\n' }));
    expect(ok.steps[1].checks).toEqual([{ kind: 'ran', command: 'kubectl get pods' }]);
    expect(problems(files(front, BODY, { 'checks.yaml': 'two:\n  - kind: ran\n    comand: x\n' }))).toContain('lessons/09-tiny/checks.yaml:2: two[0]: unknown field "comand"');
    expect(problems(files(front, BODY, { 'checks.yaml': 'three:\n  - kind: ran\n    command: x\n' }))).toEqual([
      'lessons/09-tiny/README.md:19: steps[1] ("two") has no checks (in the front matter or checks.yaml)',
      'lessons/09-tiny/checks.yaml: checks for step "three", which the front matter does not list',
    ]);
  });
});

describe('summarize (course index, no validation)', () => {
  it('reads title, level, minutes, step count and seed; ignores folders without NN-', () => {
    const s = summarize('09-tiny', files()['README.md']);
    expect(s).toMatchObject({ slug: '09-tiny', order: 9, title: 'Tiny lesson', level: 'beginner', minutes: 5, stepCount: 2, seed: 1, topics: ['pods'] });
    expect(summarize('notes', '---\ntitle: x\n---\n')).toBeUndefined();
    // A broken lesson still lists (the checker is what rejects it).
    expect(summarize('10-broken', 'no front matter')?.title).toBe('10-broken');
  });

  it('splitReadme keeps intro and sections apart', () => {
    const p = splitReadme('---\na: 1\n---\nhello\n## A\nx\n## B\ny\n', 'f');
    expect(p.intro).toBe('hello');
    expect(p.sections.map((s) => [s.title, s.body, s.line])).toEqual([
      ['A', 'x', 5],
      ['B', 'y', 7],
    ]);
  });
});
