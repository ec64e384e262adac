import type { StoreApi } from 'zustand/vanilla';
import { sameTrajectories, type OptimizerEntry, type Scene } from '../engine/scene.ts';
import type { NetworkScene } from '../engine/network/scene.ts';
import type { SweepSpec } from '../engine/sweep/types.ts';

/** The fields of a state that make up its scene, and the scene kept for them. */
export interface SceneState {
  readonly fn: Scene['fn'];
  readonly view: Scene['view'];
  readonly start: Scene['start'];
  readonly steps: number;
  readonly noise: Scene['noise'];
  readonly optimizers: readonly { readonly entry: OptimizerEntry }[];
  /** The open sweep's settings, or null. */
  readonly sweep: SweepSpec | null;
  /** The network the optimizers train (preset field `network`), or null for the plane's function. */
  readonly network: NetworkScene | null;
  readonly scene: Scene;
}

/** The scene the fields of `s` describe: `last` itself when they describe it still. */
export function sceneOf(s: Omit<SceneState, 'scene'>, last: Scene | null): Scene {
  const next: Scene = {
    v: 1,
    fn: s.fn,
    view: s.view,
    start: s.start,
    steps: s.steps,
    noise: s.noise,
    optimizers: s.optimizers.map((o) => o.entry),
    ...(s.sweep ? { sweep: s.sweep } : {}),
    ...(s.network ? { network: s.network } : {}),
  };
  return last &&
    last.view === next.view &&
    last.sweep === next.sweep &&
    sameTrajectories(last, next)
    ? last
    : next;
}

/** True when no field a scene is made of was replaced between `a` and `b`. */
const sameFields = (a: SceneState, b: SceneState): boolean =>
  a.fn === b.fn &&
  a.view === b.view &&
  a.start === b.start &&
  a.steps === b.steps &&
  a.noise === b.noise &&
  a.optimizers === b.optimizers &&
  a.sweep === b.sweep &&
  a.network === b.network;

/**
 * Makes every change to `store` (its actions' and outside `setState` calls alike) bring the
 * state's `scene` up to date in the same update, so no subscriber sees a stale one. Returns the
 * store's new `setState`, for the actions.
 */
export function keepScene<T extends SceneState>(store: StoreApi<T>): StoreApi<T>['setState'] {
  const setState = store.setState;
  const set = (partial: T | Partial<T> | ((s: T) => T | Partial<T>), replace?: boolean) =>
    setState((s) => {
      const change = typeof partial === 'function' ? partial(s) : partial;
      if (change === s) return s;
      const next = (replace ? change : { ...s, ...change }) as T;
      // A playback frame or a hover changes none of them: no scene is built for it.
      if (sameFields(next, s) && next.scene === s.scene) return next;
      const scene = sceneOf(next, s.scene);
      return scene === next.scene ? next : { ...next, scene };
    }, true);
  store.setState = set as StoreApi<T>['setState'];
  return store.setState;
}
