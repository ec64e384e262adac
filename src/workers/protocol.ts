import type { Scene } from '../engine/scene.ts';
import type { RunChunk } from './runs.ts';

/** Page → trajectory worker. A newer `simulate` supersedes every older one. */
export type ToTrajectoryWorker = {
  readonly type: 'simulate';
  readonly runId: number;
  readonly scene: Scene;
  /** For a typed function: the source compiled from it (engine/expr/codegen), re-checked here. */
  readonly objective?: string;
  /** Runs the page already has (unchanged since the last scene): not computed again. */
  readonly skip: readonly boolean[];
};

/** Trajectory worker → page; every message names the request it answers. */
export type FromTrajectoryWorker =
  | ({ readonly type: 'chunk'; readonly runId: number } & RunChunk)
  | { readonly type: 'done'; readonly runId: number; readonly ms: number }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
