import { toEnd } from '../steps.ts';
import type { Box } from '../types.ts';
import { layoutOf, type Architecture } from './architecture.ts';
import { randomPlane } from './directions.ts';
import { principalPlaneSteps } from './pca.ts';
import { project, type Plane } from './plane.ts';
import type { NetworkRun } from './train.ts';

/** The plane a network scene's runs are seen in: their principal plane, or a random one (Li et al.). */
export type PlaneKind = 'pca' | 'random';
export const PLANE_KINDS: readonly PlaneKind[] = ['pca', 'random'];

/** A plane for a scene's runs, with the shares of variance its axes explain (PCA only). */
export interface RunsPlane {
  readonly kind: PlaneKind;
  readonly plane: Plane;
  readonly explained: readonly [number, number] | null;
}

/** Every point of a run on the plane: its (α, β) and how far it lies off the plane. */
export interface RunProjection {
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly distance: Float64Array;
}

/** A run's recorded rows: point k's parameters at k·count (a diverged run's rows stop early). */
const rowsOf = (run: NetworkRun): Float64Array =>
  run.params.subarray(0, run.loss.length * run.count);

/**
 * One plane shared by all the runs, so their paths compare: the principal plane of every point of
 * every run together, or the plane through run `through`'s last point along two filter-normalised
 * random directions drawn from `seed`.
 */
export function planeOfRuns(
  kind: PlaneKind,
  arch: Architecture,
  runs: readonly NetworkRun[],
  through = 0,
  seed = 1,
): RunsPlane {
  return toEnd(planeOfRunsSteps(kind, arch, runs, through, seed));
}

/** planeOfRuns a piece at a time (principalPlaneSteps), for a worker's interruptible job. */
export function* planeOfRunsSteps(
  kind: PlaneKind,
  arch: Architecture,
  runs: readonly NetworkRun[],
  through = 0,
  seed = 1,
): Generator<void, RunsPlane, void> {
  if (kind === 'pca') {
    const plane = yield* principalPlaneSteps(runs.map(rowsOf), runs[0]!.count);
    return { kind, plane, explained: plane.explained };
  }
  const run = runs[through]!;
  const end = (run.loss.length - 1) * run.count;
  const center = run.params.subarray(end, end + run.count);
  return { kind, plane: randomPlane(layoutOf(arch), center, seed), explained: null };
}

/**
 * Throws unless the runs' plane, every point projected on it and the view that holds them are
 * finite. Parameters that grew past ~1e150 without overflowing (a large learning rate: a run stops
 * only at the first non-finite step) overflow the plane's sums of squares: its shares of variance,
 * its coordinates or a point's distance off it come out NaN or infinite, and nothing drawn or
 * printed from them means anything. The page's worker and `descent-lab slice` both refuse so.
 */
export function checkRunsPlane(
  { kind, explained }: RunsPlane,
  projections: readonly RunProjection[],
  view: Box,
): void {
  const finite =
    (explained?.every(Number.isFinite) ?? true) &&
    [view.x[1] - view.x[0], view.y[1] - view.y[0]].every((w) => w > 0 && Number.isFinite(w)) &&
    projections.every((p) => [p.alpha, p.beta, p.distance].every(allFinite));
  if (!finite) throw new RangeError(notFiniteMessage(kind));
}

/** What checkRunsPlane says when a plane of `kind` is not finite. */
export const notFiniteMessage = (kind: PlaneKind): string =>
  `The runs’ ${kind === 'pca' ? 'principal' : 'random'} plane is not finite: some run’s ` +
  'parameters grew too large for it (a smaller learning rate keeps them in range).';

const allFinite = (values: Float64Array): boolean => values.every(Number.isFinite);

/** Projects every point of `run` on the plane. */
export function projectRun(plane: Plane, run: NetworkRun): RunProjection {
  const n = run.loss.length;
  const out = {
    alpha: new Float64Array(n),
    beta: new Float64Array(n),
    distance: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const p = project(plane, run.params, k * run.count);
    out.alpha[k] = p.alpha;
    out.beta[k] = p.beta;
    out.distance[k] = p.distance;
  }
  return out;
}

/**
 * The part of the plane to draw: every projected point with a tenth of the extent spare on each
 * side, and for a random plane at least α, β ∈ [−1, 1] (a step of 1 along a filter-normalised
 * direction changes each unit's weights by as much as they measure: Li et al. plot that square).
 */
export function viewOfRuns(kind: PlaneKind, projections: readonly RunProjection[]): Box {
  let [x0, x1, y0, y1] =
    kind === 'random' ? [-1, 1, -1, 1] : [Infinity, -Infinity, Infinity, -Infinity];
  for (const { alpha, beta } of projections) {
    for (let k = 0; k < alpha.length; k++) {
      x0 = Math.min(x0, alpha[k]!);
      x1 = Math.max(x1, alpha[k]!);
      y0 = Math.min(y0, beta[k]!);
      y1 = Math.max(y1, beta[k]!);
    }
  }
  const mx = 0.1 * (x1 - x0 || 1);
  const my = 0.1 * (y1 - y0 || 1);
  return { x: [x0 - mx, x1 + mx], y: [y0 - my, y1 + my] };
}
