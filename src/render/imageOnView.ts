import type { Box } from '../engine/types.ts';
import type { Bitmap } from './bitmap.ts';
import type { Frame } from './frame.ts';

/**
 * Draws `image` (n × n pixels showing `view`, top row first) where `view` lies on the frame's
 * plot, unsmoothed. The image may be of an older view than the frame's while a new one computes.
 * Only the part on the plot is drawn, so a deep zoom into an old image never hands the
 * rasteriser a rectangle millions of pixels wide.
 */
export function drawImageOnView(
  ctx: CanvasRenderingContext2D,
  { plot, scale }: Frame,
  image: Bitmap,
  n: number,
  view: Box,
): void {
  const left = scale.x(view.x[0]);
  const right = scale.x(view.x[1]);
  const top = scale.y(view.y[1]);
  const bottom = scale.y(view.y[0]);
  const l = Math.max(left, plot.left);
  const r = Math.min(right, plot.left + plot.width);
  const t = Math.max(top, plot.top);
  const b = Math.min(bottom, plot.top + plot.height);
  if (!(l < r && t < b)) return;
  const kx = n / (right - left);
  const ky = n / (bottom - top);
  ctx.save();
  // Unsmoothed, a frame draws this in ~1 ms rather than 3–8 (measured in software Chromium), and
  // a coarse grid's cells stay sharp blocks.
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(
    image,
    (l - left) * kx,
    (t - top) * ky,
    (r - l) * kx,
    (b - t) * ky,
    l,
    t,
    r - l,
    b - t,
  );
  ctx.restore();
}
