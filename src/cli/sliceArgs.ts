import { PLANE_KINDS, type PlaneKind } from '../engine/network/landscape.ts';
import { SLICE_LOSSES, type SliceLoss } from '../engine/network/scene.ts';
import { UsageError } from './failure.ts';
import { readArgs } from './options.ts';

/** The most cells a side of a slice's grid may have: 128² losses over the whole training set. */
export const MAX_SLICE_GRID = 128;

/** `descent-lab slice`'s arguments. */
export interface SliceCommand {
  readonly command: 'slice';
  readonly file: string;
  /** A plane of the parameters, or the line between two runs' last points; absent: the scene's. */
  readonly plane: PlaneKind | 'line' | undefined;
  readonly grid: number;
  /** The run whose last point a random plane passes through, or the line starts from; absent:
   * the scene's (a line's: 0). */
  readonly run: number | undefined;
  /** The loss a plane's grid adds to the training loss: test (its test_loss); absent: the scene's. */
  readonly loss: SliceLoss | undefined;
  /** The run whose last point the line ends at. */
  readonly to: number;
}

export const SLICE_USAGE = `slice: a network scene's training loss on one plane of its parameters, with every optimizer's
path projected on it (Li et al. 2018), to draw elsewhere.

  --plane pca     the plane of the first two principal components of all runs' paths together;
                  "explained" gives the share of variance along each axis
  --plane random  the plane through one run's last point along two filter-normalised random
                  directions (seed 1; biases held still)
  --run K         that run, by its place in the preset
                  (without these flags: the scene's network.slice, else pca and run 0)
  --plane line    the line from run K's last point to run L's (--to L, default 1), 1-D
                  (Goodfellow et al. 2015): is there a barrier between them? t from -0.5 to 1.5
                  at --grid points, 0 at run K's end and 1 at run L's; JSON {"plane":"line",
                  "from","to","t":[...],"train_loss":[...],"test_loss":[...]}
  --grid N        N × N cells of the full-batch training loss, at the cells' centres
                  (default 32, at most ${MAX_SLICE_GRID})
  --loss test     the test loss on the same cells too, as "test_loss" (default: the scene's
                  network.slice.loss; --loss train leaves it out)
  JSON: {"plane","explained","view":{"x":[a0,a1],"y":[b0,b1]},"grid","train_loss":[[...],...],
  "test_loss" (with --loss test),"runs":[{"label","alpha":[...],"beta":[...],"distance":[...]}]}:
  row j of a loss is β = b0 + (j + ½)(b1 − b0)/N; "distance" is how far each point lies off the
  plane. A loss that is not finite (it overflowed) is null. Exit status 2 when a run's parameters
  grew too large for the plane (its numbers would not be finite).`;

/** Reads slice's arguments; throws UsageError on anything it does not know. */
export function parseSliceArgs(rest: readonly string[]): SliceCommand {
  let plane: SliceCommand['plane'];
  let grid = 32;
  let run: number | undefined;
  let loss: SliceLoss | undefined;
  let to = 1;
  const kinds = [...PLANE_KINDS, 'line'];
  const file = readArgs('slice', rest, {
    '--plane': (v) => {
      if (!kinds.includes(v ?? '')) {
        throw new UsageError(`--plane must be pca, random or line, got "${v ?? ''}"`);
      }
      plane = v as SliceCommand['plane'];
    },
    '--grid': (v) => (grid = integer('--grid', v, 2, MAX_SLICE_GRID)),
    '--run': (v) => (run = integer('--run', v, 0, Number.MAX_SAFE_INTEGER)),
    '--to': (v) => (to = integer('--to', v, 0, Number.MAX_SAFE_INTEGER)),
    '--loss': (v) => {
      if (!SLICE_LOSSES.includes(v as SliceLoss)) {
        throw new UsageError(`--loss must be train or test, got "${v ?? ''}"`);
      }
      loss = v as SliceLoss;
    },
  });
  return { command: 'slice', file, plane, grid, run, to, loss };
}

function integer(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${value ?? ''}"`);
  }
  return n;
}
