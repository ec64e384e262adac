import { fillNoise } from '../noise.ts';
import { getFunction } from '../functions/index.ts';
import { builtinObjective } from '../objective.ts';
import type { HyperValues } from '../optimizers/index.ts';
import type { OptimizerEntry } from '../scene.ts';
import { Trajectory } from '../trajectory.ts';
import type { Objective } from '../types.ts';
import { axisValues, cellCount, cellIndices } from './axis.ts';
import { targetOf } from './cell.ts';
import { createColumns } from './columns.ts';
import { goalOf, writeRun, type Goal } from './metrics.ts';
import type { Target } from './target.ts';
import type { SweepColumns, SweepPlan } from './types.ts';

/** The optimizer indices a plan runs in every cell. */
export const runsOf = (plan: SweepPlan): readonly number[] =>
  plan.only ?? plan.scene.optimizers.map((_, i) => i);

/** A run slot's settings, written in place cell by cell: a hyper record of its own. */
interface Slot {
  readonly index: number;
  readonly entry: OptimizerEntry;
  /** The entry's hyperparameters, pairs copied, so a cell's values can be written in. */
  readonly hyper: Record<string, number | boolean | [number, number]>;
  /** What a restart reads: that record, the entry's schedule and its phases (never swept). */
  readonly setting: Pick<OptimizerEntry, 'schedule' | 'phases'> & { readonly hyper: HyperValues };
  readonly trajectory: Trajectory;
}

/**
 * The mutable setting of the current cell, and one Trajectory per run slot, reused for every cell:
 * a cell writes its values in place, the objective is rebuilt only when the function's parameters
 * change, the noise refilled only when the seed changes, the learning rates only when lr does.
 */
class Sweeper {
  private readonly targets: Target[];
  private readonly values: Float64Array[];
  private readonly at: Int32Array;
  private readonly slots: Slot[];
  private readonly params: Record<string, number>;
  /**
   * The noise of the current seed, made when a cell first has σ > 0: a noise-free sweep would
   * otherwise allocate and zero 16 bytes a step on every call for nothing.
   */
  private noise: Float64Array | null = null;
  private seedIn = NaN;
  private paramsChanged = false;
  private objective: Objective;
  /** True for a loss made of data, whose batches follow the noise seed. */
  private readonly batched: boolean;
  /** The noise seed the objective's batches were shuffled by. */
  private objectiveSeed: number;
  private goal: Goal;
  private x0 = 0;
  private y0 = 0;
  private seed = 0;
  private sigma = 0;

  constructor(private readonly plan: SweepPlan) {
    const { scene } = plan;
    this.targets = plan.axes.map(targetOf);
    this.values = plan.axes.map(axisValues);
    this.at = new Int32Array(plan.axes.length);
    this.params = { ...scene.fn.params };
    this.objective = plan.objective ?? builtinObjective(scene.fn, scene.noise.seed);
    this.batched = getFunction(scene.fn.id)?.data !== undefined;
    this.objectiveSeed = scene.noise.seed;
    this.goal = goalOf(scene.fn, this.objective, plan.tol);
    this.slots = runsOf(plan).map((index) => {
      const entry = scene.optimizers[index]!;
      const hyper = Object.fromEntries(
        Object.entries(entry.hyper).map(([k, v]) => [k, Array.isArray(v) ? [v[0], v[1]] : v]),
      ) as Slot['hyper'];
      const trajectory = new Trajectory(scene, entry, null, this.objective);
      const setting = { hyper, schedule: entry.schedule, phases: entry.phases };
      return { index, entry, hyper, setting, trajectory };
    });
  }

  /** Computes cell `cell` into entries cell · runs + r of `out`. */
  run(cell: number, out: SweepColumns): void {
    const { plan, slots } = this;
    this.setCell(cell);
    // A loss made of data shuffles its batches by the noise seed: a new seed, a new objective.
    const reshuffled = this.batched && !Object.is(this.seed, this.objectiveSeed);
    if (this.paramsChanged || reshuffled) {
      const fn = { ...plan.scene.fn, params: { ...this.params } };
      // Only a built-in has parameters to vary: a typed function (plan.objective) never gets here.
      this.objective = builtinObjective(fn, this.seed);
      this.objectiveSeed = this.seed;
      this.goal = goalOf(fn, this.objective, plan.tol);
      this.paramsChanged = false;
    }
    let noise: Float64Array | null = null;
    if (this.sigma > 0) {
      noise = this.noise ??= new Float64Array(2 * plan.scene.steps);
      if (!Object.is(this.seed, this.seedIn)) fillNoise(this.seed, noise);
      this.seedIn = this.seed;
    }
    const steps = plan.scene.steps;
    for (let r = 0; r < slots.length; r++) {
      const slot = slots[r]!;
      const t = slot.trajectory;
      t.restart(this.x0, this.y0, slot.setting, noise, this.sigma, this.objective);
      t.advance(steps);
      writeRun(out, cell * slots.length + r, t, this.goal, steps, plan.keep);
    }
  }

  /** Writes the base scene's setting, then each axis's value for `cell`. */
  private setCell(cell: number): void {
    const { scene } = this.plan;
    this.x0 = scene.start[0];
    this.y0 = scene.start[1];
    this.seed = scene.noise.seed;
    this.sigma = scene.noise.sigma;
    cellIndices(this.plan.axes, cell, this.at);
    for (let a = 0; a < this.targets.length; a++)
      this.write(this.targets[a]!, this.values[a]![this.at[a]!]!);
  }

  private write(target: Target, v: number): void {
    switch (target.kind) {
      case 'start':
        if (target.element === 0) this.x0 = v;
        else this.y0 = v;
        return;
      case 'seed':
        this.seed = v;
        return;
      case 'sigma':
        this.sigma = v;
        return;
      case 'param':
        if (!Object.is(this.params[target.name], v)) {
          this.params[target.name] = v;
          this.paramsChanged = true;
        }
        return;
      case 'hyper':
        for (const slot of this.slots) {
          if (target.optimizer !== 'all' && target.optimizer !== slot.index) continue;
          if (target.element === null) slot.hyper[target.key] = v;
          else (slot.hyper[target.key] as [number, number])[target.element] = v;
        }
        return;
    }
  }
}

/**
 * The Sweeper of each plan while the plan lives. A plan is computed in parts (a worker's, call by
 * call) or again: each call then reuses its trajectories' columns instead of allocating and
 * zeroing 24 bytes a step per run slot anew. A cell's result does not depend on the cells
 * computed before it: each writes its whole setting and restarts its runs (a plan is readonly).
 */
const sweepers = new WeakMap<SweepPlan, Sweeper>();

/**
 * Computes the listed cells of a plan (every cell when `cells` is null) into `out`, each at its own
 * index: entry cell · runs + r is run r of `runsOf(plan)`, equal bit for bit to what `simulate()`
 * of `cellScene(plan.scene, plan.axes, cell)` gives that optimizer. One Trajectory per run slot
 * serves every cell of every call with this plan: nothing is allocated per run.
 */
export function sweepCells(plan: SweepPlan, cells: Int32Array | null, out: SweepColumns): void {
  let sweeper = sweepers.get(plan);
  if (!sweeper) sweepers.set(plan, (sweeper = new Sweeper(plan)));
  const n = cells ? cells.length : cellCount(plan.axes);
  for (let q = 0; q < n; q++) sweeper.run(cells ? cells[q]! : q, out);
}

/** Every cell of a plan. */
export function runSweep(plan: SweepPlan): SweepColumns {
  const out = createColumns(cellCount(plan.axes), runsOf(plan).length, plan.keep);
  sweepCells(plan, null, out);
  return out;
}
