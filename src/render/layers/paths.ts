import type { Run } from '../../engine/scene.ts';
import { clipToPlot, type Frame, type Layer } from '../frame.ts';

/** Past this many pixels outside the canvas a coordinate only risks overflow in the rasteriser. */
const FAR = 1e5;
const clampPx = (v: number): number => Math.min(FAR, Math.max(-FAR, v));

/** The run's polyline, skipping points that land within half a pixel of the previous one. */
function tracePath(ctx: CanvasRenderingContext2D, { scale }: Frame, run: Run): void {
  const count = run.x.length;
  let lastX = clampPx(scale.x(run.x[0]!));
  let lastY = clampPx(scale.y(run.y[0]!));
  ctx.moveTo(lastX, lastY);
  for (let k = 1; k < count; k++) {
    const px = clampPx(scale.x(run.x[k]!));
    const py = clampPx(scale.y(run.y[k]!));
    if (k < count - 1 && Math.abs(px - lastX) < 0.5 && Math.abs(py - lastY) < 0.5) continue;
    ctx.lineTo(px, py);
    lastX = px;
    lastY = py;
  }
}

/** The run's length on screen in CSS pixels (clamped like the drawing). */
function screenLength({ scale }: Frame, run: Run): number {
  let length = 0;
  for (let k = 1; k < run.x.length; k++) {
    const dx = clampPx(scale.x(run.x[k]!)) - clampPx(scale.x(run.x[k - 1]!));
    const dy = clampPx(scale.y(run.y[k]!)) - clampPx(scale.y(run.y[k - 1]!));
    length += Math.hypot(dx, dy);
  }
  return length;
}

/** A cross of half-size `r` centred on (x, y). */
function cross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

/** Where a diverged run left the finite numbers: its last finite point, kept inside the plot. */
function exitPoint({ scale, plot }: Frame, run: Run): [number, number] {
  const last = run.x.length - 1;
  const inset = 8;
  const px = scale.x(run.x[last]!);
  const py = scale.y(run.y[last]!);
  return [
    Math.min(plot.left + plot.width - inset, Math.max(plot.left + inset, px)),
    Math.min(plot.top + plot.height - inset, Math.max(plot.top + inset, py)),
  ];
}

/** One polyline per optimizer in its colour, a start marker, and an end dot or a ✕ if it diverged. */
export const paths: Layer = (ctx, frame) => {
  const { runs, scene } = frame.result;
  const { scale } = frame;
  // Runs share a start, so later ones hide earlier ones: longest first, the short ones on top.
  const lengths = runs.map((run) => screenLength(frame, run));
  const order = runs.map((_, k) => k).sort((a, b) => lengths[b]! - lengths[a]!);
  clipToPlot(ctx, frame);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const k of order) {
    const run = runs[k]!;
    if (run.x.length === 0) continue;
    ctx.beginPath();
    tracePath(ctx, frame, run);
    // A pale halo keeps the path readable over dark bands and crossing iso-lines.
    ctx.strokeStyle = 'rgb(255 255 255 / 0.7)';
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = scene.optimizers[k]?.color ?? '#000';
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.restore();

  ctx.save();
  ctx.lineCap = 'round';
  runs.forEach((run, k) => {
    const color = scene.optimizers[k]?.color ?? '#000';
    const last = run.x.length - 1;
    if (last < 0) return;
    ctx.beginPath();
    if (run.divergedAt !== null) {
      const [px, py] = exitPoint(frame, run);
      cross(ctx, px, py, 5);
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 5;
      ctx.stroke();
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.5;
      ctx.stroke();
      return;
    }
    const px = scale.x(run.x[last]!);
    const py = scale.y(run.y[last]!);
    if (px < frame.plot.left || px > frame.plot.left + frame.plot.width) return;
    if (py < frame.plot.top || py > frame.plot.top + frame.plot.height) return;
    ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  });

  // The shared start: a hollow ring on top of everything.
  const [sx, sy] = scene.start;
  ctx.beginPath();
  ctx.arc(scale.x(sx), scale.y(sy), 5, 0, 2 * Math.PI);
  ctx.fillStyle = '#fff';
  ctx.fill();
  ctx.strokeStyle = '#1b1b1f';
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.restore();
};
