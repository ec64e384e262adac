import type { ContourField } from '../../engine/field.ts';
import { sameBox } from '../../engine/box.ts';
import type { Layer } from '../frame.ts';
import { RasterCache } from '../rasterCache.ts';

/** Every level's segments as one path in grid coordinates, built once per field. */
const gridPaths = new WeakMap<ContourField, Path2D>();

/**
 * One raster per canvas: a frame that only moves paths or the cursor blits it (~0.3–1 ms) instead
 * of stroking ~40k segments again (3–4 ms as hairlines, ~100 ms if wider, in software Chromium).
 */
const rasters = new RasterCache<'lines'>();

function gridPath(field: ContourField): Path2D {
  const path = new Path2D();
  for (const seg of field.lines) {
    for (let k = 0; k < seg.length; k += 4) {
      path.moveTo(seg[k]!, seg[k + 1]!);
      path.lineTo(seg[k + 2]!, seg[k + 3]!);
    }
  }
  return path;
}

/**
 * The iso-lines, one hairline style for every level. The field may be of an older view than the
 * frame's while a new one computes: its lines are drawn where its view lies.
 */
export const contourLines: Layer = (ctx, frame) => {
  const field = frame.content.field;
  if (!field) return;
  const { plot, scale } = frame;
  // While a field for the new view computes, the old lines are stretched along, not restroked.
  if (!sameBox(field.view, frame.view) && rasters.stretch(ctx, plot, 'lines', [field], frame.view))
    return;
  const { n, view } = field;
  // Grid (u, v) → CSS pixels is affine: x = a·u + e, y = d·v + f (d < 0: y flips here).
  const e = scale.x(view.x[0]);
  const f = scale.y(view.y[0]);
  const a = (scale.x(view.x[1]) - e) / n;
  const d = (scale.y(view.y[1]) - f) / n;
  const dpr = ctx.getTransform().a;
  rasters.draw(
    ctx,
    plot,
    'lines',
    [field],
    (r) => {
      let grid = gridPaths.get(field);
      if (!grid) {
        grid = gridPath(field);
        gridPaths.set(field, grid);
      }
      // Transforming the path, not the context, keeps the line width uniform in screen pixels.
      const path = new Path2D();
      path.addPath(grid, { a, b: 0, c: 0, d, e, f });
      // One device pixel: thinner strokes take the rasteriser's fast hairline path. The alpha
      // keeps the ink of a 0.75 CSS px line at 0.28 whatever the pixel ratio.
      r.lineWidth = 1 / dpr;
      r.strokeStyle = `rgb(30 30 60 / ${Math.min(0.6, 0.21 * dpr)})`;
      r.stroke(path);
    },
    frame.view,
  );
};
