import { useEffect, useState } from 'react';
import type { SimClient } from '../../client/SimClient';

/** The engine's virtual now, re-rendered a few times a second as the clock reports arrive. */
export function useClockNow(client: SimClient): number {
  const [now, setNow] = useState(() => client.now());
  useEffect(() => client.on({ clock: (c) => setNow(c.now) }), [client]);
  return now;
}
