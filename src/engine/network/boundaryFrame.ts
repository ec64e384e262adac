import type { Dataset } from '../data/examples.ts';
import type { Box, Vec2 } from '../types.ts';
import type { Head } from './architecture.ts';
import { accuracy, inputBox, OutputGrid } from './boundary.ts';
import { getNetworkDataset } from './datasets.ts';
import type { Network } from './model.ts';
import { fastNetwork } from './wasm/fastNetwork.ts';
import type { NetworkScene } from './scene.ts';

/**
 * Cells per side of a decision-boundary panel's grid. Measured (`tsx bench/boundary.bench.ts`,
 * CPU per θ, grid and ½ line, worst round of each of 4 fresh processes on the shared machine, load
 * 2–5): [2, 16, 16, 1] tanh 1.4 ms at 32², 2.5–5.0 ms at 48², 4.1–7.0 ms at 64² (bimodal between
 * processes); ReLU 0.4 / 0.6 / 1.0–2.2 ms. The panels' worker computes every run's grid for a step
 * in one answer: 48² keeps three runs of that net near 7.5–15 ms, an answer per frame or two.
 */
export const BOUNDARY_GRID = 48;

/** What every panel of one network scene shows besides the network's outputs. */
export interface BoundaryModel {
  readonly data: Dataset;
  readonly head: Head;
  /** The inputs' box, padded: every panel's axes. */
  readonly box: Box;
  /** The scale's ends and the boundary's level: probabilities, or the targets' range. */
  readonly range: Vec2;
  readonly level: number;
}

/** The shared part of the panels of `network`, made once per scene. */
export function boundaryModel(network: NetworkScene): BoundaryModel {
  const set = getNetworkDataset(network.data);
  if (!set) throw new Error(`unknown network data set "${network.data}"`);
  const data = set.dataset(network.params);
  const box = inputBox(data);
  let range: Vec2 = [0, 1];
  let level = 0.5;
  if (network.head === 'regression') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of data.train.t) {
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    // Centred on the targets' middle, so the scale's neutral colour is the middle value.
    range = hi > lo ? [lo, hi] : [lo - 1, lo + 1];
    level = (range[0] + range[1]) / 2;
  }
  return { data, head: network.head, box, range, level };
}

/** One panel at one θ: the network's output over the grid and what its text says. */
export interface BoundaryFrame {
  /** OutputGrid's values (index i + j·n, y up) over the model's box. */
  readonly values: Float64Array;
  readonly n: number;
  /** Shares of the training and test examples on the right side of ½ (classification), else null. */
  readonly trainAccuracy: number | null;
  readonly testAccuracy: number | null;
  /** The full-batch training loss at θ. */
  readonly trainLoss: number;
}

/**
 * The panels' computation for one network scene: the output grid, the accuracies and the loss at a
 * θ (≈ 2.5 ms for a 48² grid of [2, 16, 16, 1] with tanh), on one network's workspaces. Each
 * frame's values are a new array (it is sent to the page); nothing else is allocated per θ.
 */
export class BoundaryKernel {
  readonly model: BoundaryModel;
  readonly net: Network;
  readonly #grid: OutputGrid;
  readonly #train: Float64Array;
  readonly #test: Float64Array;

  constructor(network: NetworkScene, n = BOUNDARY_GRID) {
    this.model = boundaryModel(network);
    this.net = fastNetwork({
      hidden: network.hidden,
      activation: network.activation,
      head: network.head,
    });
    this.#grid = new OutputGrid(this.net, this.model.box, n);
    this.#train = new Float64Array(this.model.data.train.n);
    this.#test = new Float64Array(this.model.data.test.n);
  }

  /** The frame at parameters θ (layoutOf the scene's architecture). */
  frame(theta: Float64Array): BoundaryFrame {
    const { net } = this;
    const { data, head } = this.model;
    if (theta.length !== net.count) {
      throw new Error(`θ has ${theta.length} values, the network ${net.count}`);
    }
    const classify = head === 'classification';
    return {
      values: this.#grid.fill(theta),
      n: this.#grid.n,
      trainAccuracy: classify ? accuracy(net, theta, data.train, this.#train) : null,
      testAccuracy:
        classify && data.test.n > 0 ? accuracy(net, theta, data.test, this.#test) : null,
      trainLoss: net.loss(theta, data.train, null),
    };
  }
}
