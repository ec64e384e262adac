import type { Scene } from '../engine/scene.ts';
import type { SweepColumns } from '../engine/sweep/types.ts';

/**
 * Page → sweep worker. Every message carries the run id of the request it belongs to; a message
 * of a newer run (or a `cancel`) supersedes every older part the worker still holds, and those are
 * answered `skipped` instead of computed.
 */
export type ToSweepWorker = SweepPart | { readonly type: 'cancel'; readonly runId: number };

/** Some cells of one sweep: the worker computes planOf(scene, objective) for these cells only. */
export interface SweepPart {
  readonly type: 'part';
  readonly runId: number;
  /** The part's place in its run, named again in the answer. */
  readonly part: number;
  /** The scene whose open sweep view gives the plan. */
  readonly scene: Scene;
  /** For a typed function: the source compiled from it (engine/expr/codegen), re-checked there. */
  readonly objective?: string;
  /** Cell indices of the plan (axis 0 major). */
  readonly cells: Int32Array;
}

/** Sweep worker → page: every part sent is answered exactly once, by one of these. */
export type FromSweepWorker =
  | {
      readonly type: 'part';
      readonly runId: number;
      readonly part: number;
      /** The part's metrics: entry `k * runs + r` is run r of cell `cells[k]`. */
      readonly columns: SweepColumns;
      /** Time the worker spent on the part, in ms. */
      readonly ms: number;
    }
  | { readonly type: 'skipped'; readonly runId: number; readonly part: number }
  | {
      readonly type: 'error';
      readonly runId: number;
      readonly part: number;
      readonly message: string;
    };
