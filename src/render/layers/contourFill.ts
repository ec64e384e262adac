import { fillColor } from '../colors.ts';
import { clipToPlot, type Layer } from '../frame.ts';
import { traceMultiPolygon } from './rings.ts';

/** Filled contour bands, lightest at the lowest level; each band paints over the one below. */
export const contourFill: Layer = (ctx, frame) => {
  const { bands } = frame.result.field;
  clipToPlot(ctx, frame);
  bands.forEach((band, k) => {
    ctx.beginPath();
    traceMultiPolygon(ctx, frame, band.coordinates);
    ctx.fillStyle = fillColor(bands.length > 1 ? k / (bands.length - 1) : 0);
    ctx.fill('evenodd');
  });
  ctx.restore();
};
