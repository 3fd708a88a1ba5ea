/**
 * Ask the engine about the world at the cursor: live (refreshed when the trace says something
 * relevant changed) or at a past instant (a replay, debounced while the learner drags).
 */
import { useEffect, useRef, useState } from 'react';
import type { SimClient } from '../../client/SimClient';
import type { Query, QueryResult } from '../../client/history/types';
import type { TraceEntry } from '../../sim/trace/trace';

const DEBOUNCE_MS = 120;
const LIVE_REFRESH_MS = 400;

export function useQueryAt(client: SimClient, q: Query | undefined, t: number, live: boolean, relevant: (e: TraceEntry) => boolean): { result?: QueryResult; loading: boolean } {
  const [result, setResult] = useState<QueryResult>();
  const [loading, setLoading] = useState(false);
  const key = q ? JSON.stringify(q) : '';
  const seq = useRef(0);
  const relevantRef = useRef(relevant);
  relevantRef.current = relevant;

  useEffect(() => {
    if (!q) {
      setResult(undefined);
      return;
    }
    let cancelled = false;
    const ask = () => {
      const mine = ++seq.current;
      setLoading(true);
      void client.query(q, live ? undefined : t).then((r) => {
        if (cancelled || mine !== seq.current) return;
        setResult(r);
        setLoading(false);
      });
    };
    const timer = setTimeout(ask, live ? 0 : DEBOUNCE_MS);
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const off = live
      ? client.on({
          trace: (entries) => {
            if (refresh || !entries.some((e) => relevantRef.current(e))) return;
            refresh = setTimeout(() => {
              refresh = undefined;
              ask();
            }, LIVE_REFRESH_MS);
          },
        })
      : undefined;
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (refresh) clearTimeout(refresh);
      off?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, live, live ? 0 : t]);

  return { result, loading };
}
