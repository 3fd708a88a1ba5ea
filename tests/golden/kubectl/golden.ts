/**
 * Loads a golden recorded from the real kubectl (scripts/kubectl-reference/record.mjs): the exact
 * stdout, the `now` kubectl effectively printed at, and the fixture objects moved to that moment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper shared with the recorder
import { fixturesAt, GOLDEN_DIR } from '../../../scripts/kubectl-reference/fixtures.mjs';

export interface Golden {
  text: string;
  now: number;
  exitCode: number;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  objects: Record<string, any[]>;
}

export function goldenExists(name: string): boolean {
  return existsSync(join(GOLDEN_DIR, `${name}.txt`));
}

export function loadGolden(name: string): Golden {
  const text = readFileSync(join(GOLDEN_DIR, `${name}.txt`), 'utf8');
  const sidecar = JSON.parse(readFileSync(join(GOLDEN_DIR, `${name}.json`), 'utf8'));
  // The recorder moved FIXTURE_NOW to the whole second N and stored now = N + 500ms.
  const objects = fixturesAt(sidecar.now - 500);
  return { text, now: sidecar.now, exitCode: sidecar.exitCode, stderr: sidecar.stderr, objects };
}
