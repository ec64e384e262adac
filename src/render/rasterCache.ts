import { newBitmap, type Bitmap, type Context2D } from './bitmap.ts';
import type { Rect } from './frame.ts';

/** One cached bitmap of the plot area, and what it was drawn for. */
interface Raster {
  key: readonly unknown[];
  readonly bitmap: Bitmap;
  readonly ctx: Context2D;
}

/**
 * Bitmaps of the plot area at device resolution, per canvas and slot, repainted only when their
 * key changes: a frame that does not change them costs one blit each (~0.3–1 ms in software
 * Chromium) instead of stroking their paths again.
 */
export class RasterCache<Slot> {
  readonly #rasters = new WeakMap<CanvasRenderingContext2D, Map<Slot, Raster>>();

  /**
   * Blits slot `slot`'s bitmap onto the plot of `ctx`, first repainting it with `paint` if `key`
   * (compared element by element) or the canvas's transform or size changed. `paint` draws in the
   * canvas's CSS pixels, clipped to the plot. Returns true if it repainted.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    plot: Rect,
    slot: Slot,
    key: readonly unknown[],
    paint: (ctx: Context2D) => void,
  ): boolean {
    // CSS pixels → device pixels (sizeCanvas's scale: no rotation or skew).
    const m = ctx.getTransform();
    const x0 = Math.floor(m.a * plot.left + m.e);
    const y0 = Math.floor(m.d * plot.top + m.f);
    const x1 = Math.ceil(m.a * (plot.left + plot.width) + m.e);
    const y1 = Math.ceil(m.d * (plot.top + plot.height) + m.f);
    const width = Math.max(1, x1 - x0);
    const height = Math.max(1, y1 - y0);
    const full = [m.a, m.d, m.e, m.f, x0, y0, width, height, ...key];
    let slots = this.#rasters.get(ctx);
    if (!slots) {
      slots = new Map();
      this.#rasters.set(ctx, slots);
    }
    let raster = slots.get(slot);
    const stale =
      !raster || raster.key.length !== full.length || full.some((v, k) => v !== raster!.key[k]);
    if (stale) {
      if (!raster || raster.bitmap.width !== width || raster.bitmap.height !== height) {
        const [bitmap, bctx] = newBitmap(width, height);
        raster = { key: full, bitmap, ctx: bctx };
        slots.set(slot, raster);
      }
      raster.key = full;
      const r = raster.ctx;
      r.setTransform(1, 0, 0, 1, 0, 0);
      r.clearRect(0, 0, width, height);
      r.setTransform(m.a, 0, 0, m.d, m.e - x0, m.f - y0);
      r.save();
      r.beginPath();
      r.rect(plot.left, plot.top, plot.width, plot.height);
      r.clip();
      paint(r);
      r.restore();
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(raster!.bitmap, x0, y0);
    ctx.restore();
    return stale;
  }
}
