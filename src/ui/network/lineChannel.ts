import { Feed } from '../../workers/feed.ts';
import type { NetworkPicture } from './networkPicture.ts';

/** Two runs of a picture whose ends the "Between two ends" view joins: t = 0 at `from`, 1 at `to`. */
export interface LineChoice {
  readonly picture: NetworkPicture;
  readonly from: number;
  readonly to: number;
}

/** The losses along a chosen line (lineTs; test null without a test set), or why there are none. */
export type LineResult = { readonly choice: LineChoice } & (
  | {
      readonly t: Float64Array;
      readonly train: Float64Array;
      readonly test: Float64Array | null;
      /** Time in the worker, in ms. */
      readonly ms: number;
    }
  | { readonly error: string }
);

/**
 * The view's line to the network worker, through feeds as everything else the page computes: the
 * view publishes the choice it shows, the network route computes it and publishes the result.
 */
export class LineChannel {
  /** The newest choice; null when the view closes (nothing is wanted). */
  readonly asked = new Feed<LineChoice | null>();
  /** The newest choice's result. */
  readonly result = new Feed<LineResult | null>();
}

/** The runs a line may join: those that did not diverge (a diverged run has no end of its own). */
export const finiteRuns = (picture: NetworkPicture): number[] =>
  picture.plane.runs.flatMap((r, k) => (r.divergedAt === null && r.loss.length > 0 ? [k] : []));

/** Run `k`'s last parameter vector (a view into the picture's rows, no copy). */
export function endOf(picture: NetworkPicture, k: number): Float64Array {
  const run = picture.plane.runs[k];
  const theta = run && picture.theta(k, run.loss.length - 1);
  if (!theta) throw new Error(`no run ${k} in the picture`);
  return theta;
}
