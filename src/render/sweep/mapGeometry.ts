import type { Axis } from '../../engine/sweep/types.ts';
import { forward } from '../chart/scale.ts';
import type { PlotRect } from '../chart/layout.ts';
import { axisScale, plotMaps } from './scales.ts';

/** Where a map's cells and values sit on its plot (axis 0 across, axis 1 up). */
export interface MapGeometry {
  readonly plot: PlotRect;
  readonly nx: number;
  readonly ny: number;
  /** The cell under a point in CSS pixels, or −1 outside the plot. */
  cellAt(px: number, py: number): number;
  /** A cell's rectangle in CSS pixels. */
  cellRect(cell: number): PlotRect;
  /** The pixel of a value of axis 0 (x) and of axis 1 (y); NaN for a value a log axis cannot show. */
  x(v: number): number;
  y(v: number): number;
}

/** The geometry of a map of `axes` (two) drawn into `plot`. */
export function mapGeometry(plot: PlotRect, axes: readonly Axis[]): MapGeometry {
  const [ax, ay] = axes as readonly [Axis, Axis];
  const nx = ax.count;
  const ny = ay.count;
  const cw = plot.width / nx;
  const ch = plot.height / ny;
  const sx = axisScale(ax, true);
  const sy = axisScale(ay, true);
  const maps = plotMaps(plot, sx, sy);
  const bottom = plot.top + plot.height;
  return {
    plot,
    nx,
    ny,
    cellAt(px, py) {
      const i = Math.floor((px - plot.left) / cw);
      const j = Math.floor((bottom - py) / ch);
      return i >= 0 && i < nx && j >= 0 && j < ny ? i * ny + j : -1;
    },
    cellRect(cell) {
      const i = Math.floor(cell / ny);
      const j = cell % ny;
      return { left: plot.left + i * cw, top: bottom - (j + 1) * ch, width: cw, height: ch };
    },
    x: (v) => (ax.scale === 'log' && !(v > 0) ? NaN : maps.x(forward(sx, v))),
    y: (v) => (ay.scale === 'log' && !(v > 0) ? NaN : maps.y(forward(sy, v))),
  };
}
