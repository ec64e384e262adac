import { basinMap, fillBasinPixels } from '../basinCells.ts';
import { basinPalette, basinRgb, shadeIndex } from '../basinColours.ts';
import { newBitmap, type Bitmap, type Context2D } from '../bitmap.ts';
import type { Frame, Layer, SweepPicture } from '../frame.ts';
import { drawImageOnView } from '../imageOnView.ts';
import { sweepShown } from '../sweepShown.ts';

/** The basin map the frame shows, or null (see sweepShown). */
export function shownBasins(frame: Frame): SweepPicture | null {
  const picture = sweepShown(frame, 'basins');
  return picture?.plan.axes.length === 2 ? picture : null;
}

/** The raster of one canvas's basin map, and what it was painted from. */
interface Raster {
  readonly n: number;
  readonly bitmap: Bitmap;
  readonly ctx: Context2D;
  readonly image: ImageData;
  picture: SweepPicture | null;
  computed: number;
  palette: Uint32Array;
}

/**
 * A disc in minimum k's hue ringed in white under its star, and a white badge with its number:
 * ties the map's hues to the stars and to the basin tab's legend, which numbers them the same.
 */
function markMinimum(ctx: CanvasRenderingContext2D, frame: Frame, k: number): void {
  const [x, y] = frame.content.minima[k]!;
  const { view, scale } = frame;
  if (x < view.x[0] || x > view.x[1] || y < view.y[0] || y > view.y[1]) return;
  const px = scale.x(x);
  const py = scale.y(y);
  const hue = `rgb(${basinRgb(k, 0.5).join(' ')})`;
  ctx.beginPath();
  ctx.arc(px, py, 12, 0, 2 * Math.PI);
  ctx.fillStyle = hue;
  ctx.fill();
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 2;
  ctx.stroke();
  const bx = px + 14;
  const by = py - 14;
  ctx.beginPath();
  ctx.arc(bx, by, 8, 0, 2 * Math.PI);
  ctx.fillStyle = '#fff';
  ctx.fill();
  ctx.strokeStyle = hue;
  ctx.stroke();
  ctx.font = `bold 11px ${frame.theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#1b1b1f';
  ctx.fillText(String(k + 1), bx, by + 0.5);
}

/** Every known minimum's disc and number. */
function markMinima(ctx: CanvasRenderingContext2D, frame: Frame): void {
  ctx.save();
  for (let k = 0; k < frame.content.minima.length; k++) markMinimum(ctx, frame, k);
  ctx.restore();
}

/** A sweep's map is repainted as it refines once its computed cells grew by this factor. */
const REFINE = 1.25;

/**
 * True when the raster must be repainted for `picture`: another sweep, or this one at its end or
 * grown by a quarter since the last paint. A 256² map's parts arrive dozens of times a second
 * and each repaint reads every cell; about twenty repaints show it refine just as well, and leave
 * the main thread to a slider dragged meanwhile.
 */
function repaint(raster: Raster, picture: SweepPicture): boolean {
  if (raster.picture === null || raster.picture.plan !== picture.plan) return true;
  if (picture.computed === raster.computed) return false;
  return picture.done || picture.computed >= REFINE * raster.computed;
}

/**
 * The basin map layer of one canvas: under the paths, a raster of the starts over the view, each
 * cell coloured by where Adam (or whichever optimizer) went from there — hue the minimum, lightness
 * the steps to reach it, near-black diverged, grey not converged — opaque, so it takes the
 * contour fill's place (two colour scales at once would blur both); the iso-lines stay on top.
 * Cells still to come show the nearest coarse cell as a block. Each known minimum gets a disc in
 * its hue and its number, as in the basin tab's legend. Repainted as cells arrive (see repaint).
 */
export function basinsLayer(): Layer {
  let raster: Raster | null = null;
  const basins: Layer = (ctx, frame) => {
    const picture = shownBasins(frame);
    if (!picture) return;
    const n = picture.plan.axes[0]!.count;
    if (picture.plan.axes[1]!.count !== n || picture.level.length !== n * n) return;
    if (raster?.n !== n) {
      const [bitmap, bctx] = newBitmap(n, n);
      raster = {
        n,
        bitmap,
        ctx: bctx,
        image: new ImageData(n, n),
        picture: null,
        computed: -1,
        palette: new Uint32Array(0),
      };
    }
    const done = picture.computed;
    // A new map with nothing computed yet (a slider moves the optimizer it maps, a new view):
    // the last one stands in where its view lies, rather than the map flashing away per input.
    const last = raster.picture;
    if (done === 0 && last !== null && last !== picture && raster.computed > 0) {
      drawImageOnView(ctx, frame, raster.bitmap, n, last.scene.view);
      markMinima(ctx, frame);
      return;
    }
    if (repaint(raster, picture)) {
      const { columns, reading, count } = basinMap(picture, frame.content.minima.length);
      if (raster.palette.length !== shadeIndex(count, 0)) raster.palette = basinPalette(count);
      const pixels = new Uint32Array(raster.image.data.buffer);
      fillBasinPixels(pixels, n, columns, picture.level, raster.palette, reading);
      raster.ctx.putImageData(raster.image, 0, 0);
      raster.picture = picture;
      raster.computed = done;
    }
    drawImageOnView(ctx, frame, raster.bitmap, n, picture.scene.view);
    markMinima(ctx, frame);
  };
  return basins;
}
