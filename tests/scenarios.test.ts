/**
 * Scenario transcripts: each tests/scenarios/*.txt is a terminal session recorded from podlab sh
 * and reviewed against what a real v1.32 cluster prints (FIDELITY.md). The commands are read back
 * out of the transcript and replayed; the output must match byte for byte.
 * `UPDATE_SCENARIOS=1 npx vitest run tests/scenarios.test.ts` rewrites them (then review the diff).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell } from '../src/cli/sh';
import { scriptFromTranscript } from '../src/sim/workstation/transcript';

const dir = join(__dirname, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('scenario transcripts', () => {
  it('has transcripts', () => expect(files.length).toBeGreaterThan(0));
  for (const f of files) {
    it(f.replace(/\.txt$/, ''), () => {
      const path = join(dir, f);
      const expected = readFileSync(path, 'utf8');
      const { script, options } = scriptFromTranscript(expected);
      let out = '';
      runShell(script, { seed: options.seed ?? 1, start: options.start ? Date.parse(options.start) : undefined, home: join(dir, 'home') }, (s) => (out += s));
      if (process.env.UPDATE_SCENARIOS) writeFileSync(path, out);
      else expect(out).toBe(expected);
    });
  }
});
