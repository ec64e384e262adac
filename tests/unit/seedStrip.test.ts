import { describe, expect, it } from 'vitest';
import {
  DIVERGED_GAP,
  ZERO_GAP,
  jitter,
  stripAxis,
  stripPosition,
  stripRows,
} from '../../src/ui/sweep/seedStrip.ts';
import { pictureOf, sweepScene } from './support/sweepPicture.ts';

const scene = sweepScene(
  {
    fn: { id: 'rosenbrock' },
    steps: 60,
    noise: { sigma: 1, seed: 1 },
    optimizers: [
      { type: 'adam', lr: 0.05 },
      { type: 'sgd', lr: 0.01 },
    ],
  },
  'seeds',
  { seeds: { count: 12 } },
);
const picture = pictureOf(scene);

describe('the seed strip', () => {
  it('lists every seed of every optimizer by final loss, diverged last, with the median', () => {
    const rows = stripRows(picture);
    expect(rows.map((r) => r.optimizer)).toEqual([0, 1]);
    const { columns } = picture;
    rows.forEach((row, r) => {
      expect(row.points.map((p) => p.seed).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, k) => k + 1),
      );
      for (const p of row.points) {
        const e = p.cell * 2 + r;
        expect(p.diverged).toBe(columns.divergedAt[e]! >= 0);
        if (!p.diverged) expect(p.loss).toBe(columns.finalLoss[e]);
      }
      const finite = row.points.filter((p) => !p.diverged).map((p) => p.loss);
      expect(finite).toEqual([...finite].sort((a, b) => a - b));
      expect(row.points.slice(finite.length).every((p) => p.diverged)).toBe(true);
      if (finite.length % 2 === 0 && finite.length > 0) {
        expect(row.median).toBe((finite[finite.length / 2 - 1]! + finite[finite.length / 2]!) / 2);
      }
    });
    // The SGD row diverges on some seeds here, Adam on none: both kinds of row are covered.
    expect(rows[1]!.points.some((p) => p.diverged)).toBe(true);
    expect(rows[0]!.points.some((p) => p.diverged)).toBe(false);
  });

  it('places losses on a whole-decade log axis, zeros left of it and diverged runs right', () => {
    const rows = stripRows(picture);
    const axis = stripAxis(rows);
    const all = rows.flatMap((r) => r.points).filter((p) => !p.diverged);
    expect(10 ** axis.lo).toBeLessThanOrEqual(Math.min(...all.map((p) => p.loss)));
    expect(10 ** axis.hi).toBeGreaterThanOrEqual(Math.max(...all.map((p) => p.loss)));
    expect(axis.diverged).toBe(true);
    const at = (loss: number, diverged = false) =>
      stripPosition(axis, { seed: 1, cell: 0, loss, diverged });
    expect(at(10 ** axis.lo)).toBeCloseTo(ZERO_GAP, 12);
    expect(at(10 ** axis.hi)).toBeCloseTo(1 - DIVERGED_GAP, 12);
    expect(at(0)).toBe(0);
    expect(at(NaN, true)).toBe(1);
    // A decade is the same width wherever it lies.
    const d1 = at(10 ** (axis.lo + 1)) - at(10 ** axis.lo);
    const d2 = at(10 ** axis.hi) - at(10 ** (axis.hi - 1));
    expect(d1).toBeCloseTo(d2, 12);
  });

  it('gives each seed its own small, fixed offset', () => {
    const offsets = Array.from({ length: 50 }, (_, k) => jitter(k + 1));
    expect(offsets.every((o) => o >= -1 && o <= 1)).toBe(true);
    expect(new Set(offsets.map((o) => o.toFixed(3))).size).toBeGreaterThan(40);
    expect(jitter(7)).toBe(jitter(7));
  });
});
