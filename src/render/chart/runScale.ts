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
  readonly #extents = new WeakMap<RunView, { limit: number; scanned: number; extent: Extent }>();
  readonly #decimated = new WeakMap<RunView, { end: number; kx: number; cols: Columns }>();

  /** The extent of a run's finite values, clamped to ±limit. */
  extent(run: RunView, limit: number): Extent {
    let entry = this.#extents.get(run);
    if (!entry || entry.limit !== limit) {
      entry = { limit, scanned: 0, extent: emptyExtent() };
      this.#extents.set(run, entry);
    }
    if (entry.scanned < run.length) {
      extendExtent(entry.extent, run.f, entry.scanned, run.length, limit);
      entry.scanned = run.length;
    }
    return entry.extent;
  }

  /** The run's values 0…end decimated for `kx` pixels per step, cached while those stay put. */
  columns(run: RunView, end: number, kx: number): Columns {
    const entry = this.#decimated.get(run);
    if (entry && entry.end === end && entry.kx === kx) return entry.cols;
    const reuse = entry && entry.cols.x.length >= columnsNeeded(end, kx) ? entry.cols : undefined;
    const cols = decimate(run.f, end, kx, reuse ?? createColumns(columnsNeeded(end, kx)));
    this.#decimated.set(run, { end, kx, cols });
    return cols;
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
