import { createContext, useContext, useEffect, useState } from 'react';
import { planOf } from '../engine/sweep/index.ts';
import type { Scene } from '../engine/scene.ts';
import { selectScene, type LabStore } from '../state/store.ts';
import type { CompileClient } from '../workers/compileClient.ts';
import { Feed } from '../workers/feed.ts';
import { SweepClient, type SweepProgress } from '../workers/sweepClient.ts';
import { planKey, sweepProblems } from '../workers/sweepInputs.ts';
import { withObjective } from './withObjective.ts';

/** The progress of the page's sweep; App provides it. */
export const SweepContext = createContext<Feed<SweepProgress | null> | null>(null);

/** The sweep's progress feed, for views that draw it (they never start work). */
export function useSweep(): Feed<SweepProgress | null> {
  const feed = useContext(SweepContext);
  if (!feed) throw new Error('useSweep needs a SweepContext provider');
  return feed;
}

/** What `followSweep` asks of a sweep client. */
export type SweepRunner = Pick<SweepClient, 'run' | 'refuse' | 'cancel'>;

/**
 * Runs the store's open sweep on `client` now and whenever the scene changes in a way that changes
 * its results (planKey): not for a new view (except for the basin map, whose starts it sets), a
 * label, or a value the sweep's axes override (loading a cell of the map). An invalid sweep
 * computes nothing (the panel says why); closing it cancels. A typed function goes as compiled
 * source. Returns the unsubscribe function.
 */
export function followSweep(
  store: LabStore,
  compiler: Pick<CompileClient, 'compile'>,
  client: SweepRunner,
): () => void {
  let scene: Scene | null = null;
  let key: string | null = null;
  const update = (next: Scene) => {
    if (next === scene) return;
    scene = next;
    const nextKey = next.sweep && sweepProblems(next).length === 0 ? planKey(planOf(next)) : null;
    if (nextKey === key) return;
    key = nextKey;
    if (nextKey === null) return client.cancel();
    withObjective(
      compiler as CompileClient,
      next.fn,
      (objective) => {
        if (key === nextKey) client.run({ scene: next, objective });
      },
      // A newer change makes the refusal stale, as it makes the source stale.
      (message) => {
        if (key === nextKey) client.refuse({ scene: next }, message);
      },
    );
  };
  update(selectScene(store.getState()));
  return store.subscribe((state) => update(selectScene(state)));
}

/**
 * The page's sweep: a SweepClient (its pool of workers made on the first sweep) following the
 * store. Nothing here re-renders React; views subscribe to the returned feed.
 */
export function useSweepRunner(
  store: LabStore,
  compiler: CompileClient,
): Feed<SweepProgress | null> {
  const [feed] = useState(() => new Feed<SweepProgress | null>());
  useEffect(() => {
    const client = new SweepClient({ progress: feed });
    const unsubscribe = followSweep(store, compiler, client);
    return () => {
      unsubscribe();
      client.dispose();
    };
  }, [store, compiler, feed]);
  return feed;
}
