import { sameBox } from '../../engine/box.ts';
import type { Box } from '../../engine/types.ts';
import type { Context2D } from '../bitmap.ts';
import type { Frame, Layer, SweepPicture } from '../frame.ts';
import { RasterCache } from '../rasterCache.ts';
import { Motion } from '../settle.ts';
import { sweepShown } from '../sweepShown.ts';

/** Past this many pixels outside the canvas a coordinate only risks overflow in the rasteriser. */
const FAR = 1e5;
const clampPx = (v: number): number => Math.min(FAR, Math.max(-FAR, v));

/** The seed ensemble the frame shows, with its kept paths, or null (see sweepShown). */
export function shownEnsemble(frame: Frame): SweepPicture | null {
  const picture = sweepShown(frame, 'seeds');
  return picture?.columns.pathX && picture.plan.keep ? picture : null;
}

/** The scene optimizer index of each run of a sweep (its plan's `only`, or all of them). */
export const runOptimizers = (picture: SweepPicture): readonly number[] =>
  picture.plan.only ?? picture.scene.optimizers.map((_, k) => k);

/** One kept path: its points up to the first NaN (a diverged run's tail), half-pixel steps skipped. */
function tracePath(
  ctx: Context2D,
  frame: Frame,
  xs: Float64Array,
  ys: Float64Array,
  from: number,
  keep: number,
): void {
  const { scale } = frame;
  let lastX = NaN;
  let lastY = NaN;
  for (let k = from; k < from + keep; k++) {
    const x = xs[k]!;
    const y = ys[k]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    const px = clampPx(scale.x(x));
    const py = clampPx(scale.y(y));
    if (k === from) ctx.moveTo(px, py);
    else if (Math.abs(px - lastX) >= 0.5 || Math.abs(py - lastY) >= 0.5 || k === from + keep - 1)
      ctx.lineTo(px, py);
    else continue;
    lastX = px;
    lastY = py;
  }
}

/** Every computed seed's path (faint, one stroke per seed so that where many pass it darkens) and endpoint. */
function paintEnsemble(ctx: Context2D, frame: Frame, picture: SweepPicture): void {
  const { columns, level, scene } = picture;
  const keep = picture.plan.keep!;
  const { pathX, pathY, endX, endY, divergedAt, runs } = columns;
  const optimizers = runOptimizers(picture);
  const { hidden } = frame.content;
  const { scale } = frame;
  ctx.save();
  ctx.lineJoin = 'round';
  for (let r = 0; r < runs; r++) {
    const k = optimizers[r]!;
    if (hidden[k]) continue;
    ctx.strokeStyle = scene.optimizers[k]!.color;
    ctx.globalAlpha = 0.22;
    ctx.lineWidth = 1;
    for (let cell = 0; cell < columns.cells; cell++) {
      if (level[cell] === 0) continue;
      ctx.beginPath();
      tracePath(ctx, frame, pathX!, pathY!, (cell * runs + r) * keep, keep);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  for (let r = 0; r < runs; r++) {
    const k = optimizers[r]!;
    if (hidden[k]) continue;
    const colour = scene.optimizers[k]!.color;
    for (let cell = 0; cell < columns.cells; cell++) {
      if (level[cell] === 0) continue;
      const e = cell * runs + r;
      const px = clampPx(scale.x(endX[e]!));
      const py = clampPx(scale.y(endY[e]!));
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      ctx.beginPath();
      if (divergedAt[e]! >= 0) {
        // Where a diverged run left the finite numbers: a small ✕, as the paths layer marks it.
        ctx.moveTo(px - 3, py - 3);
        ctx.lineTo(px + 3, py + 3);
        ctx.moveTo(px + 3, py - 3);
        ctx.lineTo(px - 3, py + 3);
        ctx.strokeStyle = colour;
        ctx.lineWidth = 1.5;
        ctx.stroke();
        continue;
      }
      ctx.arc(px, py, 3, 0, 2 * Math.PI);
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** The seed ensemble layer of one canvas, which owns its raster between that canvas's frames. */
export interface EnsembleLayer {
  /** Draws the ensemble of a frame (see `ensembleLayer`). */
  readonly draw: Layer;
  /** Milliseconds until a raster stretched while the view moved deserves a repaint, or null. */
  settlesIn(): number | null;
}

/**
 * The seed ensemble layer of one canvas, under the paths: every seed's kept path as a faint fan in
 * its optimizer's colour and its endpoint as a dot (✕ where it diverged). Hidden optimizers are
 * left out. Painted into a cached raster, repainted when seeds arrive or the view changes; while
 * the view moves (a zoom, a pan) the raster is stretched along instead, since restroking every
 * seed's path each frame of a zoom cost 15–90 ms a frame with 6 optimizers × 50 seeds.
 */
export function ensembleLayer(): EnsembleLayer {
  const rasters = new RasterCache<'ensemble'>();
  const views = new Motion<Box>(sameBox);
  const ensemble: Layer = (ctx, frame) => {
    const picture = shownEnsemble(frame);
    if (!picture) return;
    const { plot, view } = frame;
    const key = [picture, picture.computed, ...frame.content.hidden];
    const moving = views.moving(view, performance.now());
    if (rasters.blit(ctx, plot, 'ensemble', key, view)) return;
    if (moving && rasters.stretch(ctx, plot, 'ensemble', key, view)) return;
    rasters.draw(ctx, plot, 'ensemble', key, (r) => paintEnsemble(r, frame, picture), view);
  };
  return { draw: ensemble, settlesIn: () => views.next(performance.now()) };
}
