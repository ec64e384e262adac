import type { Layer } from '../frame.ts';

/** A five-pointed star of outer radius r centred on (x, y). */
function star(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = x + radius * Math.cos(angle);
    const py = y + radius * Math.sin(angle);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

/** The function's known minima that fall inside the view, as stars. */
export const minima: Layer = (ctx, frame) => {
  const { scale, view } = frame;
  ctx.save();
  ctx.lineJoin = 'round';
  for (const [x, y] of frame.content.minima) {
    if (x < view.x[0] || x > view.x[1] || y < view.y[0] || y > view.y[1]) continue;
    ctx.beginPath();
    star(ctx, scale.x(x), scale.y(y), 8);
    ctx.fillStyle = '#1b1b1f';
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  ctx.restore();
};
