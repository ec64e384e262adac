import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../src/engine/network/architecture.ts';
import { getNetworkDataset } from '../../../src/engine/network/datasets.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import {
  NetworkTrajectory,
  trainNetwork,
  type NetworkEntry,
  type NetworkTraining,
} from '../../../src/engine/network/train.ts';
import { BatchOrder } from '../../../src/engine/data/batches.ts';
import { getOptimizer } from '../../../src/engine/optimizers/index.ts';
import { fastNetwork, wasmForwardFor } from '../../../src/engine/network/wasm/fastNetwork.ts';

const arch: Architecture = { hidden: [16, 16], activation: 'tanh', head: 'classification' };
const data = getNetworkDataset('spiral')!.dataset({
  n: 300,
  test: 0.25,
  batch: 32,
  seed: 3,
  noise: 0.1,
});

describe('fastNetwork: the workers’ and the command line’s network', () => {
  it('computes in WebAssembly here, one compiled kernel per architecture', () => {
    const kernel = wasmForwardFor(arch);
    expect(kernel).not.toBeNull();
    expect(wasmForwardFor({ ...arch, hidden: [16, 16] })).toBe(kernel);
    expect(wasmForwardFor({ ...arch, activation: 'relu' })).not.toBe(kernel);
  });

  it('keeps the eight architectures used last, dropping the one used least recently', () => {
    const kernelOf = (width: number) =>
      wasmForwardFor({ hidden: [width], activation: 'relu', head: 'regression' });
    const first = kernelOf(1);
    const second = kernelOf(2);
    for (let width = 3; width <= 8; width++) kernelOf(width);
    // Eight kept, [1] to [8]; using [1] makes [2] the least recently used.
    expect(kernelOf(1)).toBe(first);
    kernelOf(9);
    expect(kernelOf(1)).toBe(first);
    expect(kernelOf(2)).not.toBe(second);
  });

  it('gives the JS network’s bits: full-batch losses and outputs, and batch losses as before', () => {
    const js = new Network(arch);
    const fast = fastNetwork(arch);
    for (const seed of [1, 2, 3]) {
      const theta = initialParameters(arch, seed).map((v) => v * seed);
      expect(Object.is(fast.loss(theta, data.train, null), js.loss(theta, data.train, null))).toBe(
        true,
      );
      expect(Object.is(fast.loss(theta, data.test, null), js.loss(theta, data.test, null))).toBe(
        true,
      );
      // Part of the set, or a list of examples: the JS loops, the same answer.
      expect(fast.loss(theta, data.train, null, 5, 40)).toBe(
        js.loss(theta, data.train, null, 5, 40),
      );
      const list = Int32Array.from([7, 3, 3, 200]);
      expect(fast.loss(theta, data.train, list)).toBe(js.loss(theta, data.train, list));
      const [want, got] = [new Float64Array(data.train.n), new Float64Array(data.train.n)];
      js.outputs(theta, data.train, want);
      fast.outputs(theta, data.train, got);
      expect(got).toEqual(want);
    }
  });

  it('trains as a JS network does, bit for bit, every optimizer of a scene', () => {
    const entry = (type: string, hyper: Record<string, number>): NetworkEntry => {
      const spec = getOptimizer(type)!;
      const defaults = Object.entries(spec.hyper).map(([k, v]) => [k, v.default]);
      return {
        type,
        hyper: { ...Object.fromEntries(defaults), ...hyper },
        schedule: { type: 'constant' },
      };
    };
    const small: Architecture = { hidden: [8, 8], activation: 'tanh', head: 'classification' };
    const training: NetworkTraining = {
      arch: small,
      data,
      order: new BatchOrder(data.train.n, 16, 5),
      start: initialParameters(small, 2),
      steps: 60,
      optimizers: [entry('sgd', { lr: 0.3, momentum: 0.9 }), entry('adam', { lr: 0.03 })],
    };
    const fast = trainNetwork(training);
    const js = training.optimizers.map((entry) => {
      const t = new NetworkTrajectory(training, entry, new Network(training.arch));
      t.advance(training.steps);
      return t.toRun();
    });
    expect(fast).toEqual(js);
  });
});
