import type { Layer } from '../frame.ts';
import { tickLabel, ticks } from '../ticks.ts';

const TICK = 5;

/** The plot's frame, ticks with numbers on both axes, and the axis names. */
export const axes: Layer = (ctx, frame) => {
  const { plot, scale, view, theme } = frame;
  const bottom = plot.top + plot.height;
  ctx.save();
  ctx.strokeStyle = theme.axis;
  ctx.fillStyle = theme.text;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.left + 0.5, plot.top + 0.5, plot.width - 1, plot.height - 1);
  ctx.font = `12px ${theme.font}`;

  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const x of ticks(view.x[0], view.x[1], Math.max(2, Math.floor(plot.width / 80)))) {
    const px = Math.round(scale.x(x)) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + TICK);
    ctx.fillText(tickLabel(x), px, bottom + TICK + 3);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of ticks(view.y[0], view.y[1], Math.max(2, Math.floor(plot.height / 60)))) {
    const py = Math.round(scale.y(y)) + 0.5;
    ctx.moveTo(plot.left, py);
    ctx.lineTo(plot.left - TICK, py);
    ctx.fillText(tickLabel(y), plot.left - TICK - 4, py);
  }
  ctx.stroke();

  const names = frame.content.plane?.axes;
  ctx.font = names ? `13px ${theme.font}` : `italic 15px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(names?.[0] ?? 'x', plot.left + plot.width / 2, frame.height - 2);
  if (names) {
    // A plane's axis name is long: it runs up the left edge.
    ctx.translate(9, plot.top + plot.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(names[1], 0, 0);
  } else {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText('y', 4, plot.top + plot.height / 2);
  }
  ctx.restore();
};
