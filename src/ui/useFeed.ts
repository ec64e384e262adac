import { useSyncExternalStore } from 'react';
import type { Feed } from '../workers/feed.ts';

/** The feed's current value, re-rendering on every publish: for rare feeds only (status, errors). */
export function useFeed<T>(feed: Feed<T>): T | null {
  return useSyncExternalStore(
    (listener) => feed.subscribe(listener),
    () => feed.current,
  );
}
