import { clipToPlot, type Layer } from '../frame.ts';
import { traceMultiPolygon } from './rings.ts';

/** The iso-lines: the edge of every band but the first (which is the whole view). */
export const contourLines: Layer = (ctx, frame) => {
  clipToPlot(ctx, frame);
  ctx.strokeStyle = 'rgb(30 30 60 / 0.28)';
  ctx.lineWidth = 0.75;
  ctx.lineJoin = 'round';
  for (const band of frame.result.field.bands.slice(1)) {
    ctx.beginPath();
    traceMultiPolygon(ctx, frame, band.coordinates);
    ctx.stroke();
  }
  ctx.restore();
};
