/**
 * The virtual clock and how fast it runs. The clock is not a live region on purpose: it ticks
 * several times a second and would drown out the terminal for screen reader users.
 */
import type { ClockState } from '../../client/SimClient';
import { formatClock } from './clock-format';

export const SPEEDS = [1, 5, 20] as const;

interface Props {
  clock: ClockState;
  onSpeed: (speed: number) => void;
  onPause: () => void;
  onResume: () => void;
}

export function TimeControls({ clock, onSpeed, onPause, onResume }: Props) {
  return (
    <div className="time-controls">
      <p className="clock">
        <span className="clock-label">Cluster time</span>{' '}
        <time dateTime={new Date(clock.now).toISOString()} data-testid="virtual-clock">
          {formatClock(clock.now)}
        </time>
      </p>
      <div role="group" aria-label="Simulation speed" className="speed-buttons">
        {SPEEDS.map((s) => (
          <button key={s} type="button" aria-pressed={clock.speed === s} onClick={() => onSpeed(s)}>
            {s}×
          </button>
        ))}
        <button type="button" aria-pressed={clock.paused} onClick={clock.paused ? onResume : onPause}>
          {clock.paused ? 'Resume' : 'Pause'}
        </button>
      </div>
    </div>
  );
}
