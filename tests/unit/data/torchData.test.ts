import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/index.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';
import { pointRows, readTorchFixture, worstOf } from '../support/torchRuns.ts';

const fixture = readTorchFixture<{ readonly points: readonly (readonly number[])[] }>('torch-data');

/**
 * |engine − torch| ≤ TOL·max(1, |torch|) for x, y, the training and the test loss. Torch sums a
 * batch's losses in its own order and differentiates the mean, so the bits differ from the first
 * step; over these runs the largest difference is 4.7e-14 (RAdam), 200 times under TOL, except
 * the wells' SGD with B = 4, unstable in the sharp well: 1.3e-12 at its last point, step 20 (a
 * rounding doubles every ~1.5 steps there; the fixture's README gives the horizon).
 */
const TOL = 1e-11;

describe('losses made of data match PyTorch on the same batches (tests/fixtures/torch-data)', () => {
  it('has every optimizer, with batches smaller than the training set', () => {
    const types = fixture.cases.flatMap((c) =>
      sceneFromPreset(c.preset).optimizers.map((o) => o.type),
    );
    expect(new Set(types).size).toBe(10);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const { runs } = simulate(sceneFromPreset(c.preset));
      expect(runs).toHaveLength(c.runs.length);
      c.runs.forEach((expected, r) => {
        const run = runs[r]!;
        expect(run.divergedAt).toBeNull();
        expect(run.x).toHaveLength(expected.points.length);
        expect(worstOf(pointRows(run), expected.points), `run ${r}`).toBeLessThanOrEqual(TOL);
      });
    });
  }
});
