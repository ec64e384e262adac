import type { Scene } from '../engine/scene.ts';

/**
 * Page → network worker: the losses along the line between two runs' last points ("Between two
 * ends"). Its own kind with its own ids: it never stops the scene's training or slicing, and a
 * newer line request replaces an older one.
 */
export interface LineRequest {
  readonly type: 'line';
  /** Increases with every line request; the answer carries it back. */
  readonly requestId: number;
  /** The scene whose network the runs trained (its `network` field set). */
  readonly scene: Scene;
  /** The runs' places in the scene: the line goes from `from`'s end (t = 0) to `to`'s (t = 1). */
  readonly from: number;
  readonly to: number;
  /** Their last parameter vectors (copies: the page keeps its own). */
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** Samples of t (lineTs): the same points `descent-lab slice --plane line --grid points` takes. */
  readonly points: number;
}

/** Network worker → page: the line's losses, or why there are none. */
export type LineAnswer =
  | {
      readonly type: 'line';
      readonly requestId: number;
      /** lineTs(points). */
      readonly t: Float64Array;
      /** Full-batch training loss at each t. */
      readonly train: Float64Array;
      /** Test loss at each t, or null without a test set. */
      readonly test: Float64Array | null;
      /** Time since the request arrived, in ms. */
      readonly ms: number;
    }
  | { readonly type: 'lineError'; readonly requestId: number; readonly message: string };
