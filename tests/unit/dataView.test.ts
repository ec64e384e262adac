import { describe, expect, it } from 'vitest';
import type { DataObjective } from '../../src/engine/data/objective.ts';
import { inspectRun } from '../../src/engine/inspect.ts';
import { builtinObjective } from '../../src/engine/objective.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { cloudReadout, cloudVerdict } from '../../src/ui/data/cloudText.ts';
import { DataSource, type CloudFrame } from '../../src/ui/data/dataSource.ts';
import { RunSet } from '../../src/workers/runs.ts';

/** A logistic regression with Gaussian noise on top of its batches, both runs complete. */
function runSetOf(sigma: number): RunSet {
  const scene = sceneFromPreset({
    v: 1,
    fn: { id: 'sparse_logistic', params: { n: 200, batch: 4 } },
    steps: 30,
    noise: { sigma, seed: 3 },
    optimizers: [{ type: 'sgd', lr: 0.3 }, { type: 'adam' }],
  });
  const set = new RunSet(1, scene);
  simulate(scene).runs.forEach((run, k) =>
    set.fill(k, { ...run, length: run.x.length, divergedAt: null }),
  );
  return set;
}

describe('the data view', () => {
  it('step k of the cloud is taken at point k − 1 with batch k − 1, its gradient σξ included', () => {
    const set = runSetOf(0.2);
    const source = new DataSource();
    const objective = builtinObjective(set.scene.fn, set.scene.noise.seed) as DataObjective;
    const ins = inspectRun(set.scene, 1);
    for (const shown of [0, 1, 12, 30]) {
      const frame = source.cloud(set, 1, shown)!;
      const step = Math.max(1, shown);
      expect(frame.step).toBe(step);
      const run = set.runs[1]!;
      expect(frame.cloud.at).toEqual([run.x[step - 1], run.y[step - 1]]);
      expect(Array.from(frame.cloud.indices)).toEqual(objective.order.indices(step - 1));
      // The gradient used is the engine's for that step, noise included, bit for bit.
      expect(frame.used).toEqual([ins.gx[step], ins.gy[step]]);
      expect(frame.used[0]).not.toBe(frame.cloud.batchGrad[0]);
    }
    // The data panel at step k rings the batch that took the models there; none at step 0.
    const panel = source.frame(set, 12, [false, false])!;
    expect(Array.from(panel.batch!)).toEqual(objective.order.indices(11));
    expect(panel.models.map((m) => [m.x, m.y])).toEqual(set.runs.map((r) => [r.x[12], r.y[12]]));
    expect(source.frame(set, 0, [false, true])!.batch).toBeNull();
    expect(source.frame(set, 0, [false, true])!.models).toHaveLength(1);
  });

  it('shows a run’s model and cloud from a path sketched on the page, before its losses', () => {
    const full = runSetOf(0);
    const set = new RunSet(2, full.scene);
    const run = full.runs[1]!;
    set.sketch(1, { x: run.x.slice(), y: run.y.slice(), length: run.length });
    const source = new DataSource();
    expect(source.frame(set, 12, [false, false])!.models.map((m) => [m.x, m.y])).toEqual([
      [run.x[12], run.y[12]],
    ]);
    expect(source.cloud(set, 1, 12)!.cloud.at).toEqual([run.x[11], run.y[11]]);
  });

  it('without noise the gradient used is the batch mean; the same point keeps its cloud', () => {
    const set = runSetOf(0);
    const source = new DataSource();
    const a = source.cloud(set, 0, 7)!;
    expect(a.used).toEqual(a.cloud.batchGrad);
    expect(source.cloud(set, 0, 7)!.cloud).toBe(a.cloud);
  });

  it('reads out B_noise, including where it is infinite or undefined', () => {
    const set = runSetOf(0);
    const frame = new DataSource().cloud(set, 0, 5)!;
    const lines = Object.fromEntries(cloudReadout(frame).map((l) => [l.key, l.value]));
    expect(lines['batch']).toBe('4 of N = 150');
    expect(Number(lines['bnoise'])).toBeCloseTo(frame.cloud.noiseScale, -1);
    const at = (noiseScale: number): CloudFrame => ({
      ...frame,
      cloud: { ...frame.cloud, noiseScale },
    });
    expect(cloudVerdict(at(2))).toMatch(/^B = 4 is above B_noise ≈ 2/);
    expect(cloudVerdict(at(400))).toMatch(/^B = 4 is below B_noise ≈ 400/);
    expect(cloudVerdict(at(Infinity))).toMatch(/full gradient is zero/);
    expect(cloudVerdict(at(NaN))).toMatch(/zero here: no batch adds noise/);
    const text = (b: number) => cloudReadout(at(b)).find((l) => l.key === 'bnoise')!.value;
    expect(text(Infinity)).toBe('∞ (G = 0)');
    expect(text(NaN)).toBe('undefined (G = 0 and Σ = 0)');
  });
});
