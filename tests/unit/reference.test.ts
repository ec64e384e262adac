import { describe, expect, it } from 'vitest';
import { simulate, type Run } from '../../src/engine/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { compareRun, referenceCases } from './reference.ts';

const asPoints = (run: Run): number[][] => Array.from(run.x, (x, i) => [x, run.y[i]!, run.f[i]!]);

describe('simulate matches PyTorch (tests/fixtures/reference)', () => {
  it('has every reference case', () => {
    expect(referenceCases).toHaveLength(48);
  });

  for (const c of referenceCases) {
    it(c.name, () => {
      const { runs } = simulate(sceneFromPreset(c.preset));
      expect(runs).toHaveLength(c.runs.length);
      c.runs.forEach((expected, i) => {
        const run = runs[i]!;
        const result = compareRun(
          expected,
          { points: asPoints(run), lrs: run.lr, divergedAt: run.divergedAt },
          c.tolerance,
        );
        expect(result.mismatch, `run ${i}`).toBeNull();
      });
    });
  }

  it('fills in torch defaults exactly as torch resolved them', () => {
    for (const c of referenceCases) {
      const scene = sceneFromPreset(c.preset);
      c.runs.forEach((run, i) => {
        expect(scene.optimizers[i]!.hyper, `${c.name} run ${i}`).toEqual(run.resolved);
      });
    }
  });
});
