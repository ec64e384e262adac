import type { Scene } from '../engine/scene.ts';
import type { RunChunk } from './runs.ts';

/**
 * Page → trajectory worker. A newer `simulate` supersedes every older one; `cancel` drops the
 * current one (the page computed what it needed itself) and is not answered.
 */
export type ToTrajectoryWorker = SimulateRequest | { readonly type: 'cancel' };

/** One scene to compute, the runs the page lacks only. */
export interface SimulateRequest {
  readonly type: 'simulate';
  readonly runId: number;
  readonly scene: Scene;
  /** For a typed function: the source compiled from it (engine/expr/codegen), re-checked here. */
  readonly objective?: string;
  /** Runs the page already has (unchanged, or computed on the page): not computed again. */
  readonly skip: readonly boolean[];
}

/** Trajectory worker → page; every message names the request it answers. */
export type FromTrajectoryWorker =
  | ({ readonly type: 'chunk'; readonly runId: number } & RunChunk)
  | { readonly type: 'done'; readonly runId: number; readonly ms: number }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
