import { HOLE } from '../../engine/contours.ts';
import type { ContourField } from '../../engine/field.ts';
import { newBitmap, type Bitmap } from '../bitmap.ts';
import { fillRgb } from '../colors.ts';
import type { Layer } from '../frame.ts';
import { drawImageOnView } from '../imageOnView.ts';

/** One n × n image per field, built on first draw: a frame then costs one drawImage. */
const images = new WeakMap<ContourField, Bitmap>();

/** Colours of bands 0 … count as RGBA words; HOLE and beyond stay transparent. */
function palette(count: number): Uint32Array {
  const words = new Uint32Array(256);
  // Written as bytes and read as words through the same buffer, so byte order never matters.
  const bytes = new Uint8Array(words.buffer);
  for (let b = 0; b <= count; b++) {
    const [r, g, bl] = fillRgb(count > 0 ? b / count : 0);
    bytes.set([r, g, bl, 255], 4 * b);
  }
  return words;
}

/** The bands as an image, one pixel per grid cell, top row first (the grid's is the bottom). */
function bandImage({ n, bands, levels }: ContourField): Bitmap {
  const colours = palette(levels.length);
  colours[HOLE] = 0;
  const image = new ImageData(n, n);
  const pixels = new Uint32Array(image.data.buffer);
  for (let j = 0; j < n; j++) {
    const from = j * n;
    const to = (n - 1 - j) * n;
    for (let i = 0; i < n; i++) pixels[to + i] = colours[bands[from + i]!]!;
  }
  const [canvas, ctx] = newBitmap(n, n);
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/**
 * The filled bands, lightest at the lowest f; holes (f not finite) stay clear. The field may be
 * of an older view than the frame's while a new one computes: it is drawn where its view lies.
 */
export const contourFill: Layer = (ctx, frame) => {
  const field = frame.content.field;
  if (!field) return;
  let image = images.get(field);
  if (!image) {
    image = bandImage(field);
    images.set(field, image);
  }
  // The iso-lines on top hide the cells' steps at the band edges.
  drawImageOnView(ctx, frame, image, field.n, field.view);
};
