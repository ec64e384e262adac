import type { BatchOrder } from '../data/batches.ts';
import type { Dataset } from '../data/examples.ts';
import { getOptimizer, type Optimizer } from '../optimizers/index.ts';
import { fillPhaseRates, type PhasedSetting } from '../phases.ts';
import type { OptimizerEntry } from '../scene.ts';
import type { Architecture } from './architecture.ts';
import type { Network } from './model.ts';
import { fastNetwork } from './wasm/fastNetwork.ts';

/** What one training compares: optimizers on one model, data set, start and batch order. */
export interface NetworkTraining {
  readonly arch: Architecture;
  readonly data: Dataset;
  /** Every run's batches: step k takes batch k of this order, whichever optimizer steps. */
  readonly order: BatchOrder;
  /** θ₀, in the layout of `layoutOf(arch)` (initialParameters). */
  readonly start: Float64Array;
  readonly steps: number;
  readonly optimizers: readonly NetworkEntry[];
}

/** An optimizer of a training: its type, hyperparameters (defaults filled), schedule, phases. */
export type NetworkEntry = Pick<OptimizerEntry, 'type' | 'hyper' | 'schedule' | 'phases'>;

/** One optimizer's training, point by point (point 0 is θ₀, point k the parameters after k steps). */
export interface NetworkRun {
  /** Full-batch training loss at each point. */
  readonly loss: Float64Array;
  /** Loss over the test set at each point; null without a test set. */
  readonly testLoss: Float64Array | null;
  /** The parameter vectors, one row of `count` per point: row k at k·count. */
  readonly params: Float64Array;
  /** Parameters per point. */
  readonly count: number;
  /** lr[k]: the rate step k + 1 used (after its schedule and phase). */
  readonly lr: Float64Array;
  /** Index of the first non-finite point (its parameters or loss), or null: the rows stop there. */
  readonly divergedAt: number | null;
}

/** One phase of a run: its own optimizer over the whole vector, fresh at its first step. */
interface Stage {
  readonly from: number;
  readonly optimizer: Optimizer;
}

/**
 * One optimizer's training on a network, advanced in chunks (a worker streams it) into
 * preallocated rows: the network run of the 2-D engine's Trajectory. Each step takes its batch's
 * mean gradient, updates every coordinate by the optimizer's own rule (`update(i, …)` for i over
 * the vector: the rule the plane uses), then records the full-batch training and test losses.
 * Nothing is allocated per step. A step whose parameters or training loss are not finite stops the
 * run, which is then marked, as the 2-D engine's.
 */
export class NetworkTrajectory {
  readonly loss: Float64Array;
  readonly testLoss: Float64Array | null;
  readonly params: Float64Array;
  readonly lr: Float64Array;
  /** Points computed so far (θ₀ counts as one). */
  length = 1;
  divergedAt: number | null = null;

  private readonly theta: Float64Array;
  private readonly grad: Float64Array;
  private readonly stages: readonly Stage[];

  constructor(
    private readonly training: NetworkTraining,
    entry: NetworkEntry,
    private readonly net: Network = fastNetwork(training.arch),
  ) {
    const { steps, start, data } = training;
    const count = net.count;
    if (start.length !== count) throw new Error(`θ₀ has ${start.length} values, not ${count}`);
    this.stages = [entry, ...(entry.phases ?? [])].map((phase) => {
      const spec = getOptimizer(phase.type);
      if (!spec) throw new Error(`unknown optimizer "${phase.type}"`);
      return { from: 'from' in phase ? phase.from : 0, optimizer: spec.create(phase.hyper, count) };
    });
    this.lr = new Float64Array(steps);
    fillPhaseRates(entry as PhasedSetting, this.lr);
    this.params = new Float64Array((steps + 1) * count);
    this.params.set(start);
    this.theta = start.slice();
    this.grad = new Float64Array(count);
    this.loss = new Float64Array(steps + 1);
    this.testLoss = data.test.n > 0 ? new Float64Array(steps + 1) : null;
    this.loss[0] = net.loss(start, data.train, null);
    if (this.testLoss) this.testLoss[0] = net.loss(start, data.test, null);
    if (!Number.isFinite(this.loss[0]!) || !start.every(Number.isFinite)) {
      this.divergedAt = 0;
      this.length = 0;
    }
  }

  /** True when every step is computed or the run diverged. */
  get done(): boolean {
    return this.divergedAt !== null || this.length > this.training.steps;
  }

  /** Computes up to `count` more steps; returns how many points were added. */
  advance(count: number): number {
    if (this.done) return 0;
    const { net, theta, grad, stages, lr, params, loss, testLoss } = this;
    const { data, order, steps } = this.training;
    const n = theta.length;
    const before = this.length;
    const end = Math.min(steps, before - 1 + count);
    let s = 0;
    for (let k = before - 1; k < end; k++) {
      // Step k + 1 belongs to the last phase starting at or before k.
      while (s + 1 < stages.length && stages[s + 1]!.from <= k) s++;
      const optimizer = stages[s]!.optimizer;
      order.select(k);
      net.gradient(theta, grad, data.train, order.perm, order.from, order.to);
      const rate = lr[k]!;
      optimizer.begin(rate);
      let finite = true;
      for (let i = 0; i < n; i++) {
        const p = optimizer.update(i, theta[i]!, grad[i]!, rate);
        theta[i] = p;
        if (!Number.isFinite(p)) finite = false;
      }
      const f = finite ? net.loss(theta, data.train, null) : NaN;
      if (!Number.isFinite(f)) {
        this.divergedAt = k + 1;
        this.length = k + 1;
        return this.length - before;
      }
      loss[k + 1] = f;
      if (testLoss) testLoss[k + 1] = net.loss(theta, data.test, null);
      params.set(theta, (k + 1) * n);
      this.length = k + 2;
    }
    return this.length - before;
  }

  /** The run as computed so far, trimmed to its finite points. */
  toRun(): NetworkRun {
    const m = this.length;
    const count = this.theta.length;
    const trim = (a: Float64Array, len: number) => (len === a.length ? a : a.slice(0, len));
    return {
      loss: trim(this.loss, m),
      testLoss: this.testLoss ? trim(this.testLoss, m) : null,
      params: trim(this.params, m * count),
      count,
      // A diverged run took divergedAt steps: it reports the rates of those steps only.
      lr: this.divergedAt === null ? this.lr : this.lr.slice(0, this.divergedAt),
      divergedAt: this.divergedAt,
    };
  }
}

/**
 * Trains every optimizer of `training` for its steps, one after another on one network's
 * workspaces; every run sees the same batches (the order is a function of the step).
 */
export function trainNetwork(training: NetworkTraining): NetworkRun[] {
  const net = fastNetwork(training.arch);
  return training.optimizers.map((entry) => {
    const t = new NetworkTrajectory(training, entry, net);
    t.advance(training.steps);
    return t.toRun();
  });
}
