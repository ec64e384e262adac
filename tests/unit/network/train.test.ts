import { describe, expect, it } from 'vitest';
import { BatchOrder } from '../../../src/engine/data/batches.ts';
import { trainSize } from '../../../src/engine/data/examples.ts';
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
import { getOptimizer } from '../../../src/engine/optimizers/index.ts';
import { withPhase } from '../../../src/engine/phases.ts';
import type { OptimizerEntry, Schedule } from '../../../src/engine/scene.ts';
import { fillLearningRates } from '../../../src/engine/schedules.ts';

function entry(
  type: string,
  lr: number,
  extra: Record<string, number | boolean> = {},
  schedule: Schedule = { type: 'constant' },
): OptimizerEntry {
  const spec = getOptimizer(type)!;
  const hyper = Object.fromEntries(Object.entries(spec.hyper).map(([k, s]) => [k, s.default]));
  return { type, hyper: { ...hyper, lr, ...extra }, schedule, label: type, color: '#000000' };
}

const arch: Architecture = { hidden: [6, 5], activation: 'tanh', head: 'classification' };
const params = { n: 120, test: 0.25, batch: 16, seed: 3, noise: 0.1 };

function training(optimizers: readonly NetworkEntry[], steps = 40, a = arch): NetworkTraining {
  const data = getNetworkDataset(a.head === 'regression' ? 'plane' : 'spiral')!.dataset(params);
  return {
    arch: a,
    data,
    order: new BatchOrder(trainSize(params.n, params.test), params.batch, 5),
    start: initialParameters(a, 2),
    steps,
    optimizers,
  };
}

describe('trainNetwork', () => {
  it('SGD steps θ − lr·(the batch’s mean gradient) on the batches of the order, recording each point', () => {
    const t = training([entry('sgd', 0.3)]);
    const [run] = trainNetwork(t);
    const net = new Network(arch);
    const theta = t.start.slice();
    const g = new Float64Array(net.count);
    expect(run!.divergedAt).toBeNull();
    expect(run!.loss).toHaveLength(41);
    expect(run!.params).toHaveLength(41 * net.count);
    for (let k = 0; k <= 40; k++) {
      expect(run!.params.subarray(k * net.count, (k + 1) * net.count)).toEqual(theta);
      expect(run!.loss[k]).toBe(net.loss(theta, t.data.train, null));
      expect(run!.testLoss![k]).toBe(net.loss(theta, t.data.test, null));
      if (k === 40) break;
      t.order.select(k);
      net.lossGrad(theta, g, t.data.train, t.order.perm, t.order.from, t.order.to);
      for (let i = 0; i < theta.length; i++) theta[i] = theta[i]! - 0.3 * g[i]!;
    }
    // Training lowers the loss.
    expect(run!.loss[40]!).toBeLessThan(run!.loss[0]!);
  });

  it('gives each optimizer the same batches: a run is the same alone or among others', () => {
    const adam = entry('adam', 0.02);
    const together = trainNetwork(
      training([entry('sgd', 0.1, { momentum: 0.9 }), adam, entry('rmsprop', 0.01)]),
    );
    const [alone] = trainNetwork(training([adam]));
    expect(together[1]).toEqual(alone);
  });

  it('streams in chunks to the same bits as in one go', () => {
    const t = training([entry('nadam', 0.02)], 50);
    const chunked = new NetworkTrajectory(t, t.optimizers[0]!);
    let added = 0;
    while (!chunked.done) added += chunked.advance(7);
    expect(added).toBe(50);
    expect(chunked.toRun()).toEqual(trainNetwork(t)[0]);
  });

  it('follows the schedule, and a phase starts a fresh optimizer of its own at its step', () => {
    const steps = 30;
    const sched: Schedule = { type: 'step', step_size: 10, gamma: 0.5 };
    const [scheduled] = trainNetwork(training([entry('sgd', 0.2, {}, sched)], steps));
    const rates = new Float64Array(steps);
    fillLearningRates(0.2, sched, rates);
    expect(scheduled!.lr).toEqual(rates);

    const first = entry('sgd', 0.2, { momentum: 0.9 });
    const phased = { ...first, phases: withPhase(first, 12, 'adam', { lr: 0.01 }) };
    const [run] = trainNetwork(training([phased], steps));
    // The same as 12 steps of SGD, then Adam from that point on batches 12…29.
    const [sgd] = trainNetwork(training([first], 12));
    expect(run!.params.subarray(0, 13 * sgd!.count)).toEqual(sgd!.params);
    // …then a fresh Adam from θ₁₂ on batches 12…29, at the phase's own rate.
    const t = training([], steps);
    const net = new Network(arch);
    const n = net.count;
    const theta = sgd!.params.slice(12 * n);
    const g = new Float64Array(n);
    const adam = getOptimizer('adam')!.create(phased.phases[0]!.hyper, n);
    for (let k = 12; k < steps; k++) {
      t.order.select(k);
      net.lossGrad(theta, g, t.data.train, t.order.perm, t.order.from, t.order.to);
      adam.begin(0.01);
      for (let i = 0; i < n; i++) theta[i] = adam.update(i, theta[i]!, g[i]!, 0.01);
      expect(run!.params.subarray((k + 1) * n, (k + 2) * n)).toEqual(theta);
    }
    expect(run!.lr.subarray(12)).toEqual(new Float64Array(steps - 12).fill(0.01));
  });

  it('stops and marks a run that diverges, keeping its finite points', () => {
    const reg: Architecture = { hidden: [8], activation: 'relu', head: 'regression' };
    const [run] = trainNetwork(training([entry('sgd', 50)], 40, reg));
    expect(run!.divergedAt).not.toBeNull();
    const d = run!.divergedAt!;
    expect(run!.loss).toHaveLength(d);
    expect(run!.params).toHaveLength(d * run!.count);
    expect(run!.lr).toHaveLength(d);
    expect(run!.loss.every(Number.isFinite)).toBe(true);
    expect(run!.params.every(Number.isFinite)).toBe(true);
  });
});
