import type { Examples } from './data/examples.ts';
import type { SweepSpec } from './sweep/types.ts';
import type { NetworkScene } from './network/scene.ts';
import type { Box, Vec2 } from './types.ts';

/** Hyperparameter values of one optimizer, by torch's names (`lr`, `betas`, `weight_decay`, …). */
export type Hyper = Readonly<Record<string, number | boolean | Vec2>>;

/** A learning-rate schedule, torch.optim.lr_scheduler semantics, stepped after every step. */
export type Schedule =
  | { readonly type: 'constant' }
  | { readonly type: 'step'; readonly step_size: number; readonly gamma: number }
  | { readonly type: 'exponential'; readonly gamma: number }
  | { readonly type: 'cosine'; readonly T_max: number; readonly eta_min: number }
  | {
      readonly type: 'warmup_cosine';
      readonly warmup_steps: number;
      readonly start_factor: number;
      readonly T_max: number;
      readonly eta_min: number;
    };

/**
 * A later phase of an optimizer entry: from step `from` on, another optimizer (type,
 * hyperparameters, schedule), created fresh with empty state and its schedule at its own step 0,
 * as a PyTorch user who makes a new optimizer and scheduler on the same parameters.
 */
export interface Phase {
  /** Steps taken before this phase: it makes steps from + 1, from + 2, … (1 ≤ from < steps). */
  readonly from: number;
  /** torch.optim name in lower case. */
  readonly type: string;
  /** Every hyperparameter of that type, defaults filled in. */
  readonly hyper: Hyper;
  readonly schedule: Schedule;
}

/** One optimizer of a scene, every hyperparameter filled in. */
export interface OptimizerEntry {
  /** torch.optim name in lower case: "sgd", "adam", … (the first phase's, from step 1). */
  readonly type: string;
  /** Every hyperparameter of that type, defaults filled in. */
  readonly hyper: Hyper;
  readonly schedule: Schedule;
  /** Later phases, `from` strictly increasing; absent when the entry runs one optimizer. */
  readonly phases?: readonly Phase[];
  readonly label: string;
  /** "#rrggbb". */
  readonly color: string;
}

/**
 * A resolved scene: a valid version-1 preset with every default filled in. `preset/` turns
 * untrusted JSON into one; the engine trusts it.
 */
export interface Scene {
  readonly v: 1;
  /** The function: a built-in id with its parameters, or `custom` with the typed `expr`. */
  readonly fn: {
    readonly id: string;
    readonly params: Readonly<Record<string, number>>;
    /** f(x, y) in mathjs syntax, for `custom` only (checked by engine/expr). */
    readonly expr?: string;
    /**
     * The user's own data set, for `user_regression` (rows x, y) and `user_logistic` (rows x₁, x₂,
     * label) only (engine/data/userModel): columnar, checked, an immutable value.
     */
    readonly rows?: Examples;
  };
  readonly view: Box;
  readonly start: Vec2;
  readonly steps: number;
  readonly noise: { readonly sigma: number; readonly seed: number };
  readonly optimizers: readonly OptimizerEntry[];
  /** The sweep views' settings, when a sweep is open (an optional field: older presets lack it). */
  readonly sweep?: SweepSpec;
  /**
   * A network the optimizers also train (engine/network), beside the plane's function: an
   * optional field, so every older preset means what it meant.
   */
  readonly network?: NetworkScene;
}

/** One optimizer's trajectory, columnar. */
export interface Run {
  /** The start, then the point after each step: steps + 1 entries, or `divergedAt` if it diverged. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** f at each point of x, y. */
  readonly f: Float64Array;
  /** The test loss at each point, for a loss made of data with a test set. */
  readonly testF?: Float64Array;
  /** lr[k] is the learning rate used by step k + 1: `steps` entries, or `divergedAt` if it diverged. */
  readonly lr: Float64Array;
  /** Index of the first point where x, y or f was not finite (the run stops before it), or null. */
  readonly divergedAt: number | null;
}

/** The result of `simulate`: one run per optimizer, in the scene's order. */
export interface SimulateResult {
  readonly runs: Run[];
}

/** What every run of a scene shares besides its optimizer: function, start, step count, noise, network. */
export type Setting = Pick<Scene, 'fn' | 'start' | 'steps' | 'noise' | 'network'>;

/**
 * True when two scenes run their optimizers in the same setting, so an optimizer entry of both
 * has the same trajectory (the engine is deterministic). Fields are compared by identity: scenes
 * are immutable values, and whatever changes one is replaced, so an unchanged field is the same
 * object. The one place that says which fields decide a run.
 */
export const sameSetting = (a: Setting, b: Setting): boolean =>
  a.fn === b.fn &&
  a.start === b.start &&
  a.steps === b.steps &&
  a.noise === b.noise &&
  a.network === b.network;

/**
 * True when two scenes have the same trajectories: the same setting and the same optimizer
 * entries in the same order. The view does not matter.
 */
export const sameTrajectories = (
  a: Setting & Pick<Scene, 'optimizers'>,
  b: Setting & Pick<Scene, 'optimizers'>,
): boolean =>
  sameSetting(a, b) &&
  a.optimizers.length === b.optimizers.length &&
  a.optimizers.every((o, i) => o === b.optimizers[i]);
