import { oklch } from '../colors.ts';

/**
 * The map's sequential scale in OKLCH, low (good) to high: pale yellow through green and teal to
 * deep blue-violet, lightness falling evenly so it reads in grey and with colour-vision
 * deficiencies (after viridis). Hues stay within 100°–290°: no red, which is reserved.
 */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0.96, 0.13, 100],
  [0.82, 0.16, 135],
  [0.66, 0.12, 180],
  [0.49, 0.12, 250],
  [0.32, 0.11, 290],
];

/** Entries of the precomputed scale. */
const SIZE = 256;

/** RGB bytes of the scale at t = k / (SIZE − 1), built once. */
const TABLE: Uint8Array = (() => {
  const out = new Uint8Array(SIZE * 3);
  for (let k = 0; k < SIZE; k++) {
    const u = (k / (SIZE - 1)) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(u));
    const s = u - i;
    const [l0, c0, h0] = STOPS[i]!;
    const [l1, c1, h1] = STOPS[i + 1]!;
    out.set(oklch(l0 + (l1 - l0) * s, c0 + (c1 - c0) * s, h0 + (h1 - h0) * s), k * 3);
  }
  return out;
})();

/** Index into the scale's table for t ∈ [0, 1]. */
const indexOf = (t: number): number => Math.round(Math.min(1, Math.max(0, t)) * (SIZE - 1)) * 3;

/** Writes the scale's colour at t as RGBA bytes into `out` at byte offset `at`. */
export function writeRamp(out: Uint8ClampedArray, at: number, t: number): void {
  const k = indexOf(t);
  out[at] = TABLE[k]!;
  out[at + 1] = TABLE[k + 1]!;
  out[at + 2] = TABLE[k + 2]!;
  out[at + 3] = 255;
}

/** The scale at t as a CSS colour. */
export function rampColour(t: number): string {
  const k = indexOf(t);
  return `rgb(${TABLE[k]} ${TABLE[k + 1]} ${TABLE[k + 2]})`;
}

/** Diverged runs: a red no value of the scale takes (its hues stop at 100°–290°). */
export const DIVERGED_RGB: readonly [number, number, number] = oklch(0.56, 0.2, 27);
/** Runs that never came within tol of the minimum (steps to tol only): a neutral grey. */
export const NEVER_RGB: readonly [number, number, number] = oklch(0.8, 0, 0);

/** RGB bytes as a CSS colour. */
export const rgbCss = ([r, g, b]: readonly [number, number, number]): string =>
  `rgb(${r} ${g} ${b})`;

/** `stops` colours spread evenly over the scale, low first: for keys and gradients. */
export const rampColours = (stops: number): string[] =>
  Array.from({ length: stops }, (_, k) => rampColour(stops > 1 ? k / (stops - 1) : 0));
