/**
 * The virtual clock and how it runs: play/pause, speed (1×, 2×, 5×, 20×, max), step to the next
 * change, realistic or fast pacing, and reset (a new cluster, same seed; the editor text stays).
 * The time itself is not a live region on purpose: it ticks several times a second and would
 * drown out the terminal for screen reader users.
 */
import type { ReactNode } from 'react';
import { SPEEDS, useSession } from '../store/session';
import { formatClock, formatElapsed } from './clock-format';

/** `children` join the toolbar's row (the workspace's help button), so they wrap with it. */
export function ClockControls({ children }: { children?: ReactNode }) {
  const clock = useSession((s) => s.clock);
  const start = useSession((s) => s.options.start);
  const setSpeed = useSession((s) => s.setSpeed);
  const togglePause = useSession((s) => s.togglePause);
  const step = useSession((s) => s.step);
  const setFast = useSession((s) => s.setFast);
  const reset = useSession((s) => s.reset);
  const ready = useSession((s) => !!s.client);

  return (
    <div className="clock-controls" role="toolbar" aria-label="Cluster clock">
      <p className="clock">
        <span className="clock-label">Cluster time</span>{' '}
        <time dateTime={new Date(clock.now).toISOString()} data-testid="virtual-clock">
          {formatClock(clock.now)}
        </time>{' '}
        <span className="clock-elapsed" title="Virtual time since the cluster started">
          {formatElapsed(clock.now - start)}
        </span>
      </p>
      <button type="button" className="clock-play" onClick={togglePause} disabled={!ready} aria-label={clock.paused ? 'Play' : 'Pause'} title={clock.paused ? 'Play (the clock is paused)' : 'Pause the clock'}>
        <span aria-hidden="true">{clock.paused ? '▶' : '❚❚'}</span>
      </button>
      <button type="button" onClick={step} disabled={!ready} title="Advance to the next change in the cluster (works while paused)">
        Step
      </button>
      <div role="group" aria-label="Simulation speed" className="speed-buttons">
        {SPEEDS.map((s) => (
          <button key={s} type="button" aria-pressed={clock.speed === s} disabled={!ready} onClick={() => setSpeed(s)}>
            {s === Infinity ? 'max' : `${s}×`}
          </button>
        ))}
      </div>
      <label className="fast-toggle" title="Skip quiet stretches: when nothing happens for a moment, jump to the next change">
        <input type="checkbox" checked={!!clock.fast} disabled={!ready} onChange={(e) => setFast(e.currentTarget.checked)} /> Fast
      </label>
      <button type="button" onClick={reset} disabled={!ready} title="A new cluster with the same seed; your manifest stays">
        Reset
      </button>
      {children}
    </div>
  );
}
