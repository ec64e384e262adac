import { CUSTOM_ID } from '../engine/expr/custom.ts';
import { getFunction } from '../engine/functions/index.ts';
import { Trajectory, sceneNoise } from '../engine/index.ts';
import type { Scene } from '../engine/scene.ts';
import type { RunSet } from '../workers/runs.ts';

/**
 * Steps the page computes itself for one request: 6 runs × 2,000 steps, 1–2 ms of the engine on
 * most functions (Ackley's exp and cos take about 4). A slider on one optimizer changes one run,
 * and a run this small is drawn in the frame of the input that changed it; a worker's answer
 * always comes a frame later. Anything bigger goes to the worker.
 */
export const PAGE_STEPS = 12_000;

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
  ) {}

  /**
   * Computes the runs of `set` still missing, when together they take at most the budget;
   * returns whether it did. Typed functions are left to the workers: their generated code may
   * only run there (the page's CSP has no `unsafe-eval`). So are losses made of data, whose steps
   * cost a pass over the training set each.
   */
  readonly fill = (set: RunSet): boolean => {
    const { scene } = set;
    const missing = set.have.flatMap((have, k) => (have ? [] : [k]));
    if (
      scene.fn.id === CUSTOM_ID ||
      getFunction(scene.fn.id)?.data !== undefined ||
      missing.length === 0 ||
      missing.length * scene.steps > this.budget
    )
      return false;
    const xi = this.#noiseOf(scene);
    for (const k of missing) {
      const t = new Trajectory(scene, scene.optimizers[k]!, xi);
      t.advance(scene.steps);
      set.fill(k, t);
    }
    return true;
  };

  #noiseOf(scene: Scene): Float64Array | null {
    if (scene.noise.sigma === 0) return null;
    const { seed } = scene.noise;
    if (this.#noise?.seed !== seed || this.#noise.steps !== scene.steps)
      this.#noise = { seed, steps: scene.steps, xi: sceneNoise(scene) };
    return this.#noise.xi;
  }
}
