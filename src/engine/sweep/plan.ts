import type { Scene } from '../scene.ts';
import type { Objective } from '../types.ts';
import { defaultSweep } from './defaults.ts';
import type { Axis, SweepPlan } from './types.ts';

/** Points kept per run of a seed ensemble: enough for a faint fan of paths. */
export const SEED_KEEP = 200;

/**
 * The plan of the scene's open sweep view (`scene.sweep.view`; the map when no sweep is open):
 * map → its two axes, its optimizer only; curves → its axis, every optimizer; basins → start[0] ×
 * start[1] at the centres of a resolution² grid over the view, its optimizer only; seeds → noise
 * seeds 1…count, every optimizer, 200 points kept per run.
 */
export function planOf(scene: Scene, objective?: Objective): SweepPlan {
  const spec = scene.sweep ?? defaultSweep(scene);
  const base = { scene, tol: spec.tol, ...(objective ? { objective } : {}) };
  switch (spec.view) {
    case 'map':
      return { ...base, axes: spec.map.axes, only: [spec.map.optimizer] };
    case 'curves':
      return { ...base, axes: [spec.curves.axis] };
    case 'basins': {
      const n = spec.basins.resolution;
      return {
        ...base,
        axes: [centres('start[0]', scene.view.x, n), centres('start[1]', scene.view.y, n)],
        only: [spec.basins.optimizer],
      };
    }
    case 'seeds': {
      const count = spec.seeds.count;
      const seeds: Axis = { path: 'noise.seed', from: 1, to: count, count, scale: 'linear' };
      return { ...base, axes: [seeds], keep: SEED_KEEP };
    }
  }
}

/** n values at the centres of n equal cells of [lo, hi]. */
const centres = (path: string, [lo, hi]: readonly [number, number], n: number): Axis => {
  const w = hi - lo;
  return { path, from: lo + w / (2 * n), to: hi - w / (2 * n), count: n, scale: 'linear' };
};
