import type { Theme } from '../frame.ts';
import {
  italicName,
  KEY_HEIGHT,
  keyBar,
  NAME_LEFT,
  NAME_SIZE,
  type ColourKey,
} from './colourKey.ts';
import type { LegendEntry } from './legend.ts';

/** Height of one legend row, in CSS pixels. */
const ROW = 22;
const PAD = 12;

/**
 * The landscape as drawn on screen, at the canvas's device resolution, on an opaque background
 * with the legend and the colour key underneath.
 */
export function landscapePng(
  canvas: HTMLCanvasElement,
  legend: readonly LegendEntry[],
  theme: Theme,
  background: string,
  key: ColourKey | null = null,
): Promise<Blob> {
  const dpr = canvas.width / Math.max(1, canvas.clientWidth);
  const cssWidth = canvas.width / dpr;
  const legendHeight = legend.length ? PAD * 2 + legend.length * ROW : 0;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + Math.round((legendHeight + (key ? KEY_HEIGHT : 0)) * dpr);
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
  if (key) drawKey(ctx, key, legendHeight, cssWidth, theme);
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}

/** The colour key: its name ("f", "training loss"), a bar of the band colours, labels underneath. */
function drawKey(
  ctx: CanvasRenderingContext2D,
  key: ColourKey,
  top: number,
  width: number,
  theme: Theme,
): void {
  const bar = keyBar(top, width, key.name);
  const share = bar.width / key.colours.length;
  key.colours.forEach((colour, b) => {
    ctx.fillStyle = colour;
    // Each band a little wider than its share, so no seams show between them.
    ctx.fillRect(bar.left + b * share, bar.top, share + 0.5, bar.height);
  });
  ctx.fillStyle = theme.text;
  ctx.font = `${italicName(key.name) ? 'italic ' : ''}${NAME_SIZE}px ${theme.font}`;
  ctx.textAlign = 'left';
  ctx.fillText(key.name, NAME_LEFT, bar.top + bar.height / 2);
  ctx.font = `11px ${theme.font}`;
  ctx.textBaseline = 'top';
  key.ticks.forEach(({ text, at }, i) => {
    ctx.textAlign = i === 0 ? 'left' : i === key.ticks.length - 1 ? 'right' : 'center';
    ctx.fillText(text, bar.left + (bar.width * at) / 100, bar.top + bar.height + 3);
  });
}
