import { describe, expect, it } from 'vitest';
import { trainSize } from '../../../src/engine/data/examples.ts';
import {
  getNetworkDataset,
  networkDataParams,
  networkDatasets,
} from '../../../src/engine/network/datasets.ts';

const defaults = Object.fromEntries(
  Object.entries(networkDataParams).map(([k, s]) => [k, s.default]),
);
const params = (extra: Record<string, number> = {}): Record<string, number> => ({
  ...defaults,
  n: 800,
  ...extra,
});

/** Every example of a set, train then test, as [a, b, t] rows. */
function rows(id: string, p: Record<string, number>): [number, number, number][] {
  const { train, test } = getNetworkDataset(id)!.dataset(p);
  return [train, test].flatMap((ex) =>
    Array.from({ length: ex.n }, (_, i): [number, number, number] => [
      ex.a[i]!,
      ex.b[i]!,
      ex.t[i]!,
    ]),
  );
}

describe('the network data sets (TensorFlow Playground’s, seeded)', () => {
  it('has circle, xor, gauss, spiral and a regression set', () => {
    expect(networkDatasets.map((d) => [d.id, d.head])).toEqual([
      ['circle', 'classification'],
      ['xor', 'classification'],
      ['gauss', 'classification'],
      ['spiral', 'classification'],
      ['plane', 'regression'],
    ]);
  });

  for (const { id, head } of networkDatasets) {
    it(`${id}: the same bits for the same seed, other examples for another; the test share held out`, () => {
      const p = params({ noise: 0.2 });
      const { train, test } = getNetworkDataset(id)!.dataset(p);
      expect(train.n).toBe(trainSize(800, p['test']!));
      expect(train.n + test.n).toBe(800);
      // A new parameter object of the same values draws the same examples again.
      expect(rows(id, { ...p })).toEqual(rows(id, p));
      expect(rows(id, { ...p, seed: 2 })).not.toEqual(rows(id, p));
      const all = rows(id, p);
      if (head === 'classification') {
        const ones = all.filter(([, , t]) => t === 1).length;
        expect(all.every(([, , t]) => t === 0 || t === 1)).toBe(true);
        // Classes are drawn per example: balanced, and mixed in both the train and test parts.
        expect(ones / all.length).toBeGreaterThan(0.42);
        expect(ones / all.length).toBeLessThan(0.58);
        expect(new Set(all.slice(train.n).map(([, , t]) => t)).size).toBe(2);
      }
      for (const [a, b] of all) expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThan(12);
    });
  }

  it('labels follow each set’s geometry without noise, and noise makes some wrong', () => {
    const agree = (id: string, noise: number, truth: (a: number, b: number) => number) => {
      const all = rows(id, params({ noise }));
      return all.filter(([a, b, t]) => truth(a, b) === t).length / all.length;
    };
    const circle = (a: number, b: number) => (Math.hypot(a, b) < 2.5 ? 1 : 0);
    const xor = (a: number, b: number) => (a * b >= 0 ? 1 : 0);
    const gauss = (a: number, b: number) => (a + b > 0 ? 1 : 0);
    expect(agree('circle', 0, circle)).toBe(1);
    expect(agree('circle', 0.5, circle)).toBeLessThan(0.95);
    expect(agree('xor', 0, xor)).toBe(1);
    expect(agree('xor', 0.5, xor)).toBeLessThan(0.95);
    // Two clusters at (±2, ±2) of variance 0.5: almost all on their side of a + b = 0.
    expect(agree('gauss', 0, gauss)).toBeGreaterThan(0.99);
    expect(agree('gauss', 0.5, gauss)).toBeLessThan(0.95);
    // xor keeps its points 0.3 off the axes; circle's rings leave a gap between 2.5 and 3.5.
    for (const [a, b] of rows('xor', params()))
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.3);
    for (const [a, b] of rows('circle', params())) {
      const r = Math.hypot(a, b);
      expect(r <= 2.5 + 1e-12 || (r >= 3.5 - 1e-12 && r <= 5 + 1e-12)).toBe(true);
    }
  });

  it('spiral: two arms, each point at its arm’s angle for its radius (noise 0)', () => {
    for (const [a, b, t] of rows('spiral', params())) {
      const r = Math.hypot(a, b);
      if (r < 1e-9) continue;
      // Position s = r/5 along the arm; angle 3.5πs (+π for the second arm), measured from +y.
      const theta = 3.5 * Math.PI * (r / 5) + (t === 1 ? 0 : Math.PI);
      expect(Math.abs(a - r * Math.sin(theta)) + Math.abs(b - r * Math.cos(theta))).toBeLessThan(
        1e-9,
      );
    }
  });

  it('plane: the target is (a + b)/10 without noise, moved by it with noise', () => {
    for (const [a, b, t] of rows('plane', params())) expect(t).toBeCloseTo((a + b) / 10, 14);
    const noisy = rows('plane', params({ noise: 0.3 }));
    expect(noisy.some(([a, b, t]) => Math.abs(t - (a + b) / 10) > 0.1)).toBe(true);
  });
});
