/**
 * Sweeps as the landscape reads them, computed by the engine's own kernel (no mocks): a scene with
 * its sweep view opened, the plan of that view, every cell run, and the level each cell belongs to.
 */
import type { Scene } from '../../../src/engine/scene.ts';
import {
  defaultSweep,
  levelsOf,
  planOf,
  runSweep,
  type SweepSpec,
  type SweepView,
} from '../../../src/engine/sweep/index.ts';
import type { SweepPicture } from '../../../src/render/frame.ts';
import { sceneOf } from './scene.ts';

/** `preset` resolved, with sweep view `view` open and its settings patched by `sweep`. */
export function sweepScene(
  preset: Record<string, unknown>,
  view: SweepView,
  sweep: Partial<SweepSpec> = {},
): Scene {
  const scene = sceneOf({ v: 1, ...preset });
  return { ...scene, sweep: { ...defaultSweep(scene, view), ...sweep } };
}

/**
 * The scene's open sweep, run to the end, as its progress feed would show it once the first
 * `levels` levels (1 = the coarse grid only; 4 = all) have arrived.
 */
export function pictureOf(scene: Scene, levels = 4): SweepPicture {
  const plan = planOf(scene);
  const columns = runSweep(plan);
  const level = new Uint8Array(columns.cells);
  let computed = 0;
  levelsOf(plan.axes).forEach((cells, l) => {
    if (l >= levels) return;
    for (const c of cells) level[c] = l + 1;
    computed += cells.length;
  });
  return { scene, plan, columns, level, computed, done: levels >= 4 };
}

/** Himmelblau over its own view, `n` × `n` starts, one optimizer of `type` at `lr`, 200 steps. */
export const himmelblauBasins = (type: string, lr: number, n = 32): Scene =>
  sweepScene({ fn: { id: 'himmelblau' }, steps: 200, optimizers: [{ type, lr }] }, 'basins', {
    basins: { resolution: n, optimizer: 0 },
  });
