import type { Scene } from '../../engine/scene.ts';
import type { PlotRect } from './layout.ts';

/** Dash of a switch line: dotted, so it does not read as a curve. */
const DASH = [2, 3];

/**
 * A dotted vertical line in the run's colour at each step where a shown run switched optimizers
 * (point `from`), once the cursor has reached it.
 */
export function drawPhaseLines(
  ctx: CanvasRenderingContext2D,
  plot: PlotRect,
  px: (step: number) => number,
  scene: Scene,
  shown: readonly number[],
  cursor: number,
  color: (k: number) => string,
): void {
  if (!shown.some((k) => scene.optimizers[k]?.phases)) return;
  ctx.save();
  ctx.setLineDash(DASH);
  ctx.lineWidth = 1;
  for (const k of shown) {
    for (const { from } of scene.optimizers[k]?.phases ?? []) {
      if (from > cursor) break;
      const x = Math.round(px(from)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, plot.top);
      ctx.lineTo(x, plot.top + plot.height);
      ctx.strokeStyle = color(k);
      ctx.stroke();
    }
  }
  ctx.restore();
}
