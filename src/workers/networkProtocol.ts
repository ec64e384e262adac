import type { ContourField } from '../engine/field.ts';
import type { PlaneKind } from '../engine/network/landscape.ts';
import type { SliceLoss } from '../engine/network/scene.ts';
import type { Scene } from '../engine/scene.ts';
import type { LayerStats } from '../engine/network/layerStats.ts';
import type { Box } from '../engine/types.ts';

/** How the worker slices a plane: a coarse grid, then the complete one. */
export interface Slicing {
  /** Samples per side of the coarse picture, and the most of the complete one. */
  readonly grids: readonly [number, number];
  /** Iso-lines per field. */
  readonly levels: number;
  /**
   * The time the complete grid should take by the cost model (engine/network/slice.ts
   * lossCostMs): its side is the largest (up to grids[1], at least MIN_GRID) expected to fit, the
   * same on every machine. Without it, the side is grids[1].
   */
  readonly budgetMs?: number;
}

/** Page → network worker: train a network scene's optimizers and slice their plane; or stop. */
export type ToNetworkWorker =
  | {
      readonly type: 'network';
      /** Increases with every request; every answer carries it back. */
      readonly requestId: number;
      /** A scene with a network (its `network` field set). */
      readonly scene: Scene;
      readonly slicing: Slicing;
    }
  /** The loss on the plane of request `plane` (its runs were sent) over another view. */
  | {
      readonly type: 'view';
      readonly requestId: number;
      readonly plane: number;
      readonly view: Box;
      readonly slicing: Slicing;
    }
  | { readonly type: 'cancel' };

/** One optimizer's run as the page draws it: on the scene's plane. */
export interface PlaneRun {
  /** α, β of every point on the plane (x and y of the landscape). */
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  /** Each point's distance from the plane: what the projection hides. */
  readonly distance: Float64Array;
  /** Full-batch training loss at every point. */
  readonly loss: Float64Array;
  /** Test loss at every point, or null without a test set. */
  readonly testLoss: Float64Array | null;
  /** lr[k]: the rate step k + 1 used. */
  readonly lr: Float64Array;
  readonly divergedAt: number | null;
  /** Every point's parameter vector: row k at k·count (length·count values). */
  readonly params: Float64Array;
  /** Parameters per point. */
  readonly count: number;
}

/** The runs of one scene on their plane: what the landscape and the charts draw. */
export interface PlaneRuns {
  readonly runs: readonly PlaneRun[];
  /** The plane: the runs' principal one, or random directions through a run's end. */
  readonly kind: PlaneKind;
  /** Shares of the points' variance along the plane's two axes (a principal plane's only). */
  readonly explained: readonly [number, number] | null;
  /** The full-batch loss the plane's fields are of: over the training or the test set. */
  readonly loss: SliceLoss;
  /** The part of the plane that holds every path (viewOfRuns). */
  readonly view: Box;
}

/** Where the network worker stands in a request, for the status line. */
export type NetworkProgress =
  /**
   * Run `run` (0-based) of `of` started; `done` runs are already trained, here or by the
   * trainer. The runs are not trained in order (the trainer's half comes from the last one
   * back), so `run` names the run and `done` counts.
   */
  | {
      readonly stage: 'training';
      readonly run: number;
      readonly of: number;
      readonly done: number;
    }
  /** Training is over; the plane of the paths is being found. */
  | { readonly stage: 'plane' }
  /** Grid `pass` (0-based) of `of` of the slice: a coarse one first, then the full one. */
  | { readonly stage: 'slicing'; readonly pass: number; readonly of: number };

/** Network worker → page; every message names the request it answers. */
export type FromNetworkWorker =
  | ({ readonly type: 'progress'; readonly requestId: number } & NetworkProgress)
  | ({
      readonly type: 'runs';
      readonly requestId: number;
      readonly ms: number;
      /** How many of the runs the trainer trained (their copies came first); 0 without one. */
      readonly fromTrainer: number;
    } & PlaneRuns)
  | {
      readonly type: 'field';
      readonly requestId: number;
      readonly field: ContourField;
      /** True for the complete grid, false for the coarse picture before it. */
      readonly final: boolean;
      /** Time since the request arrived, in ms. */
      readonly ms: number;
    }
  | LayersMessage
  | { readonly type: 'error'; readonly requestId: number; readonly message: string };

/** One run's per-layer statistics (engine/network/layerStats.ts) and its end's sharpness. */
export interface RunLayers {
  /** Per layer ‖θ‖, ‖step‖, ‖g‖ and effective rate: layerStats with batchGradients. */
  readonly stats: LayerStats;
  /**
   * The training loss's mean rise around the run's last point (engine/network/sharpness.ts with
   * SHARPNESS, the gallery's measure); null for a run that diverged.
   */
  readonly sharpness: number | null;
}

/** Every run's layers, computed after training (so training pays nothing for them). */
export interface NetworkLayers {
  readonly runs: readonly RunLayers[];
  /** The layers' sizes: [2, …hidden, 1]. */
  readonly sizes: readonly number[];
}

/** Network worker → page, after the plane's coarse field: the runs' layers (its own kind). */
export type LayersMessage = {
  readonly type: 'layers';
  /** The scene request whose runs these are (a later view of its plane may carry them). */
  readonly requestId: number;
  /** Time since the scene request arrived, and the time the statistics themselves took, in ms. */
  readonly ms: number;
  readonly computeMs: number;
} & NetworkLayers;
