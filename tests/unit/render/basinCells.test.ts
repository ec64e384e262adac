import { describe, expect, it } from 'vitest';
import { getFunction } from '../../../src/engine/functions/index.ts';
import {
  basinCount,
  basinMap,
  basinTally,
  cellIndex,
  fillBasinPixels,
  shownCell,
  readingOf,
} from '../../../src/render/basinCells.ts';
import {
  CLEAR,
  DIVERGED,
  SHADES,
  UNCONVERGED,
  basinPalette,
  shadeIndex,
} from '../../../src/render/basinColours.ts';
import type { SweepPicture } from '../../../src/render/frame.ts';
import { himmelblauBasins, pictureOf, sweepScene } from '../support/sweepPicture.ts';

const minima = getFunction('himmelblau')!.minima({});
const known = readingOf(200, true);

/** The map's pixels, and the palette index of each (by colour). */
function pixelsOf(picture: SweepPicture, reading = known) {
  const n = picture.plan.axes[0]!.count;
  const palette = basinPalette(basinCount(picture.columns, reading.known ? 4 : 0));
  const pixels = new Uint32Array(n * n);
  fillBasinPixels(pixels, n, picture.columns, picture.level, palette, reading);
  return { n, pixels, palette, index: (word: number) => palette.indexOf(word) };
}

/** The minimum (0…3) a palette index shows, or the reserved index itself as a negative. */
const minimumOf = (index: number) => (index >= 3 ? Math.floor((index - 3) / SHADES) : -index);

describe('basin cells, from the kernel’s own runs', () => {
  it('colour the start nearest each Himmelblau minimum in that minimum’s hue, lighter than most', () => {
    const picture = pictureOf(himmelblauBasins('adam', 0.1, 32));
    const { n, pixels, index } = pixelsOf(picture);
    const { view } = picture.scene;
    minima.forEach(([x, y], k) => {
      const i = Math.floor(((x - view.x[0]) / (view.x[1] - view.x[0])) * n);
      const j = Math.floor(((y - view.y[0]) / (view.y[1] - view.y[0])) * n);
      // Column i, row n − 1 − j: y up.
      const p = index(pixels[(n - 1 - j) * n + i]!);
      expect(minimumOf(p)).toBe(k);
      expect(cellIndex(picture.columns, i * n + j, known)).toBe(p);
      // Starting next to the minimum is faster (lighter) than starting at most of its basin.
      const shades = [...pixels].map(index).filter((q) => minimumOf(q) === k);
      expect(shades.filter((q) => q < p).length).toBeLessThan(shades.length / 4);
    });
  });

  it('tell Adam’s basins from SGD’s on Himmelblau', () => {
    const adam = pixelsOf(pictureOf(himmelblauBasins('adam', 0.1, 32)));
    const sgd = pixelsOf(pictureOf(himmelblauBasins('sgd', 0.01, 32)));
    const differ = (a: typeof adam, b: typeof sgd) =>
      [...a.pixels].filter((w, p) => minimumOf(a.index(w)) !== minimumOf(b.index(b.pixels[p]!)))
        .length;
    // Different minima from the same starts, not only different step counts.
    expect(differ(adam, sgd)).toBeGreaterThan(10);
  });

  it('reserve grey for starts that never come within tol, and count them', () => {
    const picture = pictureOf(himmelblauBasins('sgd', 0.02, 32));
    const { pixels, index } = pixelsOf(picture);
    const tally = basinTally(picture.columns, picture.level, 4, known);
    expect(tally.unconverged).toBeGreaterThan(100);
    expect([...pixels].filter((w) => index(w) === UNCONVERGED)).toHaveLength(tally.unconverged);
    expect(tally.reached.reduce((a, b) => a + b, 0) + tally.diverged + tally.unconverged).toBe(
      tally.total,
    );
    expect(tally.total).toBe(32 * 32);
    // Every run that did not diverge ends nearest some minimum, within tol or not.
    expect(tally.nearest.reduce((a, b) => a + b, 0)).toBe(tally.total - tally.diverged);
    tally.nearest.forEach((n, k) => expect(n).toBeGreaterThanOrEqual(tally.reached[k]!));
  });

  it('reserve near-black for starts whose runs diverged', () => {
    const scene = sweepScene(
      { fn: { id: 'rosenbrock' }, steps: 100, optimizers: [{ type: 'sgd', lr: 0.003 }] },
      'basins',
      { basins: { resolution: 16, optimizer: 0 } },
    );
    const picture = pictureOf(scene);
    const reading = readingOf(100, true);
    const tally = basinTally(picture.columns, picture.level, 1, reading);
    expect(tally.diverged).toBeGreaterThan(0);
    const { pixels, index } = pixelsOf(picture, reading);
    expect([...pixels].filter((w) => index(w) === DIVERGED)).toHaveLength(tally.diverged);
    for (let c = 0; c < picture.columns.cells; c++) {
      expect(cellIndex(picture.columns, c, reading) === DIVERGED).toBe(
        picture.columns.divergedAt[c]! >= 0,
      );
    }
  });

  it('show the coarse grid as blocks first, each the colour of its nearest computed start', () => {
    const scene = himmelblauBasins('adam', 0.1, 32);
    const coarse = pictureOf(scene, 1);
    const full = pictureOf(scene, 4);
    const a = pixelsOf(coarse);
    const b = pixelsOf(full);
    expect([...a.pixels].every((w) => a.index(w) !== CLEAR)).toBe(true);
    // Coarse cells themselves agree with the full map; the rest copy a coarse neighbour.
    for (let i = 0; i < 32; i += 8) {
      for (let j = 0; j < 32; j += 8) {
        expect(a.pixels[(31 - j) * 32 + i]).toBe(b.pixels[(31 - j) * 32 + i]);
      }
    }
    expect(a.pixels[(31 - 3) * 32 + 3]).toBe(b.pixels[(31 - 0) * 32 + 0]);
    expect(a.pixels[(31 - 5) * 32 + 5]).toBe(b.pixels[(31 - 8) * 32 + 8]);
    expect([...a.pixels]).not.toEqual([...b.pixels]);
  });

  it('find the nearest computed cell on the finest coarser grid, the last index included', () => {
    const n = 10;
    const level = new Uint8Array(n * n);
    expect(shownCell(level, n, 3, 3)).toBe(-1);
    level[0] = 1;
    level[9 * n + 9] = 1;
    expect(shownCell(level, n, 3, 3)).toBe(0);
    expect(shownCell(level, n, 8, 8)).toBe(9 * n + 9);
    level[4 * n + 4] = 2;
    expect(shownCell(level, n, 3, 3)).toBe(4 * n + 4);
    expect(shownCell(level, n, 2, 5)).toBe(4 * n + 4);
    level[2 * n + 5] = 4;
    expect(shownCell(level, n, 2, 5)).toBe(2 * n + 5);
  });

  it('give a typed function’s end clusters a hue each, at one middle shade, computed cells only', () => {
    const picture = pictureOf(himmelblauBasins('adam', 0.1, 16));
    // Read as a typed function would be: no known minima, so the ends are clustered.
    const map = basinMap(picture, 0);
    expect(map.reading).toMatchObject({ steps: 200, known: false });
    expect(map.count).toBe(4);
    expect(picture.columns.basin).not.toBe(map.columns.basin);
    const indices = new Set(
      Array.from({ length: 256 }, (_, c) => cellIndex(map.columns, c, map.reading)),
    );
    expect([...indices].sort((a, b) => a - b)).toEqual(
      [0, 1, 2, 3].map((k) => shadeIndex(k, SHADES >> 1)),
    );
    // The clusters are the minima: the same starts share a cluster as share a minimum.
    const pairs = new Set<string>();
    for (let c = 0; c < 256; c++) pairs.add(`${picture.columns.basin[c]}:${map.columns.basin[c]}`);
    expect(pairs.size).toBe(4);
    // Before the map is complete only computed runs are clustered (zeros of the rest are no end).
    const coarse = pictureOf(himmelblauBasins('adam', 0.1, 16), 1);
    const early = basinMap(coarse, 0);
    for (let c = 0; c < 256; c++) {
      if (coarse.level[c] === 0) expect(early.columns.basin[c]).toBe(-1);
      else expect(early.columns.basin[c]).toBeGreaterThanOrEqual(0);
    }
  });
});
