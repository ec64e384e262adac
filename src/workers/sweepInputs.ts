import type { Scene } from '../engine/scene.ts';
import {
  cellCount,
  cellScene,
  checkAxis,
  MAX_SWEEP_CELLS,
  MAX_SWEEP_WORK,
  planOf,
  runsOf,
} from '../engine/sweep/index.ts';
import type { Axis, SweepPlan, SweepSpec } from '../engine/sweep/types.ts';

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

/** Where the size of each view is set, for messages about it. */
const SIZE_FIELD: Readonly<Record<SweepSpec['view'], string>> = {
  map: 'sweep.map.axes',
  curves: 'sweep.curves.axis.count',
  basins: 'sweep.basins.resolution',
  seeds: 'sweep.seeds.count',
};

/**
 * Every problem of the scene's open sweep: its axes' (checkAxis), then the caps on its cells and
 * on its work (cells × runs × steps). None when no sweep is open.
 */
export function sweepProblems(scene: Scene): string[] {
  const spec = scene.sweep;
  if (!spec) return [];
  const problems = openAxes(spec).flatMap(({ axis, where }) => checkAxis(scene, axis, where));
  if (problems.length > 0) return problems;
  const plan = planOf(scene);
  const cells = cellCount(plan.axes);
  const where = SIZE_FIELD[spec.view];
  if (cells > MAX_SWEEP_CELLS) {
    return [`${where} asks for ${cells} cells, more than the ${MAX_SWEEP_CELLS} a sweep computes`];
  }
  const work = cells * runsOf(plan).length * scene.steps;
  if (work > MAX_SWEEP_WORK) {
    return [
      `${where} asks for ${work.toExponential(2)} steps (cells × runs × steps), more than the ${MAX_SWEEP_WORK.toExponential(0)} a sweep computes: use fewer steps or values`,
    ];
  }
  return [];
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
