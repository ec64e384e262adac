import { CUSTOM_ID } from '../engine/expr/custom.ts';
import { functionOf } from '../engine/functions/index.ts';
import { Trajectory, builtinObjective, pathOnly, sceneNoise } from '../engine/index.ts';
import type { Scene } from '../engine/scene.ts';
import type { DataSpec } from '../engine/types.ts';
import type { RunSet } from '../workers/runs.ts';

/**
 * Steps the page computes itself for one request: 6 runs × 2,000 steps, 1–2 ms of the engine on
 * most functions (Ackley's exp and cos take about 4). A slider on one optimizer changes one run,
 * and a run this small is drawn in the frame of the input that changed it; a worker's answer
 * always comes a frame later. Anything bigger goes to the worker.
 */
export const PAGE_STEPS = 12_000;

/**
 * What the paths the page sketches for one request of a loss made of data may cost, in ns of this
 * machine's Node (the `nsPerExample` scale): 4 ms, the most the runs of formulas take here. One
 * dragged run of 1,000 steps over 1,000 training examples, B = 32, is estimated at 0.9 ms (linear
 * regression), 2.7 ms (the wells) and 3.2 ms (the logistic one). Six runs of the linear regression
 * (a change of B) fit whole up to B ≈ 110; past that, and for six runs of the costlier models,
 * their first epochs do. The estimate prices a gradient as its loss, and the page's one loop serves
 * every type (stepLoop.ts): in Chromium (the worst of three fresh browsers, one drag each), a
 * dragged run's sketch took 0.8, 3.3 and 1.9 ms at the median (p95 1.1, 5.3 and 3.8 ms, at most
 * 5.4, 8.9 and 6.3 ms), and the six runs of a drag of B 2.6 ms (p95 7.1 ms, at most 15.8 ms):
 * inside the input's frame, and never a long task.
 */
export const SKETCH_NS = 4e6;
/**
 * What drawing one example into an epoch's shuffled order costs, in the same ns: a sketch draws
 * an epoch's permutation of the training set for every epoch its steps reach.
 */
const SHUFFLE_NS = 25;

/** Steps of one epoch of a loss made of data: its training set's batches. */
const epochSteps = (scene: Scene, data: DataSpec): number =>
  Math.ceil(data.dataset(scene.fn.params).train.n / scene.fn.params['batch']!);

/**
 * How many steps of `runs` paths of a loss made of data the page sketches within `budget` ns:
 * every run's steps, or as many whole epochs as fit (the runs go through the epochs together,
 * sharing each one's shuffle), or within the first epoch as many steps as fit; 0 if none. A step
 * costs its mini-batch's gradients (priced as their losses, `nsPerExample`), an epoch a shuffle.
 */
function sketchSteps(scene: Scene, data: DataSpec, runs: number, budget: number): number {
  const n = data.dataset(scene.fn.params).train.n;
  const batch = scene.fn.params['batch']!;
  const perEpoch = epochSteps(scene, data);
  const stepNs = runs * batch * data.nsPerExample;
  const epochs = Math.floor(budget / (perEpoch * stepNs + n * SHUFFLE_NS));
  const steps = epochs > 0 ? epochs * perEpoch : Math.floor((budget - n * SHUFFLE_NS) / stepNs);
  return Math.max(0, Math.min(scene.steps, steps));
}

/**
 * Runs small enough to compute on the page, in the frame of the input that asked for them (the
 * trajectory client calls `fill` before it asks its worker). Keeps the last scene's noise: a drag
 * changes hyperparameters, not the seed, so it is drawn once.
 */
export class PageRuns {
  #noise: { seed: number; steps: number; xi: Float64Array | null } | null = null;

  constructor(
    /** Steps one request may take here. */
    private readonly budget = PAGE_STEPS,
    /** What one request's sketched paths of a loss made of data may cost (see SKETCH_NS). */
    private readonly sketchBudget = SKETCH_NS,
  ) {}

  /**
   * Computes the runs of `set` still missing, when together they take at most the budget;
   * returns whether it did. Typed functions are left to the workers: their generated code may
   * only run there (the page's CSP has no `unsafe-eval`). A loss made of data costs a pass over
   * the training set a step: only the paths are computed here, as far as `sketchBudget` allows
   * (all of them for a dragged run; their start when many runs change at a large B), and the
   * worker computes the runs in full behind them (returns false).
   */
  readonly fill = (set: RunSet): boolean => {
    const { scene } = set;
    const missing = set.have.flatMap((have, k) => (have ? [] : [k]));
    if (scene.fn.id === CUSTOM_ID || missing.length === 0) return false;
    const data = functionOf(scene.fn)?.data;
    if (data) {
      const steps = sketchSteps(scene, data, missing.length, this.sketchBudget);
      if (steps > 0) this.#sketch(set, missing, steps, data);
      return false;
    }
    if (missing.length * scene.steps > this.budget) return false;
    const xi = this.#noiseOf(scene);
    for (const k of missing) {
      const t = new Trajectory(scene, scene.optimizers[k]!, xi);
      t.advance(scene.steps);
      set.fill(k, t);
    }
    return true;
  };

  /**
   * The first `steps` steps of the paths of runs `missing`, taken through the epochs together:
   * they share one objective, whose batch order keeps the last few epochs' permutations, so each
   * epoch is shuffled once.
   */
  #sketch(set: RunSet, missing: readonly number[], steps: number, data: DataSpec): void {
    const { scene } = set;
    const perEpoch = epochSteps(scene, data);
    const path = pathOnly(builtinObjective(scene.fn, scene.noise.seed));
    const xi = this.#noiseOf(scene);
    const runs = missing.map((k) => new Trajectory(scene, scene.optimizers[k]!, xi, path));
    for (let done = 0; done < steps; done += perEpoch)
      for (const t of runs) t.advance(Math.min(perEpoch, steps - done));
    runs.forEach((t, i) => set.sketch(missing[i]!, t));
  }

  #noiseOf(scene: Scene): Float64Array | null {
    if (scene.noise.sigma === 0) return null;
    const { seed } = scene.noise;
    if (this.#noise?.seed !== seed || this.#noise.steps !== scene.steps)
      this.#noise = { seed, steps: scene.steps, xi: sceneNoise(scene) };
    return this.#noise.xi;
  }
}
