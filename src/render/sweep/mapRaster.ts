import type { Metric } from '../../engine/sweep/types.ts';
import type { YScale } from '../chart/scale.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { DIVERGED_RGB, NEVER_RGB, writeRamp } from './mapColour.ts';
import { entryKind, metricValue, scaleFraction } from './metric.ts';

/** The raster's size: one pixel per cell, axis 0 across, axis 1 up. */
export const rasterSize = (
  progress: SweepProgress,
): { readonly nx: number; readonly ny: number } => ({
  nx: progress.plan.axes[0]?.count ?? 1,
  ny: progress.plan.axes[1]?.count ?? 1,
});

/**
 * The map as RGBA bytes, one pixel per cell (row 0 = the last value of axis 1, so y goes up),
 * for run `run` of the plan. A cell computed at level L of `levels` stands for the block of
 * 2^(levels − L) cells from it on each axis until finer cells arrive and paint over it; cells not
 * covered yet stay transparent. `out` is reused when it has the right size.
 */
export function mapRaster(
  progress: SweepProgress,
  metric: Metric,
  scale: YScale,
  levels: number,
  run = 0,
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const { nx, ny } = rasterSize(progress);
  const bytes = out?.length === nx * ny * 4 ? out : new Uint8ClampedArray(nx * ny * 4);
  bytes.fill(0);
  const { columns, level } = progress;
  const pixel = new Uint8ClampedArray(4);
  for (let l = 1; l <= levels; l++) {
    const stride = 2 ** (levels - l);
    for (let cell = 0; cell < columns.cells; cell++) {
      if (level[cell] !== l) continue;
      colourOf(progress, metric, scale, cell, run, pixel);
      const i = (cell - (cell % ny)) / ny;
      const j = cell % ny;
      const iEnd = Math.min(nx, i + stride);
      const jEnd = Math.min(ny, j + stride);
      for (let jj = j; jj < jEnd; jj++) {
        const row = (ny - 1 - jj) * nx;
        for (let ii = i; ii < iEnd; ii++) bytes.set(pixel, (row + ii) * 4);
      }
    }
  }
  return bytes;
}

/** Writes the colour of a computed cell into `out` (RGBA). */
function colourOf(
  progress: SweepProgress,
  metric: Metric,
  scale: YScale,
  cell: number,
  run: number,
  out: Uint8ClampedArray,
): void {
  const kind = entryKind(progress, metric, cell, run);
  if (kind === 'value') {
    const e = cell * progress.columns.runs + run;
    writeRamp(out, 0, scaleFraction(scale, metricValue(progress.columns, metric, e)));
    return;
  }
  out.set(kind === 'never' ? NEVER_RGB : DIVERGED_RGB);
  out[3] = 255;
}
