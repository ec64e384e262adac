import { describe, expect, it } from 'vitest';
import { networkTraining } from '../../../src/engine/network/scene.ts';
import { wasmForwardFor } from '../../../src/engine/network/wasm/fastNetwork.ts';
import { trainNetwork } from '../../../src/engine/network/train.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';
import { prepareNetwork } from '../../../src/workers/prepareNetwork.ts';

const preset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 30,
  network: { data: 'circle', hidden: [6, 5], params: { n: 120, batch: 10 } },
  optimizers: [
    { type: 'adam', lr: 0.02 },
    { type: 'sgd', lr: 0.1, momentum: 0.9 },
  ],
};
const scene = sceneFromPreset(preset);

describe('a network training’s setup', () => {
  it('is built once for scenes that share it, as each request brings a new copy of its scene', () => {
    const a = networkTraining(scene, scene.network!);
    const copy = structuredClone(scene);
    const b = networkTraining(copy, copy.network!);
    expect(b.data).toBe(a.data);
    expect(b.order).toBe(a.order);
    expect(b.start).toBe(a.start);
    // Other runs (optimizers, steps) share it; another θ₀ seed or batch order does not.
    const slower = sceneFromPreset({ ...preset, steps: 12, optimizers: [{ type: 'sgd' }] });
    const c = networkTraining(slower, slower.network!);
    expect([c.data, c.steps, c.optimizers]).toEqual([a.data, 12, slower.optimizers]);
    const other = sceneFromPreset({ ...preset, network: { ...preset.network, init: 2 } });
    expect(networkTraining(other, other.network!).start).not.toBe(a.start);
    const shuffled = sceneFromPreset({ ...preset, noise: { sigma: 0, seed: 9 } });
    expect(networkTraining(shuffled, shuffled.network!).order).not.toBe(a.order);
  });

  it('used again (its batch order already stepped through), trains what one built afresh trains', () => {
    const first = networkTraining(scene, scene.network!);
    const runs = trainNetwork(first);
    const again = trainNetwork(networkTraining(scene, scene.network!));
    // Four other setups push it out: the next one is built afresh.
    for (const init of [11, 12, 13, 14]) {
      const other = sceneFromPreset({ ...preset, network: { ...preset.network, init } });
      networkTraining(other, other.network!);
    }
    const afresh = networkTraining(scene, scene.network!);
    expect(afresh.order).not.toBe(first.order);
    const fresh = trainNetwork(afresh);
    runs.forEach((run, k) => {
      expect(again[k]).toEqual(run);
      expect(fresh[k]).toEqual(run);
    });
  });

  it('is what a worker prepares ahead of the request, with its kernel; a bad scene is left for its request', () => {
    const ahead = sceneFromPreset({ ...preset, network: { ...preset.network, init: 7 } });
    prepareNetwork(structuredClone(ahead));
    const kernel = wasmForwardFor(networkTraining(ahead, ahead.network!).arch);
    expect(kernel).not.toBeNull();
    expect(wasmForwardFor(networkTraining(ahead, ahead.network!).arch)).toBe(kernel);
    const broken = { ...ahead, network: { ...ahead.network!, data: 'no such set' } };
    expect(() => prepareNetwork(broken)).not.toThrow();
    expect(() => networkTraining(broken, broken.network)).toThrow(/no such set/);
  });
});
