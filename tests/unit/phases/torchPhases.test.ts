import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/index.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';
import { pointRows, readTorchFixture, worstOf } from '../support/torchRuns.ts';

const fixture = readTorchFixture<{
  readonly points: readonly (readonly number[])[];
  readonly lrs: readonly number[];
}>('torch-phases');

/**
 * |engine − torch| ≤ TOL·max(1, |torch|) for x, y, the loss and the test loss, and for each step's
 * rate. Torch sums a batch in its own order, so bits differ from the first step (see
 * tests/fixtures/torch-data); the largest difference over these runs is quoted in the README.
 */
const TOL = 1e-11;

describe('runs that switch optimizers match PyTorch making a new optimizer at the switch', () => {
  it('covers every optimizer type in a later phase or before one, on data and on Rosenbrock', () => {
    const scenes = fixture.cases.map((c) => sceneFromPreset(c.preset));
    const types = scenes.flatMap((s) =>
      s.optimizers.flatMap((o) => [o.type, ...(o.phases ?? []).map((p) => p.type)]),
    );
    expect(new Set(types).size).toBe(10);
    expect(scenes.every((s) => s.optimizers.every((o) => o.phases))).toBe(true);
    expect(scenes.map((s) => s.fn.id)).toContain('rosenbrock');
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const { runs } = simulate(sceneFromPreset(c.preset));
      expect(runs).toHaveLength(c.runs.length);
      c.runs.forEach((expected, r) => {
        const run = runs[r]!;
        expect(run.divergedAt).toBeNull();
        expect(run.x).toHaveLength(expected.points.length);
        expect(worstOf(pointRows(run), expected.points), `run ${r}: points`).toBeLessThanOrEqual(
          TOL,
        );
        const lrs = [...run.lr].map((v) => [v]);
        expect(
          worstOf(
            lrs,
            expected.lrs.map((v) => [v]),
          ),
          `run ${r}: lrs`,
        ).toBeLessThanOrEqual(TOL);
      });
    });
  }
});
