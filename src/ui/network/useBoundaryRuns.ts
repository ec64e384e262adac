import { useRef, useSyncExternalStore } from 'react';
import type { LabState } from '../../state/store.ts';
import { useLabStore } from '../../state/useLab.ts';
import type { Feed } from '../../workers/feed.ts';
import type { NetworkPicture } from './networkPicture.ts';

/** One run as a panel of the network's outputs (decision boundaries) takes it. */
export interface BoundaryRun {
  readonly label: string;
  readonly colour: string;
  /** The run's parameters at the cursor's step (NetworkPicture.theta: a view, no copy), or null. */
  readonly theta: Float64Array | null;
}

/**
 * Every visible run of the picture at the playback cursor (the hovered step while one is), in
 * the scene's order (none when every run is hidden); null while there is no picture of the
 * store's network yet (it is training).
 */
export function boundaryRuns(
  picture: NetworkPicture | null,
  state: Pick<LabState, 'network' | 'playback' | 'hoverStep' | 'optimizers'>,
): readonly BoundaryRun[] | null {
  if (!picture || picture.scene.network !== state.network) return null;
  const step = state.hoverStep ?? state.playback.step;
  return picture.scene.optimizers.flatMap((entry, k) =>
    state.optimizers[k]?.hidden
      ? []
      : [{ label: entry.label, colour: entry.color, theta: picture.theta(k, step) }],
  );
}

/**
 * boundaryRuns for the page, re-rendering when the picture, the cursor's step or what is hidden
 * changes (not on every store change, nor on a drag's new optimizers): `runs` for
 * DecisionBoundaries, or null while training.
 */
export function useBoundaryRuns(feed: Feed<NetworkPicture | null>): readonly BoundaryRun[] | null {
  const store = useLabStore();
  // The last answer and what it was made of: the same array while they are the same.
  const cache = useRef<{ key: unknown[]; runs: readonly BoundaryRun[] | null } | null>(null);
  const read = () => {
    const state = store.getState();
    // Which runs are hidden, not the optimizers themselves: a slider drag replaces them on every
    // step while the picture (and each θ) stays, and new runs would redraw every panel.
    const key = [
      feed.current,
      state.network,
      state.hoverStep ?? state.playback.step,
      state.optimizers.map((o) => (o.hidden ? 'h' : 'v')).join(''),
    ];
    const last = cache.current;
    if (last && key.every((v, i) => v === last.key[i])) return last.runs;
    cache.current = { key, runs: boundaryRuns(feed.current, state) };
    return cache.current.runs;
  };
  return useSyncExternalStore((listener) => {
    const stops = [feed.subscribe(listener), store.subscribe(listener)];
    return () => stops.forEach((stop) => stop());
  }, read);
}
