import type { Metric } from '../../engine/sweep/types.ts';
import type { ChartTheme } from '../chart/axes.ts';
import type { YScale } from '../chart/scale.ts';
import { newBitmap, type Bitmap, type Context2D } from '../bitmap.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { drawSweepAxes, sweepPlot } from './axes.ts';
import { mapGeometry, type MapGeometry } from './mapGeometry.ts';
import { mapRaster, rasterSize } from './mapRaster.ts';
import { axisScale } from './scales.ts';

/** Everything one drawing of the sensitivity map needs; the context draws in CSS pixels. */
export interface MapInput {
  readonly width: number;
  readonly height: number;
  readonly progress: SweepProgress;
  readonly metric: Metric;
  /** The colour scale of the metric (metricScale). */
  readonly scale: YScale;
  /** Levels of the progressive order (levelsOf(axes).length). */
  readonly levels: number;
  /** Axis names, x (axis 0) then y (axis 1). */
  readonly names: { readonly x: string; readonly y: string };
  /** The scene's own values of the two axes, or null when it has none. */
  readonly marker: readonly [number, number] | null;
  /** The cell with keyboard focus (drawn only while the map has focus), and the hovered one. */
  readonly focus: number | null;
  readonly hover: number | null;
  readonly theme: ChartTheme;
}

/** The map of one canvas: it keeps the raster of the newest progress between frames. */
export interface SweepMap {
  /** Draws the map; returns its geometry, for pointer picking. */
  draw(ctx: Context2D, input: MapInput): MapGeometry;
}

/** A map drawer with its raster cache. */
export function createSweepMap(): SweepMap {
  let bitmap: [Bitmap, Context2D] | null = null;
  let drawn: { progress: SweepProgress; metric: Metric; scale: YScale } | null = null;
  let bytes: Uint8ClampedArray | undefined;
  return {
    draw(ctx, input) {
      const { progress, metric, scale, levels } = input;
      const { nx, ny } = rasterSize(progress);
      if (
        !bitmap ||
        !drawn ||
        drawn.progress !== progress ||
        drawn.metric !== metric ||
        drawn.scale.t0 !== scale.t0 ||
        drawn.scale.t1 !== scale.t1 ||
        drawn.scale.kind !== scale.kind
      ) {
        if (!bitmap || bitmap[0].width !== nx || bitmap[0].height !== ny)
          bitmap = newBitmap(nx, ny);
        bytes = mapRaster(progress, metric, scale, levels, 0, bytes);
        bitmap[1].putImageData(
          new ImageData(bytes as Uint8ClampedArray<ArrayBuffer>, nx, ny),
          0,
          0,
        );
        drawn = { progress, metric, scale };
      }
      return drawMap(ctx, input, bitmap[0]);
    },
  };
}

/** The map from its raster: cells, frame and ticks, the scene's setting, hover and focus. */
function drawMap(ctx: Context2D, input: MapInput, raster: Bitmap): MapGeometry {
  const { width, height, progress, theme } = input;
  const plot = sweepPlot(width, height);
  const geometry = mapGeometry(plot, progress.plan.axes);
  ctx.save();
  // Cells not computed yet show a faint grey, distinct from every colour of the scale.
  ctx.fillStyle = theme.axis;
  ctx.globalAlpha = 0.12;
  ctx.fillRect(plot.left, plot.top, plot.width, plot.height);
  ctx.globalAlpha = 1;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(raster, plot.left, plot.top, plot.width, plot.height);
  ctx.restore();
  const [ax, ay] = progress.plan.axes;
  drawSweepAxes(ctx, plot, axisScale(ax!, true), axisScale(ay!, true), input.names, theme);
  if (input.marker) drawMarker(ctx, geometry, input.marker, theme);
  if (input.hover !== null && input.hover >= 0) outline(ctx, geometry, input.hover, theme.text, 1);
  if (input.focus !== null && input.focus >= 0) {
    outline(ctx, geometry, input.focus, theme.surface, 4);
    outline(ctx, geometry, input.focus, theme.text, 2);
  }
  return geometry;
}

/** A rectangle around a cell, at least 6 px wide so small cells still show it. */
function outline(ctx: Context2D, g: MapGeometry, cell: number, colour: string, width: number) {
  const r = g.cellRect(cell);
  const grow = Math.max(0, (6 - Math.min(r.width, r.height)) / 2);
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.strokeRect(r.left - grow, r.top - grow, r.width + 2 * grow, r.height + 2 * grow);
  ctx.restore();
}

/** The scene's own setting: a ring with a halo where its values fall, if inside the map. */
function drawMarker(
  ctx: Context2D,
  g: MapGeometry,
  [vx, vy]: readonly [number, number],
  theme: ChartTheme,
) {
  const x = g.x(vx);
  const y = g.y(vy);
  const { plot } = g;
  if (!(
    x >= plot.left &&
    x <= plot.left + plot.width &&
    y >= plot.top &&
    y <= plot.top + plot.height
  ))
    return;
  ctx.save();
  ctx.lineWidth = 4;
  ctx.strokeStyle = theme.surface;
  ctx.beginPath();
  ctx.arc(x, y, 7, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = theme.text;
  ctx.stroke();
  ctx.restore();
}

/** True when the scene's own values fall inside the map. */
export function markerInside(g: MapGeometry, [vx, vy]: readonly [number, number]): boolean {
  const x = g.x(vx);
  const y = g.y(vy);
  const { plot } = g;
  return (
    x >= plot.left && x <= plot.left + plot.width && y >= plot.top && y <= plot.top + plot.height
  );
}
