import { createContext, useContext } from 'react';
import type { RunFeed } from '../workers/runs.ts';

/** The page's run feed (streamed trajectories, outside React state); App provides it. */
export const RunFeedContext = createContext<RunFeed | null>(null);

/** The run feed, for drawing code that subscribes to it; throws without a provider. */
export function useRunFeed(): RunFeed {
  const feed = useContext(RunFeedContext);
  if (!feed) throw new Error('useRunFeed needs a RunFeedContext provider');
  return feed;
}
