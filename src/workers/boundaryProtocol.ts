import type { BoundaryFrame } from '../engine/network/boundaryFrame.ts';
import type { NetworkScene } from '../engine/network/scene.ts';
import type { ErrorAnswer } from './latestClient.ts';

/** Page → boundary worker: each run's decision-boundary frame at its θ. */
export interface BoundaryRequest {
  readonly type: 'frames';
  readonly requestId: number;
  readonly network: NetworkScene;
  /** One parameter vector per panel (copies: a view would send its whole run). */
  readonly thetas: readonly Float64Array[];
}

/** Boundary worker → page: the frames in the order of the request's θs. */
export type BoundaryAnswer =
  | {
      readonly type: 'frames';
      readonly requestId: number;
      readonly frames: readonly BoundaryFrame[];
    }
  | ErrorAnswer;
