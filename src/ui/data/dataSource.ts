import {
  cloudBuffers,
  gradientCloud,
  type CloudBuffers,
  type GradientCloud,
} from '../../engine/data/cloud.ts';
import type { DataObjective } from '../../engine/data/objective.ts';
import { functionOf } from '../../engine/functions/index.ts';
import { noiseSequence } from '../../engine/noise.ts';
import type { Scene } from '../../engine/scene.ts';
import type { DataSpec, Vec2 } from '../../engine/types.ts';
import type { FittedModel } from '../../render/data/dataPlot.ts';
import type { RunSet } from '../../workers/runs.ts';

/** The data panel's picture at one step: the examples' model, each visible fit, the step's batch. */
export interface DataFrame {
  readonly spec: DataSpec;
  readonly objective: DataObjective;
  /** The step shown (0…steps): the cursor's, or the hovered one. */
  readonly step: number;
  readonly models: readonly (FittedModel & { readonly label: string })[];
  /** Step `step`'s batch (engine batch step − 1), null at step 0. */
  readonly batch: Int32Array | null;
}

/** The gradient cloud of one optimizer's step s: taken at point s − 1 with batch s − 1. */
export interface CloudFrame {
  readonly cloud: GradientCloud;
  /** The step (1-based, as the inspector counts): the update from point step − 1 to point step. */
  readonly step: number;
  /** The gradient that step used: the batch's mean plus σξ of that step. */
  readonly used: Vec2;
  readonly label: string;
  readonly color: string;
}

/**
 * What the data views draw, from a run set (the trajectories and the scene they belong to, which
 * may lag the store's) and the shown step. Keeps the objective of the last scene, its noise and
 * the per-example gradient buffers, and the last cloud: a redraw at the same point and step (a
 * resize, a colour change) computes nothing. One per component: no state is shared.
 */
export class DataSource {
  #objective: { fn: Scene['fn']; seed: number; objective: DataObjective } | null = null;
  #noise: { seed: number; steps: number; xi: Float64Array } | null = null;
  #buffers: CloudBuffers | null = null;
  #batch: { objective: DataObjective; step: number; indices: Int32Array } | null = null;
  #cloud: {
    objective: DataObjective;
    x: number;
    y: number;
    step: number;
    cloud: GradientCloud;
  } | null = null;

  /** The data panel's frame, or null when the run set's scene is not made of data. */
  frame(runSet: RunSet, shown: number, hidden: readonly boolean[]): DataFrame | null {
    const { scene } = runSet;
    const spec = functionOf(scene.fn)?.data;
    if (!spec) return null;
    const objective = this.#objectiveOf(scene);
    const step = Math.max(0, Math.min(scene.steps, shown));
    const models = runSet.runs.flatMap((run, k) => {
      const entry = scene.optimizers[k]!;
      // θ alone: a path sketched on the page shows before its losses arrive.
      if (hidden[k] || run.pathLength === 0) return [];
      const p = Math.min(step, run.pathLength - 1);
      return [{ x: run.x[p]!, y: run.y[p]!, color: entry.color, label: entry.label }];
    });
    return {
      spec,
      objective,
      step,
      models,
      batch: step >= 1 ? this.#batchOf(objective, step - 1) : null,
    };
  }

  /** Engine step `step`'s batch: the same array while the objective and step stay. */
  #batchOf(objective: DataObjective, step: number): Int32Array {
    const kept = this.#batch;
    if (kept?.objective === objective && kept.step === step) return kept.indices;
    const indices = Int32Array.from(objective.order.indices(step));
    this.#batch = { objective, step, indices };
    return indices;
  }

  /**
   * The cloud of optimizer `index`'s step at the shown one (step 1 at the start), at the last
   * point it reached if it stopped earlier; null without points or data.
   */
  cloud(runSet: RunSet, index: number, shown: number): CloudFrame | null {
    const { scene } = runSet;
    const run = runSet.runs[index];
    const entry = scene.optimizers[index];
    if (!run || !entry || run.pathLength === 0 || !functionOf(scene.fn)?.data) return null;
    const objective = this.#objectiveOf(scene);
    const step = Math.max(1, Math.min(shown, scene.steps, run.pathLength - 1));
    const x = run.x[step - 1]!;
    const y = run.y[step - 1]!;
    const cloud = this.#cloudAt(objective, x, y, step - 1);
    const xi = this.#noiseOf(scene);
    const sigma = scene.noise.sigma;
    const used: Vec2 = xi
      ? [
          cloud.batchGrad[0] + sigma * xi[2 * step - 2]!,
          cloud.batchGrad[1] + sigma * xi[2 * step - 1]!,
        ]
      : cloud.batchGrad;
    return { cloud, step, used, label: entry.label, color: entry.color };
  }

  #objectiveOf(scene: Scene): DataObjective {
    const seed = scene.noise.seed;
    const kept = this.#objective;
    if (kept?.fn === scene.fn && kept.seed === seed) return kept.objective;
    const objective = functionOf(scene.fn)!.create(scene.fn.params, seed) as DataObjective;
    this.#objective = { fn: scene.fn, seed, objective };
    return objective;
  }

  #cloudAt(objective: DataObjective, x: number, y: number, step: number): GradientCloud {
    const kept = this.#cloud;
    if (kept?.objective === objective && kept.x === x && kept.y === y && kept.step === step) {
      return kept.cloud;
    }
    // A new cloud writes into the buffers the kept one reads: it is replaced here at once.
    this.#buffers = cloudBuffers(objective.data.train.n, this.#buffers);
    const cloud = gradientCloud(objective, x, y, step, this.#buffers);
    this.#cloud = { objective, x, y, step, cloud };
    return cloud;
  }

  /** The scene's ξ, as the engine draws it, or null without Gaussian noise. */
  #noiseOf(scene: Scene): Float64Array | null {
    const { sigma, seed } = scene.noise;
    if (!(sigma > 0)) return null;
    if (this.#noise?.seed !== seed || this.#noise.steps !== scene.steps) {
      this.#noise = { seed, steps: scene.steps, xi: noiseSequence(seed, scene.steps) };
    }
    return this.#noise.xi;
  }
}
