// Shared by the recorder, the stub API server and the golden tests: loads the fixture objects and
// moves every timestamp by a whole number of seconds. kubectl measures ages against the real wall
// clock, so the recorder moves the fixtures next to the moment it runs kubectl and stores that
// moment; the tests move the fixtures the same way and call the printers with the stored moment.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The instant the hand-written fixture timestamps are relative to. */
export const FIXTURE_NOW = '2025-06-13T09:00:00Z';

const here = dirname(fileURLToPath(import.meta.url));
export const GOLDEN_DIR = join(here, '../../tests/golden/kubectl');
export const FIXTURE_DIR = join(GOLDEN_DIR, 'fixtures');

export const FIXTURE_KINDS = ['pods', 'services', 'endpoints', 'endpointslices', 'events', 'configmaps', 'secrets', 'namespaces', 'nodes'];

/** @returns {Record<string, any[]>} fixture objects by resource name, unshifted. */
export function loadFixtures(dir = FIXTURE_DIR) {
  const out = {};
  for (const kind of FIXTURE_KINDS) out[kind] = JSON.parse(readFileSync(join(dir, `${kind}.json`), 'utf8'));
  return out;
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/;

/** Returns a deep copy of `value` with every RFC 3339 timestamp string moved by `deltaSeconds`. */
export function shiftTimestamps(value, deltaSeconds) {
  if (typeof value === 'string') {
    const m = TIMESTAMP.exec(value);
    if (!m) return value;
    const whole = Date.parse(m[1] + 'Z') + deltaSeconds * 1000;
    return new Date(whole).toISOString().replace(/\.\d{3}Z$/, '') + (m[2] ?? '') + 'Z';
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimestamps(v, deltaSeconds));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = shiftTimestamps(v, deltaSeconds);
    return out;
  }
  return value;
}

/** Fixtures as served at wall-clock instant `nowMs` (a whole second). */
export function fixturesAt(nowMs, dir = FIXTURE_DIR) {
  const delta = Math.round((nowMs - Date.parse(FIXTURE_NOW)) / 1000);
  return shiftTimestamps(loadFixtures(dir), delta);
}
