import type { Scene } from '../engine/scene.ts';
import {
  cellCount,
  checkAxis,
  defaultSweep,
  planOf,
  sweepSceneProblem,
} from '../engine/sweep/index.ts';
import type { SweepPlan } from '../engine/sweep/types.ts';
import type { Objective } from '../engine/types.ts';
import { workProblem } from '../preset/sweepWork.ts';
import { UsageError } from './failure.ts';
import type { SweepCommand } from './sweepArgs.ts';

/**
 * The plan a `sweep` command asks for: its --vary axes over every optimizer of the scene, or
 * without them the plan of the preset's open sweep view (metrics only: no paths are kept). The
 * axes are checked by the engine's checkAxis and the work against the caps, as the page does; every
 * problem goes into one UsageError.
 */
export function sweepPlanOf(scene: Scene, command: SweepCommand, objective?: Objective): SweepPlan {
  const withObjective = objective ? { objective } : {};
  const scope = sweepSceneProblem(scene);
  if (scope) throw new UsageError(scope);
  if (command.vary.length === 0) {
    if (!scene.sweep) {
      throw new UsageError(
        'nothing to vary: give --vary PATH=FROM:TO:COUNT[:log], or a preset with a "sweep"',
      );
    }
    // The preset's reader has checked the sweep's axes and work already.
    const { scene: s, axes, only, tol } = planOf(scene, objective);
    return { scene: s, axes, tol: command.tol ?? tol, ...(only ? { only } : {}), ...withObjective };
  }
  const axes = command.vary;
  const problems = axes.flatMap((axis) => checkAxis(scene, axis, `--vary ${axis.path}`));
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  const work = workProblem(cellCount(axes), scene.optimizers.length, scene.steps);
  if (work !== null) throw new UsageError(`the sweep ${work}`);
  const tol = command.tol ?? scene.sweep?.tol ?? defaultSweep(scene).tol;
  return { scene, axes, tol, ...withObjective };
}
