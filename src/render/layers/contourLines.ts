import type { ContourField } from '../../engine/field.ts';
import { newBitmap, type Bitmap, type Context2D } from '../bitmap.ts';
import type { Layer } from '../frame.ts';

/** Every level's segments as one path in grid coordinates, built once per field. */
const gridPaths = new WeakMap<ContourField, Path2D>();

/** The lines rasterised over the plot at device resolution, for one canvas. */
interface Raster {
  field: ContourField;
  /** What the bitmap was drawn for: device transform, device rectangle, grid → CSS placement. */
  key: Float64Array;
  readonly bitmap: Bitmap;
  readonly ctx: Context2D;
}

/**
 * One raster per canvas: a frame that only moves paths or the cursor blits it (~0.3–1 ms) instead
 * of stroking ~40k segments again (3–4 ms as hairlines, ~100 ms if wider, in software Chromium).
 */
const rasters = new WeakMap<CanvasRenderingContext2D, Raster>();

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
  const { n, view } = field;
  // CSS pixels → device pixels (sizeCanvas's scale: no rotation or skew).
  const m = ctx.getTransform();
  const x0 = Math.floor(m.a * plot.left + m.e);
  const y0 = Math.floor(m.d * plot.top + m.f);
  const x1 = Math.ceil(m.a * (plot.left + plot.width) + m.e);
  const y1 = Math.ceil(m.d * (plot.top + plot.height) + m.f);
  // Grid (u, v) → CSS pixels is affine: x = a·u + e, y = d·v + f (d < 0: y flips here).
  const e = scale.x(view.x[0]);
  const f = scale.y(view.y[0]);
  const a = (scale.x(view.x[1]) - e) / n;
  const d = (scale.y(view.y[1]) - f) / n;

  const key = Float64Array.of(m.a, m.d, m.e, m.f, x0, y0, x1, y1, a, d, e, f);
  let raster = rasters.get(ctx);
  if (!raster || raster.field !== field || !key.every((v, k) => v === raster!.key[k])) {
    if (!raster || raster.bitmap.width !== x1 - x0 || raster.bitmap.height !== y1 - y0) {
      const [bitmap, bctx] = newBitmap(x1 - x0, y1 - y0);
      raster = { field, key, bitmap, ctx: bctx };
      rasters.set(ctx, raster);
    }
    raster.field = field;
    raster.key = key;
    let grid = gridPaths.get(field);
    if (!grid) {
      grid = gridPath(field);
      gridPaths.set(field, grid);
    }
    const r = raster.ctx;
    r.setTransform(1, 0, 0, 1, 0, 0);
    r.clearRect(0, 0, x1 - x0, y1 - y0);
    r.setTransform(m.a, 0, 0, m.d, m.e - x0, m.f - y0);
    r.beginPath();
    r.rect(plot.left, plot.top, plot.width, plot.height);
    r.save();
    r.clip();
    // Transforming the path, not the context, keeps the line width uniform in screen pixels.
    const path = new Path2D();
    path.addPath(grid, { a, b: 0, c: 0, d, e, f });
    // One device pixel: thinner strokes take the rasteriser's fast hairline path. The alpha
    // keeps the ink of a 0.75 CSS px line at 0.28 whatever the pixel ratio.
    r.lineWidth = 1 / m.a;
    r.strokeStyle = `rgb(30 30 60 / ${Math.min(0.6, 0.21 * m.a)})`;
    r.stroke(path);
    r.restore();
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(raster.bitmap, x0, y0);
  ctx.restore();
};
