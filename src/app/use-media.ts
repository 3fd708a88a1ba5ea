/** Whether a CSS media query matches, following changes (rotation, window resize). */
import { useSyncExternalStore } from 'react';

export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = matchMedia(query);
      m.addEventListener('change', onChange);
      return () => m.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
  );
}

/** Below this width the workspace's panes become tabs (phones; 390 px is the smallest we design for). */
export const PHONE_QUERY = '(max-width: 760px)';
