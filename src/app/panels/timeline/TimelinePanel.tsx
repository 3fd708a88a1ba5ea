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

/** Row labels take this much of the width at most (less on a phone). */
const LABEL_MAX = 190;
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
  const LABEL_W = Math.round(Math.min(LABEL_MAX, Math.max(110, width * 0.3)));
  const laneW = Math.max(width - LABEL_W, 50);
  const x = useCallback((time: number) => LABEL_W + ((time - from) / (to - from)) * laneW, [from, to, laneW, LABEL_W]);
  const timeAt = useCallback((px: number) => from + ((px - LABEL_W) / laneW) * (to - from), [from, to, laneW, LABEL_W]);

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

  const groupsByRow = rows.map((r) => groupMarkers(r.container ? r.container.markers : r.pod.markers, x, from, to));
  const [tip, setTip] = useState<{ x: number; y: number; text: string }>();
  const hover = (e: PointerEvent) => {
    if (dragging.current) return setTip(undefined);
    const rect = lanesRef.current!.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const i = Math.floor((py - AXIS_H) / ROW_H);
    const g = i >= 0 && i < rows.length ? groupsByRow[i].find((m) => Math.abs(m.px - px) <= 5) : undefined;
    if (g) return setTip({ x: px, y: AXIS_H + (i + 1) * ROW_H, text: tooltipText(g) });
    // Over a bar: its state and span.
    const r = rows[i];
    const segs = r ? (r.container ? r.container.segments : r.pod.segments) : [];
    const at = timeAt(px);
    const s = px > LABEL_W ? segs.find((x) => x.start <= at && at < (x.end ?? now)) : undefined;
    if (r && s) {
      const what = 'state' in s ? describeState(s) : `${s.terminating ? 'Terminating' : s.phase}${s.phase === 'Running' ? (s.ready ? ', ready' : ', not ready') : ''}`;
      return setTip({ x: px, y: AXIS_H + (i + 1) * ROW_H, text: `${r.kind === 'pod' ? 'Pod' : ROLE_LABEL[r.kind]} ${r.label}: ${what}\n${hms(s.start)}–${s.end ? hms(s.end) : 'now'}` });
    }
    setTip(undefined);
  };

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
          {live ? `Now ${hms(now)} UTC` : `Cursor at ${hms(t)} UTC`}
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
          onPointerMove={(e) => (dragging.current ? seekAtPointer(e) : hover(e))}
          onPointerLeave={() => setTip(undefined)}
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
                <RowView key={r.key} row={r} y={AXIS_H + i * ROW_H} x={x} from={from} to={to} now={now} labelW={LABEL_W} groups={groupsByRow[i]} />
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
          {tip && (
            <div className="timeline-tip" role="tooltip" style={{ left: Math.min(tip.x, width - 320), top: tip.y }}>
              {tip.text}
            </div>
          )}
        </div>
      </div>
      {!rows.length && <p className="panel-empty">No pods yet. Apply a manifest or run <code>kubectl run</code>; pods and their containers appear here.</p>}
      <ChangeList changes={models.timeline.changes} version={models.timeline.version} t={t} live={live} />
    </section>
  );
}

/** One row: its label and the segments and markers inside the window. */
function RowView({ row, y, x, from, to, now, labelW, groups }: { row: Row; y: number; x: (t: number) => number; from: number; to: number; now: number; labelW: number; groups: MarkerGroup[] }) {
  const barY = y + 4;
  const barH = ROW_H - 8;
  const segs = row.container ? row.container.segments : row.pod.segments;
  const label = row.kind === 'pod' ? `Pod ${row.label}` : `${ROLE_LABEL[row.kind]} ${row.label}`;
  return (
    <g className={`tl-row tl-${row.kind}`}>
      <text x={row.kind === 'pod' ? 6 : 22} y={y + ROW_H / 2 + 4} className="row-label">
        {row.kind !== 'pod' && <tspan className={`role-tag role-${row.kind}`}>{row.kind === 'app' ? '▪' : row.kind === 'init' ? 'init' : 'side'} </tspan>}
        {row.label.length > labelW / 8 ? row.label.slice(0, Math.floor(labelW / 8) - 1) + '…' : row.label}
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
      <Markers groups={groups} y={barY} h={barH} />
    </g>
  );
}

/** Markers closer than this many pixels merge into one (its tooltip lists them all). */
const BUCKET_PX = 5;

export interface MarkerGroup {
  px: number;
  items: Marker[];
}

/** Markers in the window, bucketed by pixel column so a busy hour stays a few hundred shapes per row. */
export function groupMarkers(markers: readonly Marker[], x: (t: number) => number, from: number, to: number): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].t < from) lo = mid + 1;
    else hi = mid;
  }
  let bucket = -1;
  for (let i = lo; i < markers.length && markers[i].t <= to; i++) {
    const px = x(markers[i].t);
    const b = Math.floor(px / BUCKET_PX);
    if (b === bucket) groups[groups.length - 1].items.push(markers[i]);
    else {
      bucket = b;
      groups.push({ px, items: [markers[i]] });
    }
  }
  return groups;
}

function kindOf(g: MarkerGroup): 'restart' | 'probe' | 'event' | 'warn' {
  if (g.items.some((m) => m.kind === 'restart')) return 'restart';
  if (g.items.some((m) => m.kind === 'probe')) return 'probe';
  return g.items.some((m) => m.warning) ? 'warn' : 'event';
}

/** All of a row's markers as one path per kind: four DOM nodes however many markers there are. */
function Markers({ groups, y, h }: { groups: MarkerGroup[]; y: number; h: number }) {
  const d = { restart: '', probe: '', event: '', warn: '' };
  for (const g of groups) {
    const k = kindOf(g);
    const px = g.px.toFixed(1);
    if (k === 'restart') d.restart += `M${px} ${y - 1}l4 ${h / 2 + 1}l-4 ${h / 2 + 1}l-4 ${-h / 2 - 1}z`;
    else if (k === 'probe') d.probe += `M${(g.px - 1.5).toFixed(1)} ${y - 1}h3v${h + 2}h-3z`;
    else d[k] += `M${(g.px - 3.5).toFixed(1)} ${y + h / 2}a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0z`;
  }
  return (
    <>
      {d.event && <path d={d.event} className="marker mk-event" />}
      {d.warn && <path d={d.warn} className="marker mk-event warn" />}
      {d.probe && <path d={d.probe} className="marker mk-probe warn" />}
      {d.restart && <path d={d.restart} className="marker mk-restart warn" />}
    </>
  );
}

/** The tooltip of the marker group under the pointer: what happened, kubectl-style, with times. */
export function tooltipText(g: MarkerGroup): string {
  const lines = g.items.slice(0, 8).map((m) => `${hms(m.t)} ${m.text}`);
  if (g.items.length > 8) lines.push(`… and ${g.items.length - 8} more`);
  return lines.join('\n');
}
