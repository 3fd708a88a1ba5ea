import { describe, expect, it } from 'vitest';
import { LogIndex, formatForCopy, searchLines, splitMatches, type LogLine } from './logs-model';
import { CRASHER, START, TWO_CONTAINERS, world } from './test-world.test-util';

describe('LogIndex', () => {
  it('merges a pod\'s containers in time order and selects one container', () => {
    const w = world();
    w.run(TWO_CONTAINERS);
    w.run('sleep 20');
    const idx = new LogIndex();
    idx.add(w.cluster.trace.entries);
    expect(idx.containersOf('default', 'mc1').map((c) => c.name)).toEqual(['setup', 'logger', 'web', 'writer']);
    const merged = idx.select({ namespace: 'default', pod: 'mc1' });
    expect(merged[0]).toMatchObject({ container: 'setup', line: 'preparing' });
    for (let i = 1; i < merged.length; i++) expect(merged[i].t).toBeGreaterThanOrEqual(merged[i - 1].t);
    const writer = idx.select({ namespace: 'default', pod: 'mc1', container: 'writer' });
    expect(writer.length).toBeGreaterThan(5);
    expect(writer.every((l) => l.line === 'wrote')).toBe(true);
    // Only lines up to the cursor.
    const firstWrite = writer[0].t;
    expect(idx.select({ namespace: 'default', pod: 'mc1', container: 'writer' }, firstWrite)).toHaveLength(1);
    expect(idx.select({ namespace: 'default', pod: 'mc1' }, START - 1)).toHaveLength(0);
  });

  it('keeps each instance apart: the latest by default, the previous one on request', () => {
    const w = world();
    w.run(CRASHER);
    w.run('sleep 30');
    const idx = new LogIndex();
    idx.add(w.cluster.trace.entries);
    const [app] = idx.containersOf('default', 'crash');
    expect(app.attempts.length).toBeGreaterThanOrEqual(2);
    const last = app.attempts[app.attempts.length - 1];
    expect(idx.select({ namespace: 'default', pod: 'crash', container: 'app' }).map((l) => l.attempt)).toEqual([last]);
    expect(idx.select({ namespace: 'default', pod: 'crash', container: 'app', attempt: last - 1 }).map((l) => [l.attempt, l.line])).toEqual([[last - 1, 'starting']]);
    // At an earlier cursor the latest instance is the one that had logged by then.
    const firstLine = idx.lines[0].t;
    expect(idx.select({ namespace: 'default', pod: 'crash', container: 'app' }, firstLine).map((l) => l.attempt)).toEqual([0]);
  });

  it('searches case-insensitively, splits matches for highlighting, and formats a copy like kubectl logs --prefix --timestamps', () => {
    const mk = (line: string, t: number): LogLine => ({ t, kind: 'log', pod: 'p', namespace: 'default', container: 'c', attempt: 0, stream: 'stdout', line });
    const lines = [mk('GET /index.html 200', START), mk('get /missing 404', START + 1500), mk('ready', START + 2000)];
    expect(searchLines(lines, 'GeT')).toEqual([0, 1]);
    expect(searchLines(lines, '')).toEqual([]);
    expect(splitMatches('a GET b get', 'get')).toEqual(['a ', 'GET', ' b ', 'get', '']);
    expect(formatForCopy(lines.slice(1, 2), { timestamps: true, prefix: true })).toBe('[pod/p/c] 2025-01-15T10:00:01.500000000Z get /missing 404\n');
  });

  it('indexes 100,000 lines quickly', () => {
    const idx = new LogIndex();
    const batch = Array.from({ length: 100_000 }, (_, i) => ({ t: START + i * 10, kind: 'log' as const, pod: 'big', namespace: 'default', container: i % 2 ? 'a' : 'b', attempt: 0, stream: 'stdout' as const, line: `line ${i}` }));
    const t0 = performance.now();
    idx.add(batch);
    const sel = idx.select({ namespace: 'default', pod: 'big', container: 'a' }, START + 500_000);
    const hits = searchLines(sel, 'line 4');
    const ms = performance.now() - t0;
    expect(sel).toHaveLength(25_000);
    expect(hits.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(2000); // one linear pass (a quadratic one takes minutes), with headroom for a loaded CI machine
  });
});
