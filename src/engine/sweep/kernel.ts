import { builtinObjective } from '../objective.ts';
import { sceneNoise } from '../simulate.ts';
import { Trajectory } from '../trajectory.ts';
import { cellCount } from './axis.ts';
import { cellScene } from './cell.ts';
import { createColumns } from './columns.ts';
import { goalOf, writeRun } from './metrics.ts';
import type { SweepColumns, SweepPlan } from './types.ts';

/** The optimizer indices a plan runs in every cell. */
export const runsOf = (plan: SweepPlan): readonly number[] =>
  plan.only ?? plan.scene.optimizers.map((_, i) => i);

/**
 * Computes the listed cells of a plan (every cell when `cells` is null) into `out`, each at its own
 * index: entry cell · runs + r is run r of `runsOf(plan)`, equal bit for bit to what `simulate()`
 * of `cellScene(plan.scene, plan.axes, cell)` gives that optimizer.
 */
export function sweepCells(plan: SweepPlan, cells: Int32Array | null, out: SweepColumns): void {
  const only = runsOf(plan);
  const n = cells ? cells.length : cellCount(plan.axes);
  for (let q = 0; q < n; q++) {
    const cell = cells ? cells[q]! : q;
    const scene = cellScene(plan.scene, plan.axes, cell);
    const objective = plan.objective ?? builtinObjective(scene.fn);
    const noise = sceneNoise(scene);
    const goal = goalOf(scene.fn, objective, plan.tol);
    for (let r = 0; r < only.length; r++) {
      const t = new Trajectory(scene, scene.optimizers[only[r]!]!, noise, objective);
      t.advance(scene.steps);
      writeRun(out, cell * only.length + r, t, goal, scene.steps, plan.keep);
    }
  }
}

/** Every cell of a plan. */
export function runSweep(plan: SweepPlan): SweepColumns {
  const out = createColumns(cellCount(plan.axes), runsOf(plan).length, plan.keep);
  sweepCells(plan, null, out);
  return out;
}
