import type { SimClient } from '../../client/SimClient';
import { cursorInstant, useCursor } from './cursor-store';
import { useClockNow } from './use-clock';

/** The instant every panel shows: the cursor's, or the engine's now when live. */
export function useCursorTime(client: SimClient): { t: number; now: number; live: boolean } {
  const cursor = useCursor((s) => s.cursor);
  const now = useClockNow(client);
  return { t: cursorInstant(cursor, now), now, live: cursor.mode === 'live' };
}
