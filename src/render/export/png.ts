import type { Theme } from '../frame.ts';
import type { LegendEntry } from './legend.ts';

/** Height of one legend row, in CSS pixels. */
const ROW = 22;
const PAD = 12;

/**
 * The landscape as drawn on screen, at the canvas's device resolution, on an opaque background
 * with the legend underneath.
 */
export function landscapePng(
  canvas: HTMLCanvasElement,
  legend: readonly LegendEntry[],
  theme: Theme,
  background: string,
): Promise<Blob> {
  const dpr = canvas.width / Math.max(1, canvas.clientWidth);
  const cssWidth = canvas.width / dpr;
  const legendHeight = legend.length ? PAD * 2 + legend.length * ROW : 0;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + Math.round(legendHeight * dpr);
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('This browser cannot draw on a 2D canvas'));
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, canvas.height);
  ctx.font = `13px ${theme.font}`;
  ctx.textBaseline = 'middle';
  legend.forEach((entry, i) => {
    const y = PAD + i * ROW + ROW / 2;
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(PAD + 40, y);
    ctx.lineTo(PAD + 64, y);
    ctx.stroke();
    ctx.fillStyle = theme.text;
    ctx.fillText(`${entry.label} — ${entry.result}`, PAD + 74, y, cssWidth - PAD * 2 - 74);
  });
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}
