import { describe, expect, it } from 'vitest';
import {
  CLEAR,
  DIVERGED,
  DIVERGED_LCH,
  SHADES,
  UNCONVERGED,
  UNCONVERGED_LCH,
  basinHue,
  basinLch,
  basinPalette,
  basinRgb,
  shadeIndex,
  stepFraction,
  stepShade,
} from '../../../src/render/basinColours.ts';
import { oklch, oklchLinear } from '../../../src/render/colors.ts';

/** The bytes of palette entry `index`. */
const bytesOf = (palette: Uint32Array, index: number) => [
  ...new Uint8Array(palette.buffer, 4 * index, 4),
];

/** OKLab distance between two OKLCH colours. */
function deltaE(a: readonly number[], b: readonly number[]): number {
  const lab = ([l, c, h]: readonly number[]) => [
    l!,
    c! * Math.cos((h! * Math.PI) / 180),
    c! * Math.sin((h! * Math.PI) / 180),
  ];
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

const ts = Array.from({ length: 11 }, (_, i) => i / 10);

describe('basin colours', () => {
  it('keep every minimum’s shades inside sRGB, with their own hue and visible chroma', () => {
    for (let k = 0; k < 8; k++) {
      for (const t of ts) {
        const [l, c, h] = basinLch(k, t);
        expect(h).toBe(basinHue(k));
        expect(c).toBeGreaterThan(0.06);
        for (const v of oklchLinear(l, c, h)) {
          expect(v).toBeGreaterThanOrEqual(-1e-6);
          expect(v).toBeLessThanOrEqual(1 + 1e-6);
        }
      }
    }
  });

  it('give the first eight minima hues at least 30° apart, cycling after', () => {
    const hues = Array.from({ length: 8 }, (_, k) => basinHue(k));
    for (let a = 0; a < 8; a++)
      for (let b = a + 1; b < 8; b++) {
        const d = Math.abs(hues[a]! - hues[b]!) % 360;
        expect(Math.min(d, 360 - d)).toBeGreaterThanOrEqual(30);
      }
    expect(basinHue(8)).toBe(basinHue(0));
  });

  it('darken evenly with steps: fast runs light, slow runs dark', () => {
    for (let k = 0; k < 4; k++) {
      const ls = ts.map((t) => basinLch(k, t)[0]);
      for (let i = 1; i < ls.length; i++) expect(ls[i]!).toBeLessThan(ls[i - 1]!);
      expect(ls[0]! - ls.at(-1)!).toBeGreaterThan(0.35);
    }
  });

  it('reserve two colours no minimum’s shade comes near: diverged darker than all, not converged grey', () => {
    expect(DIVERGED_LCH[1]).toBe(0);
    expect(UNCONVERGED_LCH[1]).toBe(0);
    for (let k = 0; k < 8; k++) {
      for (const t of ts) {
        const shade = basinLch(k, t);
        expect(shade[0] - DIVERGED_LCH[0]).toBeGreaterThan(0.15);
        expect(deltaE(shade, UNCONVERGED_LCH)).toBeGreaterThan(0.06);
        expect(deltaE(shade, DIVERGED_LCH)).toBeGreaterThan(0.2);
      }
    }
    expect(deltaE(DIVERGED_LCH, UNCONVERGED_LCH)).toBeGreaterThan(0.3);
  });

  it('map steps to shades on a log scale, 0 fastest and the last step slowest', () => {
    expect(stepShade(0, 500)).toBe(0);
    expect(stepShade(500, 500)).toBe(SHADES - 1);
    expect(stepShade(9999, 500)).toBe(SHADES - 1);
    // 10 steps is as far from 1 as 100 is from 10, more or less, on a 500-step run.
    const d1 = stepFraction(10, 500) - stepFraction(1, 500);
    const d2 = stepFraction(100, 500) - stepFraction(10, 500);
    expect(Math.abs(d1 - d2)).toBeLessThan(0.1);
    let last = -1;
    for (let k = 0; k <= 500; k++) {
      expect(stepShade(k, 500)).toBeGreaterThanOrEqual(last);
      last = stepShade(k, 500);
    }
    expect(stepFraction(3, 0)).toBe(0);
  });

  it('lay out the palette as clear, diverged, not converged, then each minimum’s shades', () => {
    const palette = basinPalette(4);
    expect(palette).toHaveLength(shadeIndex(4, 0));
    expect(bytesOf(palette, CLEAR)).toEqual([0, 0, 0, 0]);
    expect(bytesOf(palette, DIVERGED)).toEqual([...oklch(...DIVERGED_LCH), 255]);
    expect(bytesOf(palette, UNCONVERGED)).toEqual([...oklch(...UNCONVERGED_LCH), 255]);
    expect(bytesOf(palette, shadeIndex(2, 0))).toEqual([...basinRgb(2, 0.5 / SHADES), 255]);
    expect(bytesOf(palette, shadeIndex(3, SHADES - 1))).toEqual([
      ...basinRgb(3, (SHADES - 0.5) / SHADES),
      255,
    ]);
  });
});
