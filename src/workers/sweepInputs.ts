import type { Scene } from '../engine/scene.ts';
import {
  cellCount,
  cellScene,
  checkAxis,
  planOf,
  runsOf,
  sweepSceneProblem,
} from '../engine/sweep/index.ts';
import type { Axis, SweepPlan, SweepSpec } from '../engine/sweep/types.ts';
import { workProblem } from '../preset/sweepWork.ts';

/** An axis the open view sweeps, with where it sits in the preset (for messages). */
export interface PlacedAxis {
  readonly axis: Axis;
  readonly where: string;
}

/** The axes a reader sets for the open view: the map's two, the curves' one; none otherwise. */
export function openAxes(spec: SweepSpec): PlacedAxis[] {
  if (spec.view === 'map') {
    return spec.map.axes.map((axis, i) => ({ axis, where: `sweep.map.axes[${i}]` }));
  }
  if (spec.view === 'curves') return [{ axis: spec.curves.axis, where: 'sweep.curves.axis' }];
  return [];
}

/**
 * Every problem of the scene's open sweep: a scene it cannot cover (a network), its axes' (checkAxis), then the caps on its cells and
 * on its work (cells × runs × steps), in the preset's words. None when no sweep is open.
 */
export function sweepProblems(scene: Scene): string[] {
  const spec = scene.sweep;
  if (!spec) return [];
  const scope = sweepSceneProblem(scene);
  if (scope) return [`sweep: ${scope}`];
  const problems = openAxes(spec).flatMap(({ axis, where }) => checkAxis(scene, axis, where));
  if (problems.length > 0) return problems;
  const plan = planOf(scene);
  const problem = workProblem(cellCount(plan.axes), runsOf(plan).length, scene.steps);
  return problem ? [`sweep.${spec.view} ${problem}`] : [];
}

/**
 * A text that changes exactly when the plan's results would: the scene of its cell 0 (so a value
 * an axis overrides does not count: loading a cell of the map does not recompute the map) without
 * the optimizers it does not run, labels and colours, with the plan's axes and tolerance.
 */
export function planKey(plan: SweepPlan): string {
  const scene = cellScene(plan.scene, plan.axes, 0);
  return JSON.stringify([
    scene.fn,
    scene.start,
    scene.steps,
    scene.noise,
    runsOf(plan).map((k) => {
      const o = scene.optimizers[k]!;
      return [o.type, o.hyper, o.schedule];
    }),
    plan.axes,
    plan.tol,
    plan.keep ?? null,
  ]);
}
