import { sameBox } from '../engine/box.ts';
import type { Box } from '../engine/types.ts';
import { newBitmap, type Bitmap, type Context2D } from './bitmap.ts';
import type { Rect } from './frame.ts';

/** One cached bitmap of the plot area, and what it was drawn for. */
interface Raster {
  key: readonly unknown[];
  /** The view it shows, for rasters of the landscape; null for others. */
  view: Box | null;
  readonly bitmap: Bitmap;
  readonly ctx: Context2D;
}

/** The device-pixel placement of a plot and the canvas transform, compared before every reuse. */
function placement(ctx: CanvasRenderingContext2D, plot: Rect): number[] {
  // CSS pixels → device pixels (sizeCanvas's scale: no rotation or skew).
  const m = ctx.getTransform();
  const x0 = Math.floor(m.a * plot.left + m.e);
  const y0 = Math.floor(m.d * plot.top + m.f);
  const x1 = Math.ceil(m.a * (plot.left + plot.width) + m.e);
  const y1 = Math.ceil(m.d * (plot.top + plot.height) + m.f);
  return [m.a, m.d, m.e, m.f, x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)];
}

/** The most a bitmap is stretched (or shrunk) before it is repainted instead. */
const MAX_STRETCH = 8;

/**
 * Bitmaps of the plot area at device resolution, per canvas and slot, repainted only when their
 * key changes: a frame that does not change them costs one blit each (~0.3–1 ms in software
 * Chromium) instead of stroking their paths again. While a view moves, a landscape layer can
 * `stretch` its last bitmap onto the new view instead of repainting it every frame.
 */
export class RasterCache<Slot> {
  readonly #rasters = new WeakMap<CanvasRenderingContext2D, Map<Slot, Raster>>();

  #slot(ctx: CanvasRenderingContext2D, slot: Slot): Raster | undefined {
    return this.#rasters.get(ctx)?.get(slot);
  }

  /**
   * Blits slot `slot`'s bitmap if it is current for `key` and `view` (what `draw` would blit
   * without repainting); returns false, drawing nothing, when it would need a repaint.
   */
  blit(
    ctx: CanvasRenderingContext2D,
    plot: Rect,
    slot: Slot,
    key: readonly unknown[],
    view: Box | null = null,
  ): boolean {
    const full = [...placement(ctx, plot), ...key];
    const raster = this.#slot(ctx, slot);
    if (!raster || this.#stale(raster, full, view)) return false;
    this.#put(ctx, raster, full);
    return true;
  }

  /** Draws the bitmap at its device-pixel place (`full` as from `placement`). */
  #put(ctx: CanvasRenderingContext2D, raster: Raster, full: readonly unknown[]): void {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(raster.bitmap, full[4] as number, full[5] as number);
    ctx.restore();
  }

  #stale(raster: Raster | undefined, full: readonly unknown[], view: Box | null): boolean {
    return (
      !raster ||
      raster.key.length !== full.length ||
      full.some((v, k) => v !== raster.key[k]) ||
      (view !== raster.view && (!view || !raster.view || !sameBox(view, raster.view)))
    );
  }

  /**
   * Blits slot `slot`'s bitmap onto the plot of `ctx`, first repainting it with `paint` if `key`
   * (compared element by element), the `view` it shows, or the canvas's transform or size
   * changed. `paint` draws in the canvas's CSS pixels, clipped to the plot. Returns true if it
   * repainted.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    plot: Rect,
    slot: Slot,
    key: readonly unknown[],
    paint: (ctx: Context2D) => void,
    view: Box | null = null,
  ): boolean {
    const full = [...placement(ctx, plot), ...key];
    const [a, d, e, f, x0, y0, width, height] = full as number[];
    let raster = this.#slot(ctx, slot);
    const stale = this.#stale(raster, full, view);
    if (stale) {
      if (!raster || raster.bitmap.width !== width || raster.bitmap.height !== height) {
        const [bitmap, bctx] = newBitmap(width!, height!);
        raster = { key: full, view, bitmap, ctx: bctx };
        let slots = this.#rasters.get(ctx);
        if (!slots) this.#rasters.set(ctx, (slots = new Map()));
        slots.set(slot, raster);
      }
      raster.key = full;
      raster.view = view;
      const r = raster.ctx;
      r.setTransform(1, 0, 0, 1, 0, 0);
      r.clearRect(0, 0, width!, height!);
      r.setTransform(a!, 0, 0, d!, e! - x0!, f! - y0!);
      r.save();
      r.beginPath();
      r.rect(plot.left, plot.top, plot.width, plot.height);
      r.clip();
      paint(r);
      r.restore();
    }
    this.#put(ctx, raster!, full);
    return stale;
  }

  /**
   * Blits slot `slot`'s bitmap, painted for another view, stretched onto `view` without
   * repainting: a stand-in while the view moves. Only if it was painted with the same `key` on
   * the same plot and canvas; otherwise draws nothing and returns false.
   */
  stretch(
    ctx: CanvasRenderingContext2D,
    plot: Rect,
    slot: Slot,
    key: readonly unknown[],
    view: Box,
  ): boolean {
    const raster = this.#slot(ctx, slot);
    const full = [...placement(ctx, plot), ...key];
    // Painted with this key for some view: stale for its own view means another key.
    if (!raster?.view || this.#stale(raster, full, raster.view)) return false;
    const [a, d, e, f, x0, y0, width, height] = full as [number, ...number[]];
    const old = raster.view;
    // Plot pixels of the old view → those of the new one: a scale and a shift per axis (y flips).
    const k0x = plot.width / (old.x[1] - old.x[0]);
    const k1x = plot.width / (view.x[1] - view.x[0]);
    const k0y = plot.height / (old.y[1] - old.y[0]);
    const k1y = plot.height / (view.y[1] - view.y[0]);
    const sx = k1x / k0x;
    const sy = k1y / k0y;
    const bottom = plot.top + plot.height;
    const tx = plot.left + (old.x[0] - view.x[0]) * k1x - plot.left * sx;
    const ty = bottom - (old.y[0] - view.y[0]) * k1y - bottom * sy;
    // Far zooms repaint: a stretched bitmap that big would be a blur, and costly to rasterise.
    if (!(sx < MAX_STRETCH && sy < MAX_STRETCH && sx > 1 / MAX_STRETCH && sy > 1 / MAX_STRETCH))
      return false;
    if (!Number.isFinite(tx) || !Number.isFinite(ty)) return false;
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.width, plot.height);
    ctx.clip();
    ctx.transform(sx, 0, 0, sy, tx, ty);
    ctx.drawImage(raster.bitmap, (x0! - e!) / a, (y0! - f!) / d!, width! / a, height! / d!);
    ctx.restore();
    return true;
  }
}
