import { createContext, useContext, useEffect, useState } from 'react';
import { sameSetting, type Scene } from '../../engine/scene.ts';
import { selectScene, type LabState, type LabStore } from '../../state/store.ts';
import { Feed } from '../../workers/feed.ts';
import { InspectClient, type InspectResult } from '../../workers/inspectClient.ts';
import { withObjective } from '../withObjective.ts';
import type { CompileClient } from '../../workers/compileClient.ts';

/** The index of the inspected optimizer in the scene, or −1 when none is selected. */
export const selectedIndex = (s: LabState): number =>
  s.selected === null ? -1 : s.optimizers.findIndex((o) => o.id === s.selected);

/** True when optimizer `i` of `a` and optimizer `j` of `b` have the same trajectory. */
const sameRun = (a: Scene, i: number, b: Scene, j: number): boolean =>
  i === j && a.optimizers[i] === b.optimizers[j] && sameSetting(a, b);

/** The inspected optimizer's recorded run when it is current for the store, else null. */
export function currentInspection(
  feed: Feed<InspectResult>,
  state: LabState,
): InspectResult | null {
  const index = selectedIndex(state);
  const result = feed.current;
  return result && index >= 0 && sameRun(result.scene, result.index, selectScene(state), index)
    ? result
    : null;
}

/** What the inspect worker publishes: recorded runs, and why the newest request failed. */
export interface InspectFeeds {
  readonly results: Feed<InspectResult>;
  /** The newest failure's message; '' once a later request is sent. */
  readonly errors: Feed<string>;
}

/**
 * Keeps the inspect worker asking for the selected optimizer's run whenever it or the scene's
 * trajectories change (not the view); results arrive in the returned feed, outside React.
 */
export function useInspection(store: LabStore, compiler: CompileClient): InspectFeeds {
  const [feeds] = useState<InspectFeeds>(() => ({
    results: new Feed<InspectResult>(),
    errors: new Feed<string>(),
  }));
  useEffect(() => {
    const client = new InspectClient();
    client.onResult((result) => feeds.results.publish(result));
    client.onError((message) => feeds.errors.publish(message));
    let asked: InspectResult['scene'] | null = null;
    let askedIndex = -1;
    const update = (state: LabState) => {
      const index = selectedIndex(state);
      if (index < 0) return;
      const scene = selectScene(state);
      if (asked !== null && sameRun(asked, askedIndex, scene, index)) return;
      asked = scene;
      askedIndex = index;
      if (feeds.errors.current) feeds.errors.publish('');
      withObjective(
        compiler,
        scene.fn,
        (source) => {
          if (asked === scene && askedIndex === index) client.request(scene, index, source);
        },
        (message) => feeds.errors.publish(message),
      );
    };
    update(store.getState());
    const unsubscribe = store.subscribe(update);
    return () => {
      unsubscribe();
      client.dispose();
    };
  }, [store, compiler, feeds]);
  return feeds;
}

/** The page's inspection feed; App provides it. */
export const InspectFeedContext = createContext<InspectFeeds | null>(null);

/** The inspection feeds; throws without a provider. */
export function useInspectFeeds(): InspectFeeds {
  const feed = useContext(InspectFeedContext);
  if (!feed) throw new Error('useInspectFeed needs an InspectFeedContext provider');
  return feed;
}
