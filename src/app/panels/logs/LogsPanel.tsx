/**
 * Container logs: one pod's containers merged (each line prefixed with its container, in its
 * colour) or one container, its current or previous instance; follow, search with highlights,
 * timestamps, copy. Only lines up to the time cursor. Virtualised: 100,000 lines scroll smoothly.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PanelProps } from '../panel-props';
import { useCursorTime } from '../use-cursor-time';
import { useTraceModels } from '../trace-models';
import { formatForCopy, rfc3339Nano, searchLines, splitMatches, type LogLine } from '../model/logs-model';

const LINE_H = 20;
const COLOURS = 6;

export function LogsPanel({ client }: PanelProps) {
  const models = useTraceModels(client);
  const { t, live } = useCursorTime(client);
  const idx = models.logs;
  const pods = useMemo(() => {
    // Pods that have logged, newest first (the one a learner just applied is the interesting one).
    const logged = idx.pods();
    return logged.reverse();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idx.version]);
  const [podKey, setPodKey] = useState<string>();
  const pod = podKey && pods.includes(podKey) ? podKey : pods[0];
  const [container, setContainer] = useState<string>('');
  const [previous, setPrevious] = useState(false);
  const [follow, setFollow] = useState(true);
  const [timestamps, setTimestamps] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [copied, setCopied] = useState('');
  const [namespace, name] = pod ? pod.split('/') : ['', ''];
  const containers = pod ? idx.containersOf(namespace, name) : [];
  const chosen = containers.find((c) => c.name === container);
  const until = live ? Infinity : t;

  const lines = useMemo<LogLine[]>(() => {
    if (!pod) return [];
    if (!chosen) return idx.select({ namespace, pod: name }, until);
    const latest = idx.select({ namespace, pod: name, container: chosen.name }, until);
    if (!previous) return latest;
    const attempt = (latest[0]?.attempt ?? chosen.attempts[chosen.attempts.length - 1]) - 1;
    return attempt >= 0 ? idx.select({ namespace, pod: name, container: chosen.name, attempt }, until) : [];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idx.version, pod, chosen?.name, previous, until]);
  const colourOf = useMemo(() => new Map(containers.map((c, i) => [c.name, i % COLOURS])), [containers]);
  const matches = useMemo(() => searchLines(lines, query), [lines, query]);
  // Prefixes tell merged containers apart; a pod with one container needs none (as kubectl logs).
  const merged = !chosen && containers.length > 1;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scrollRef.current, estimateSize: () => LINE_H, overscan: 20 });

  // Follow: keep the newest line in view as lines arrive (and when the cursor moves).
  useEffect(() => {
    if (follow && lines.length && !query) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [follow, lines.length, query, virtualizer]);

  const goTo = (i: number) => {
    if (!matches.length) return;
    const k = ((i % matches.length) + matches.length) % matches.length;
    setCurrent(k);
    setFollow(false);
    virtualizer.scrollToIndex(matches[k], { align: 'center' });
  };

  const copy = async () => {
    const text = formatForCopy(lines, { timestamps, prefix: merged });
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`Copied ${lines.length} lines`);
    } catch {
      setCopied('Copy failed: the browser did not allow clipboard access');
    }
    setTimeout(() => setCopied(''), 2500);
  };

  const hasPrevious = !!chosen && (lines.length ? lines[0].attempt > 0 || previous : chosen.attempts.length > 1);

  return (
    <section aria-label="Logs" className="panel panel-logs">
      <div className="panel-toolbar" role="toolbar" aria-label="Log controls">
        <label>
          Pod{' '}
          <select value={pod ?? ''} onChange={(e) => setPodKey(e.target.value)} disabled={!pods.length}>
            {pods.map((p) => (
              <option key={p} value={p}>
                {p.startsWith('default/') ? p.slice(8) : p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Container{' '}
          <select
            value={chosen?.name ?? ''}
            onChange={(e) => {
              setContainer(e.target.value);
              setPrevious(false);
            }}
          >
            <option value="">All (merged)</option>
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label title={chosen ? 'The instance before the last restart (kubectl logs --previous)' : 'Choose one container first'}>
          <input type="checkbox" checked={previous} disabled={!hasPrevious} onChange={(e) => setPrevious(e.target.checked)} /> Previous instance
        </label>
        <label>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
        <label>
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} /> Timestamps
        </label>
        <span className="toolbar-gap" />
        <input
          type="search"
          aria-label="Search logs"
          placeholder="Search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
          }}
          onKeyDown={(e) => e.key === 'Enter' && goTo(e.shiftKey ? current - 1 : current + (matches[current] === undefined ? 0 : 1))}
        />
        <span className="muted" role="status" aria-live="polite">
          {query ? (matches.length ? `${Math.min(current + 1, matches.length)} of ${matches.length}` : 'No matches') : ''}
        </span>
        <button type="button" onClick={() => goTo(current - 1)} disabled={!matches.length} aria-label="Previous match">
          ↑
        </button>
        <button type="button" onClick={() => goTo(current + 1)} disabled={!matches.length} aria-label="Next match">
          ↓
        </button>
        <button type="button" onClick={copy} disabled={!lines.length}>
          Copy
        </button>
        <span className="muted" role="status">
          {copied}
        </span>
      </div>
      <div ref={scrollRef} className="log-scroll" role="log" aria-label={`Log lines${pod ? ` of ${name}${chosen ? `, container ${chosen.name}` : ''}` : ''}`} tabIndex={0}>
        {!lines.length && <p className="panel-empty">{pod ? (previous ? 'No previous instance at this time.' : 'No log lines yet at this time.') : 'No container has written to its log yet.'}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const l = lines[v.index];
            const isCurrent = matches[current] === v.index;
            return (
              <div key={v.key} className={`log-line${l.stream === 'stderr' ? ' stderr' : ''}${isCurrent ? ' current-match' : ''}`} style={{ transform: `translateY(${v.start}px)`, height: LINE_H }}>
                {timestamps && <span className="log-ts">{rfc3339Nano(l.t)} </span>}
                {merged && <span className={`log-prefix c${colourOf.get(l.container) ?? 0}`}>[{l.container}] </span>}
                <Highlighted text={l.line} query={query} />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  const parts = splitMatches(text, query);
  return <>{parts.map((p, i) => (i % 2 ? <mark key={i}>{p}</mark> : p))}</>;
}
