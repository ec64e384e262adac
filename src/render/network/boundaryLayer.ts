import { isolines } from '../../engine/contours.ts';
import type { Examples } from '../../engine/data/examples.ts';
import type { Box, Vec2 } from '../../engine/types.ts';
import { newBitmap, type Bitmap } from '../bitmap.ts';
import type { ChartTheme } from '../chart/axes.ts';
import { oklch } from '../colors.ts';
import { LABEL_COLOURS } from '../data/dataPlot.ts';
import { openPlane, type Plane } from '../data/plane.ts';

/** A network's output on a grid: OutputGrid's values (index i + j·n, y up) over `box`. */
export interface OutputPicture {
  readonly values: Float64Array;
  readonly n: number;
  readonly box: Box;
}

/** Everything one decision-boundary panel draws; the context draws in CSS pixels. */
export interface BoundaryInput {
  readonly width: number;
  readonly height: number;
  /** The output at the shown step, or null while it is unknown (examples only). */
  readonly picture: OutputPicture | null;
  /** The values at the scale's two ends: [0, 1] for a probability, the targets' range else. */
  readonly range: Vec2;
  /** The level drawn as the boundary: ½ for a probability. */
  readonly level: number;
  readonly train: Examples;
  readonly test: Examples;
  /** Whether the targets are labels 0 and 1 (a classifier's); a regression's are drawn plain. */
  readonly labels: boolean;
  /** The box the panel shows (the grid's, so every run's panel has the same axes). */
  readonly box: Box;
  readonly theme: ChartTheme;
}

/** Entries of the diverging palette. */
const STEPS = 256;

/**
 * A diverging scale in OKLCH as RGBA words, index 0 … STEPS − 1: label 0's blue through a
 * near-white middle to label 1's orange, the two arms of equal lightness at equal distance from
 * the middle, so neither class looks stronger. Light enough that the examples stay readable.
 */
function diverging(): Uint32Array {
  const words = new Uint32Array(STEPS);
  // Written as bytes, read as words through the same buffer: byte order never matters.
  const bytes = new Uint8Array(words.buffer);
  for (let k = 0; k < STEPS; k++) {
    const t = (2 * k) / (STEPS - 1) - 1;
    const u = Math.abs(t);
    const [r, g, b] = oklch(0.97 - 0.25 * u, 0.11 * u, t < 0 ? 250 : 55);
    bytes.set([r, g, b, 255], 4 * k);
  }
  return words;
}

let palette: Uint32Array | null = null;

/** The scale's colour for t ∈ [0, 1] as a CSS colour (a key's swatch). */
export function boundaryColour(t: number): string {
  palette ??= diverging();
  const k = Math.round(Math.min(1, Math.max(0, t)) * (STEPS - 1));
  const word = palette[k]!;
  const [r, g, b] = new Uint8Array(Uint32Array.of(word).buffer);
  return `rgb(${r} ${g} ${b})`;
}

/** One image per picture, built on first draw: redrawing a panel costs one drawImage. */
const images = new WeakMap<Float64Array, { range: Vec2; image: Bitmap }>();

/** The values as an n × n image, one pixel per cell, top row first (the grid's is the bottom). */
function outputImage({ values, n }: OutputPicture, [lo, hi]: Vec2): Bitmap {
  palette ??= diverging();
  const image = new ImageData(n, n);
  const pixels = new Uint32Array(image.data.buffer);
  const k = (STEPS - 1) / (hi - lo || 1);
  for (let j = 0; j < n; j++) {
    const from = j * n;
    const to = (n - 1 - j) * n;
    for (let i = 0; i < n; i++) {
      const v = values[from + i]!;
      // NaN (a diverged net) stays transparent.
      pixels[to + i] =
        v === v ? palette[Math.round(Math.min(STEPS - 1, Math.max(0, (v - lo) * k)))]! : 0;
    }
  }
  const [canvas, ctx] = newBitmap(n, n);
  ctx.putImageData(image, 0, 0);
  return canvas;
}

const DOT = 2.6;
const SQUARE = 2.4;

/**
 * A decision-boundary panel: the network's output as a filled map in the diverging scale, its
 * `level` line (the boundary) traced by the engine's marching squares, and the examples coloured
 * by label — training examples as dots (label 0 hollow, 1 filled, so they differ without colour
 * too), test examples as squares. Returns the plane, for pointer maths.
 */
export function drawBoundary(ctx: CanvasRenderingContext2D, input: BoundaryInput): Plane {
  const { picture, theme } = input;
  const plane = openPlane(ctx, input.box, input, true, theme, { x: 'x₁', y: 'x₂' });
  if (picture) {
    let cached = images.get(picture.values);
    if (!cached || cached.range !== input.range) {
      cached = { range: input.range, image: outputImage(picture, input.range) };
      images.set(picture.values, cached);
    }
    const { box, n } = picture;
    const left = plane.x(box.x[0]);
    const top = plane.y(box.y[1]);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(
      cached.image,
      0,
      0,
      n,
      n,
      left,
      top,
      plane.x(box.x[1]) - left,
      plane.y(box.y[0]) - top,
    );
    drawLevel(ctx, plane, picture, input.level, theme.text);
  }
  const colours = input.labels ? LABEL_COLOURS : ([theme.text, theme.text] as const);
  drawExamples(ctx, plane, input.train, 'dot', colours);
  drawExamples(ctx, plane, input.test, 'square', colours);
  ctx.restore();
  return plane;
}

/** The `level` iso-line of the picture, mapped from grid to plane coordinates. */
function drawLevel(
  ctx: CanvasRenderingContext2D,
  plane: Plane,
  { values, n, box }: OutputPicture,
  level: number,
  colour: string,
): void {
  const [segments] = isolines(values, n, n, Float64Array.of(level));
  const dx = (box.x[1] - box.x[0]) / n;
  const dy = (box.y[1] - box.y[0]) / n;
  const px = (u: number) => plane.x(box.x[0] + u * dx);
  const py = (v: number) => plane.y(box.y[0] + v * dy);
  ctx.beginPath();
  for (let s = 0; s + 3 < segments!.length; s += 4) {
    ctx.moveTo(px(segments![s]!), py(segments![s + 1]!));
    ctx.lineTo(px(segments![s + 2]!), py(segments![s + 3]!));
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.stroke();
}

/**
 * The examples, one path per label: label 0 stroked, label 1 filled, in `colours`. Without
 * labels (a regression: targets are not 0 or 1) every example is drawn as label 0's, hollow, so
 * the fill under it shows.
 */
function drawExamples(
  ctx: CanvasRenderingContext2D,
  plane: Plane,
  ex: Examples,
  mark: 'dot' | 'square',
  colours: readonly [string, string],
): void {
  const plain = colours[0] === colours[1];
  for (const label of [0, 1]) {
    ctx.beginPath();
    for (let i = 0; i < ex.n; i++) {
      if ((plain || ex.t[i] === 0 ? 0 : 1) !== label) continue;
      const x = plane.x(ex.a[i]!);
      const y = plane.y(ex.b[i]!);
      if (mark === 'dot') {
        ctx.moveTo(x + DOT, y);
        ctx.arc(x, y, DOT, 0, 2 * Math.PI);
      } else ctx.rect(x - SQUARE, y - SQUARE, 2 * SQUARE, 2 * SQUARE);
    }
    if (label === 0) {
      ctx.strokeStyle = colours[0];
      ctx.lineWidth = 1.25;
      ctx.stroke();
    } else {
      ctx.fillStyle = colours[1];
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 0.75;
      ctx.stroke();
    }
  }
}
