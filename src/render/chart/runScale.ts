import type { RunSet, RunView } from '../../workers/runs.ts';
import { columnsNeeded, createColumns, decimate, type Columns } from './decimate.ts';
import { emptyExtent, extendExtent, mergeExtent, type Extent } from './extent.ts';
import { chooseYScale, type YScale } from './scale.ts';

/**
 * A diverged run counts towards the y domain with |f| clamped to this factor of the other runs'
 * (or the start's) largest |f|: its last finite values, often near 1e300, would flatten every
 * other run into a line. Past that it leaves the plot, and its ✕ sits on the edge.
 */
const BLOWUP = 1e3;

/**
 * What one chart keeps about the runs it draws. Runs only grow, so extents extend incrementally
 * and decimations stay valid for the same (end, pixels per step); weak keys let them go with their
 * run set. Each chart owns one: a decimation is for that chart's width.
 */
export class RunCaches {
  readonly #extents = new WeakMap<
    Float64Array,
    { limit: number; scanned: number; extent: Extent }
  >();
  readonly #decimated = new WeakMap<Float64Array, { end: number; kx: number; cols: Columns }>();

  /**
   * The extent of a run's finite values, clamped to ±limit: its training loss and, if it has one,
   * its test loss.
   */
  extent(run: RunView, limit: number): Extent {
    const extent = this.#extentOf(run.f, run.length, limit);
    if (!run.testF) return extent;
    const both = emptyExtent();
    mergeExtent(both, extent);
    mergeExtent(both, this.#extentOf(run.testF, run.length, limit));
    return both;
  }

  /**
   * A run's column of values (`run.f` or `run.testF`) 0…end decimated for `kx` pixels per step,
   * cached while those stay put.
   */
  columns(values: Float64Array, end: number, kx: number): Columns {
    const entry = this.#decimated.get(values);
    if (entry && entry.end === end && entry.kx === kx) return entry.cols;
    const reuse = entry && entry.cols.x.length >= columnsNeeded(end, kx) ? entry.cols : undefined;
    const cols = decimate(values, end, kx, reuse ?? createColumns(columnsNeeded(end, kx)));
    this.#decimated.set(values, { end, kx, cols });
    return cols;
  }

  #extentOf(values: Float64Array, length: number, limit: number): Extent {
    let entry = this.#extents.get(values);
    if (!entry || entry.limit !== limit) {
      entry = { limit, scanned: 0, extent: emptyExtent() };
      this.#extents.set(values, entry);
    }
    if (entry.scanned < length) {
      extendExtent(entry.extent, values, entry.scanned, length, limit);
      entry.scanned = length;
    }
    return entry.extent;
  }
}

/** Indices of the runs to draw. */
export const visibleRuns = (runSet: RunSet, hidden: readonly boolean[]): number[] =>
  runSet.runs.map((_, k) => k).filter((k) => !hidden[k]);

/**
 * The y scale for the visible runs: every point received, so axes hold still during playback.
 * `caches` keeps the runs' extents between frames (a fresh one scans every point).
 */
export function lossScale(
  runSet: RunSet | null,
  hidden: readonly boolean[],
  caches: RunCaches = new RunCaches(),
): YScale {
  const extent = emptyExtent();
  let reference = NaN;
  const diverged: RunView[] = [];
  for (const k of runSet ? visibleRuns(runSet, hidden) : []) {
    const run = runSet!.runs[k]!;
    // The start's loss is the same for every run: the scale's natural unit.
    if (Number.isNaN(reference) && run.length > 0) reference = Math.abs(run.f[0]!);
    if (run.divergedAt === null) mergeExtent(extent, caches.extent(run, Infinity));
    else diverged.push(run);
  }
  const steady = extent.count > 0 ? Math.max(-extent.min, extent.max) : 0;
  const scale = Math.max(steady, Number.isFinite(reference) ? reference : 0);
  const limit = scale > 0 ? BLOWUP * scale : Infinity;
  for (const run of diverged) mergeExtent(extent, caches.extent(run, limit));
  return chooseYScale(extent, reference);
}
