/**
 * The engine must be deterministic and headless: no wall clock, real timers or Math.random, and
 * no UI or Node imports, anywhere in src/sim (tests excepted). The sim tsconfig already refuses
 * DOM and Node types; this catches what the ES library itself allows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'generated' ? [] : files(p);
    return /\.ts$/.test(n) && !/\.test\.ts$/.test(n) && n !== 'testing.ts' ? [p] : [];
  });
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bDate\.now\(/, 'Date.now()'],
  [/new Date\(\s*\)/, 'new Date() without an instant'],
  [/\bMath\.random\(/, 'Math.random()'],
  [/\bperformance\.now\(/, 'performance.now()'],
  [/\bset(Timeout|Interval|Immediate)\(/, 'real timers'],
  [/from ['"](react|react-dom|monaco-editor|@xterm\/xterm|zustand|node:[a-z_/]+|fs|path|os|child_process)['"]/, 'UI or Node imports'],
  [/\b(document|window|localStorage)\./, 'DOM globals'],
];

it('src/sim uses no wall clock, randomness, timers, DOM or Node APIs', () => {
  const root = join(__dirname, '..');
  const problems: string[] = [];
  for (const f of files(join(root, 'src/sim'))) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((l, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(l)) return;
      for (const [re, what] of FORBIDDEN) if (re.test(l)) problems.push(`${relative(root, f)}:${i + 1}: ${what}`);
    });
  }
  expect(problems).toEqual([]);
});
