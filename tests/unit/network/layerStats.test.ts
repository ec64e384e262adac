import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/engine/network/architecture.ts';
import { batchGradients, layerStats } from '../../../src/engine/network/layerStats.ts';
import { networkTraining } from '../../../src/engine/network/scene.ts';
import { trainNetwork } from '../../../src/engine/network/train.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';

describe('per-layer norms of a run', () => {
  it('a hand-computed case: [2, 1, 1], two points', () => {
    // Layer 0: w (2), b (1); layer 1: w (1), b (1).
    const layout = layoutOf({ hidden: [1] });
    expect(layout.count).toBe(5);
    const params = Float64Array.of(3, 4, 0, 1, 0, 3, 4, 12, 1, 2);
    const grads = Float64Array.of(0, 0, 6, 0, 0);
    const s = layerStats(layout, params, 2, grads);
    expect(s.theta.map((a) => Array.from(a))).toEqual([
      [5, 13],
      [1, Math.sqrt(5)],
    ]);
    expect(s.step.map((a) => Array.from(a))).toEqual([[12], [2]]);
    expect(s.grad!.map((a) => Array.from(a))).toEqual([[6], [0]]);
    // 12 / 6; a layer whose gradient is 0 has no effective rate.
    expect(s.rate!.map((a) => Array.from(a))).toEqual([[2], [NaN]]);
    // Without gradients: the norms only.
    const bare = layerStats(layout, params, 2);
    expect(bare.grad).toBeNull();
    expect(bare.rate).toBeNull();
    expect(Array.from(bare.step[0]!)).toEqual([12]);
    // One point: no steps.
    expect(layerStats(layout, params, 1).step[1]!.length).toBe(0);
  });

  it('SGD: each step is −lr·g with the recomputed gradient, bit for bit, and every layer’s effective rate is lr', () => {
    const lr = 0.07;
    const scene = sceneFromPreset({
      v: 1,
      fn: { id: 'rosenbrock' },
      steps: 25,
      noise: { sigma: 0, seed: 3 },
      optimizers: [
        { type: 'sgd', lr },
        { type: 'adam', lr: 0.01 },
      ],
      network: { data: 'spiral', params: { n: 80, batch: 8 }, hidden: [5, 4], init: 2 },
    });
    const training = networkTraining(scene, scene.network!);
    const [sgd, adam] = trainNetwork(training);
    const p = sgd!.count;
    const g = batchGradients(training, sgd!);
    expect(g.length).toBe(25 * p);
    for (let k = 0; k < 25; k++) {
      for (let i = 0; i < p; i++) {
        const before = sgd!.params[k * p + i]!;
        expect(sgd!.params[(k + 1) * p + i]).toBe(before - lr * g[k * p + i]!);
      }
    }
    const layout = layoutOf(training.arch);
    const s = layerStats(layout, sgd!.params, sgd!.loss.length, g);
    expect(s.rate).toHaveLength(3);
    for (const rates of s.rate!) for (const r of rates) expect(r).toBeCloseTo(lr, 12);
    // Adam's steps are not proportional to g: its effective rates differ between layers.
    const a = layerStats(layout, adam!.params, adam!.loss.length, batchGradients(training, adam!));
    expect(Math.abs(a.rate![0]![10]! - a.rate![2]![10]!)).toBeGreaterThan(1e-3);
  });
});
