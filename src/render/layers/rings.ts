import type { Frame } from '../frame.ts';

/**
 * Traces a contour MultiPolygon, given in grid coordinates, as one canvas path in CSS pixels.
 * Fill it with the "evenodd" rule: holes then stay empty whatever their winding.
 */
export function traceMultiPolygon(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  coordinates: readonly (readonly (readonly (readonly number[])[])[])[],
): void {
  const { plot } = frame;
  const n = frame.result.field.n;
  const kx = plot.width / n;
  const ky = plot.height / n;
  const bottom = plot.top + plot.height;
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      ring.forEach((point, k) => {
        const px = plot.left + point[0]! * kx;
        const py = bottom - point[1]! * ky;
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.closePath();
    }
  }
}
