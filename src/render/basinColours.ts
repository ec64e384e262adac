import { oklch, oklchLinear } from './colors.ts';

/**
 * The basin map's colours: hue says which minimum a start ends at, lightness how many steps it
 * took (light = fast), and two reserved colours with no chroma at all — near-black for a run that
 * diverged, mid grey for one that never came within tol — so neither reads as any minimum's hue.
 */

/** Lightness shades per minimum: steps are quantised to this many. */
export const SHADES = 24;
/** Hues of minima 0, 1, 2, … in OKLCH degrees, each far from the ones before; they cycle past 8. */
const HUES = [25, 250, 140, 320, 75, 195, 285, 105] as const;
/** OKLCH lightness of the fastest and the slowest run; chroma sought for every shade. */
const FAST_L = 0.85;
const SLOW_L = 0.45;
const CHROMA = 0.15;

/** The reserved colours, OKLCH: no chroma, and the diverged one darker than any minimum's shade. */
export const DIVERGED_LCH = [0.22, 0, 0] as const;
export const UNCONVERGED_LCH = [0.68, 0, 0] as const;

/** Palette index of a cell with nothing to show (not computed): transparent. */
export const CLEAR = 0;
/** Palette index of a start whose run diverged. */
export const DIVERGED = 1;
/** Palette index of a start whose run never came within tol of the least minimum. */
export const UNCONVERGED = 2;
/** Palette index of minimum `basin` at shade `shade` (0 = fastest). */
export const shadeIndex = (basin: number, shade: number): number => 3 + basin * SHADES + shade;

/** The hue of minimum k. */
export const basinHue = (k: number): number => HUES[k % HUES.length]!;

/**
 * Where k steps fall between fast (0) and slow (1) for a run of `steps` steps: on a log scale, so
 * 10 and 100 steps of a 500-step run differ as much as 1 and 10 (runs reach tol over decades).
 */
export const stepFraction = (k: number, steps: number): number =>
  steps > 0 ? Math.min(1, Math.log1p(Math.max(0, k)) / Math.log1p(steps)) : 0;

/** The shade (0 … SHADES − 1) of a run that reached tol at step k of `steps`. */
export const stepShade = (k: number, steps: number): number =>
  Math.min(SHADES - 1, Math.floor(stepFraction(k, steps) * SHADES));

const inGamut = (l: number, c: number, h: number): boolean =>
  oklchLinear(l, c, h).every((v) => v >= -1e-9 && v <= 1 + 1e-9);

/**
 * OKLCH of minimum k at t ∈ [0, 1] (0 fastest): the lightness falls evenly with t, the chroma is
 * the most (up to CHROMA) that stays inside sRGB at that lightness and hue, so no channel clips
 * and the hue holds.
 */
export function basinLch(k: number, t: number): [number, number, number] {
  const l = FAST_L + (SLOW_L - FAST_L) * Math.min(1, Math.max(0, t));
  const h = basinHue(k);
  let lo = 0;
  let hi = CHROMA;
  if (!inGamut(l, hi, h)) {
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(l, mid, h)) lo = mid;
      else hi = mid;
    }
    hi = lo;
  }
  return [l, hi, h];
}

/** sRGB bytes of minimum k at t (see basinLch). */
export const basinRgb = (k: number, t: number): [number, number, number] =>
  oklch(...basinLch(k, t));

const css = ([r, g, b]: readonly number[]) => `rgb(${r} ${g} ${b})`;

/** CSS colour of minimum k at t, for legends. */
export const basinColour = (k: number, t: number): string => css(basinRgb(k, t));
/** CSS colours of the reserved states, for legends. */
export const divergedColour = (): string => css(oklch(...DIVERGED_LCH));
export const unconvergedColour = (): string => css(oklch(...UNCONVERGED_LCH));

/**
 * RGBA words of every palette index for `count` minima (or clusters): CLEAR, DIVERGED,
 * UNCONVERGED, then SHADES shades of each minimum, fastest first. The shade's colour is the one
 * at the middle of its step range.
 */
export function basinPalette(count: number): Uint32Array {
  const words = new Uint32Array(shadeIndex(count, 0));
  // Written as bytes and read as words through the same buffer, so byte order never matters.
  const bytes = new Uint8Array(words.buffer);
  bytes.set([...oklch(...DIVERGED_LCH), 255], 4 * DIVERGED);
  bytes.set([...oklch(...UNCONVERGED_LCH), 255], 4 * UNCONVERGED);
  for (let k = 0; k < count; k++) {
    for (let s = 0; s < SHADES; s++) {
      bytes.set([...basinRgb(k, (s + 0.5) / SHADES), 255], 4 * shadeIndex(k, s));
    }
  }
  return words;
}
