/**
 * The timeline: a row per pod and per container, coloured by state over virtual time, with
 * markers for restarts, failed probes and Events. The cursor (a slider) scrubs every panel to an
 * instant; "Live" follows the engine again. SVG, drawing only what is inside the window.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { PanelProps } from '../panel-props';
import { useCursor } from '../cursor-store';
import { useCursorTime } from '../use-cursor-time';
import { useTraceModels } from '../trace-models';
import { cursorText, hms } from '../time-format';
import { describeState, ROLE_LABEL, type Marker, type PodRow } from '../model/timeline-model';
import { spanLabel, tickStep, windowOf, zoom, type View } from './scale';
import { phaseClass, stateClass } from './colors';
import { ChangeList } from './ChangeList';
import { reportRender } from './render-stats';

const LABEL_W = 190;
const ROW_H = 22;
const AXIS_H = 22;

interface Row {
  key: string;
  label: string;
  kind: 'pod' | 'init' | 'sidecar' | 'app';
  pod: PodRow;
  container?: PodRow['containers'][number];
}

export function TimelinePanel({ client }: PanelProps) {
  // Render time (render + commit, measured to the layout effect): React's Profiler is off in production builds.
  const renderStart = performance.now();
  const models = useTraceModels(client);
  const { t, now, live } = useCursorTime(client);
  const seek = useCursor((s) => s.seek);
  const goLive = useCursor((s) => s.goLive);
  const [view, setView] = useState<View>({ span: null, end: null });
  const [width, setWidth] = useState(800);
  const lanesRef = useRef<HTMLDivElement>(null);
  const start = models.start;
  const { from, to } = windowOf(view, start, now);
  const laneW = Math.max(width - LABEL_W, 50);
  const x = useCallback((time: number) => LABEL_W + ((time - from) / (to - from)) * laneW, [from, to, laneW]);
  const timeAt = useCallback((px: number) => from + ((px - LABEL_W) / laneW) * (to - from), [from, to, laneW]);

  useEffect(() => {
    const el = lanesRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  // Ctrl+wheel zooms around the pointer; Shift+wheel pans. A non-passive listener so the page does not zoom.
  useEffect(() => {
    const el = lanesRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.shiftKey) return;
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      if (e.ctrlKey) setView((v) => zoom(v, start, now, e.deltaY < 0 ? -1 : 1, timeAt(e.clientX - rect.left)));
      else setView((v) => {
        const w = windowOf(v, start, now);
        const shift = ((e.deltaY || e.deltaX) / laneW) * (w.to - w.from);
        const end = Math.min(w.to + shift, now);
        return { span: w.to - w.from, end: end >= now ? null : Math.max(end, start + (w.to - w.from) * 0.1) };
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [start, now, laneW, timeAt]);

  const rows = useMemo<Row[]>(() => {
    const out: Row[] = [];
    for (const p of models.timeline.pods) {
      out.push({ key: p.key, label: p.name, kind: 'pod', pod: p });
      for (const c of p.containers) out.push({ key: c.key, label: c.name, kind: c.role, pod: p, container: c });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [models.timeline.version]);

  const dragging = useRef(false);
  const seekAtPointer = (e: PointerEvent) => {
    const rect = lanesRef.current!.getBoundingClientRect();
    const px = e.clientX - rect.left;
    if (px < LABEL_W) return;
    const at = Math.max(start, timeAt(px));
    if (at >= now) goLive();
    else seek(at);
  };

  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 10_000 : 1000;
    const moves: Record<string, number> = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step, PageDown: -60_000, PageUp: 60_000 };
    if (e.key === 'Home') seek(start);
    else if (e.key === 'End') goLive();
    else if (e.key in moves) {
      const next = t + moves[e.key];
      if (next >= now) goLive();
      else seek(Math.max(start, next));
    } else return;
    e.preventDefault();
  };

  useLayoutEffect(() => reportRender(performance.now() - renderStart, rows.length));

  const height = AXIS_H + rows.length * ROW_H + 6;
  const step = tickStep(to - from, laneW);
  const ticks: number[] = [];
  for (let k = Math.ceil(from / step) * step; k <= to; k += step) ticks.push(k);
  const cursorX = x(t);

  return (
    <section aria-label="Timeline" className="panel panel-timeline">
      <div className="panel-toolbar" role="toolbar" aria-label="Timeline controls">
        <button type="button" onClick={() => setView((v) => zoom(v, start, now, -1))} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => setView((v) => zoom(v, start, now, 1))} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => setView({ span: null, end: null })} aria-pressed={view.span === null}>
          Fit
        </button>
        <span className="muted">Window {spanLabel(to - from)}</span>
        <span className="toolbar-gap" />
        <span className="muted" aria-live="off">
          {live ? 'Live' : `At ${hms(t)} UTC`}
        </span>
        <button type="button" className={live ? 'live-on' : 'live-off'} aria-pressed={live} onClick={goLive}>
          Live
        </button>
      </div>
      <div className="timeline-scroll">
        <div
          className="timeline-lanes"
          ref={lanesRef}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            dragging.current = true;
            (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
            seekAtPointer(e);
          }}
          onPointerMove={(e) => dragging.current && seekAtPointer(e)}
          onPointerUp={() => (dragging.current = false)}
          onPointerCancel={() => (dragging.current = false)}
        >
            <svg width={width} height={height} className="timeline-svg" aria-hidden="true">
              {ticks.map((k) => (
                <g key={k}>
                  <line x1={x(k)} x2={x(k)} y1={AXIS_H - 4} y2={height} className="tick" />
                  <text x={x(k) + 3} y={14} className="tick-label">
                    {hms(k)}
                  </text>
                </g>
              ))}
              {rows.map((r, i) => (
                <RowView key={r.key} row={r} y={AXIS_H + i * ROW_H} x={x} from={from} to={to} now={now} />
              ))}
              <line x1={cursorX} x2={cursorX} y1={0} y2={height} className={live ? 'cursor-line live' : 'cursor-line'} />
            </svg>
          <div
            role="slider"
            tabIndex={0}
            aria-label="Time cursor"
            aria-valuemin={start}
            aria-valuemax={now}
            aria-valuenow={t}
            aria-valuetext={cursorText(t, start, live)}
            className="cursor-handle"
            style={{ left: Math.min(Math.max(cursorX, LABEL_W), width) - 7 }}
            onKeyDown={onKey}
          />
        </div>
      </div>
      {!rows.length && <p className="panel-empty">No pods yet. Apply a manifest or run <code>kubectl run</code>; pods and their containers appear here.</p>}
      <ChangeList changes={models.timeline.changes} version={models.timeline.version} t={t} live={live} />
    </section>
  );
}

/** One row: its label and the segments and markers inside the window. */
function RowView({ row, y, x, from, to, now }: { row: Row; y: number; x: (t: number) => number; from: number; to: number; now: number }) {
  const barY = y + 4;
  const barH = ROW_H - 8;
  const segs = row.container ? row.container.segments : row.pod.segments;
  const markers = row.container ? row.container.markers : row.pod.markers;
  const label = row.kind === 'pod' ? `Pod ${row.label}` : `${ROLE_LABEL[row.kind]} ${row.label}`;
  return (
    <g className={`tl-row tl-${row.kind}`}>
      <text x={row.kind === 'pod' ? 6 : 22} y={y + ROW_H / 2 + 4} className="row-label">
        {row.kind !== 'pod' && <tspan className={`role-tag role-${row.kind}`}>{row.kind === 'app' ? '▪' : row.kind === 'init' ? 'init' : 'side'} </tspan>}
        {row.label}
        <title>{label}</title>
      </text>
      {segs.map((s, i) => {
        const end = s.end ?? now;
        if (end < from || s.start > to) return null;
        const x1 = Math.max(x(s.start), x(from));
        const x2 = Math.min(x(end), x(to));
        if (x2 - x1 < 0.5 && i !== segs.length - 1) return null;
        const cls = 'state' in s ? stateClass(s.state, s.reason, s.exitCode) : phaseClass(s.phase, s.ready, s.terminating);
        const text = 'state' in s ? describeState(s) : `${s.terminating ? 'Terminating' : s.phase}${s.phase === 'Running' ? (s.ready ? ', ready' : ', not ready') : ''}`;
        return (
          <rect key={i} x={x1} y={row.kind === 'pod' ? barY + 2 : barY} width={Math.max(x2 - x1, 1)} height={row.kind === 'pod' ? barH - 4 : barH} className={`seg ${cls}`} rx={2}>
            <title>{`${label}: ${text}, ${hms(s.start)}–${s.end ? hms(s.end) : 'now'}`}</title>
          </rect>
        );
      })}
      <Markers markers={markers} y={barY} h={barH} x={x} from={from} to={to} />
    </g>
  );
}

/** Markers in the window; ones closer than 4 px merge into one whose tooltip lists them all. */
function Markers({ markers, y, h, x, from, to }: { markers: Marker[]; y: number; h: number; x: (t: number) => number; from: number; to: number }) {
  const groups: Array<{ px: number; items: Marker[] }> = [];
  for (const m of markers) {
    if (m.t < from || m.t > to) continue;
    const px = x(m.t);
    const g = groups[groups.length - 1];
    if (g && px - g.px < 4) g.items.push(m);
    else groups.push({ px, items: [m] });
  }
  return (
    <>
      {groups.map((g) => {
        const warn = g.items.some((m) => m.warning);
        const kind = g.items.some((m) => m.kind === 'restart') ? 'restart' : g.items.some((m) => m.kind === 'probe') ? 'probe' : 'event';
        const title = g.items
          .slice(0, 8)
          .map((m) => `${hms(m.t)} ${m.text}`)
          .concat(g.items.length > 8 ? [`… and ${g.items.length - 8} more`] : [])
          .join('\n');
        return (
          <g key={`${g.px}:${g.items[0].t}`} className={`marker mk-${kind}${warn ? ' warn' : ''}`}>
            {kind === 'restart' ? <path d={`M${g.px} ${y - 1} l4 ${h / 2 + 1} l-4 ${h / 2 + 1} l-4 ${-h / 2 - 1} z`} /> : kind === 'probe' ? <rect x={g.px - 1.5} y={y - 1} width={3} height={h + 2} /> : <circle cx={g.px} cy={y + h / 2} r={3.5} />}
            <title>{title}</title>
          </g>
        );
      })}
    </>
  );
}
