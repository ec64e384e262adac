import type { Objective } from '../types.ts';

/** How an axis spaces its values: evenly, or evenly in log (every value > 0). */
export type AxisScale = 'linear' | 'log';

/**
 * One swept quantity. `path` is written as in error messages: `optimizers[0].lr`,
 * `optimizers[*].lr` (every optimizer), `optimizers[1].betas[0]`, `start[0]`, `fn.params.kappa`,
 * `noise.seed`, `noise.sigma`. `count` values from `from` to `to`, both included.
 */
export interface Axis {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly scale: AxisScale;
}

/** What a map or a curve shows of each run. */
export type Metric = 'final_loss' | 'best_loss' | 'steps_to_tol';

/** Which sweep view the page shows. */
export type SweepView = 'map' | 'curves' | 'basins' | 'seeds';

/**
 * The preset's optional `sweep` field, every default filled in: the settings of all four views,
 * and which one is open. A scene without it has no sweep open.
 */
export interface SweepSpec {
  readonly view: SweepView;
  /** Sensitivity map: two axes over one optimizer's settings (or anything else a path names). */
  readonly map: { readonly axes: readonly [Axis, Axis]; readonly optimizer: number };
  /** Learning-rate curves: one axis, every optimizer of the scene. */
  readonly curves: { readonly axis: Axis };
  /** Basin map: `resolution`² starts over the view, for one optimizer. */
  readonly basins: { readonly resolution: number; readonly optimizer: number };
  /** Seed ensemble: the scene over noise seeds 1…count. */
  readonly seeds: { readonly count: number };
  /** What the map and the curves colour or plot. */
  readonly metric: Metric;
  /** A run has converged once f ≤ f_min + tol (functions with known minima). */
  readonly tol: number;
}

/** One sweep to compute: the scene, its axes (1 or 2), which optimizers, what to keep. */
export interface SweepPlan {
  /** The base scene; every cell is this scene with the axes' values written in. */
  readonly scene: import('../scene.ts').Scene;
  readonly axes: readonly Axis[];
  /** Indices of the scene's optimizers to run in every cell; all when omitted. */
  readonly only?: readonly number[];
  readonly tol: number;
  /** Points kept per run (evenly spaced steps, start and end included); none when omitted. */
  readonly keep?: number;
  /** A compiled typed function; the built-in of `scene.fn` when omitted. */
  readonly objective?: Objective;
}

/**
 * Metrics of a sweep, columnar: entry `cell * runs + r` is run r (of `only`) in that cell. Cells
 * are numbered axis 0 major: cell = i * axes[1].count + j. Each entry equals what `simulate()` of
 * the cell's scene gives, bit for bit.
 */
export interface SweepColumns {
  readonly cells: number;
  readonly runs: number;
  /** f at the last finite point; NaN when even the start is not finite. */
  readonly finalLoss: Float64Array;
  /** The least f of the run; NaN when even the start is not finite. */
  readonly bestLoss: Float64Array;
  /** First step k with f[k] ≤ f_min + tol; −1 = never, or no known minimum. */
  readonly stepsToTol: Int32Array;
  /** Index of the known minimum nearest the last point (typed functions: a cluster); −1 = none. */
  readonly basin: Int32Array;
  /** The run's `divergedAt`; −1 = never diverged. */
  readonly divergedAt: Int32Array;
  /** The last finite point. */
  readonly endX: Float64Array;
  readonly endY: Float64Array;
  /** With `keep`: the kept points, `keep` per entry (NaN past a divergence). */
  readonly pathX?: Float64Array;
  readonly pathY?: Float64Array;
}
