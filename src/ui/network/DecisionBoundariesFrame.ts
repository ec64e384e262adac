import type { Dataset } from '../../engine/data/examples.ts';
import type { Head } from '../../engine/network/architecture.ts';
import { accuracy, inputBox, OutputGrid } from '../../engine/network/boundary.ts';
import { getNetworkDataset } from '../../engine/network/datasets.ts';
import { Network } from '../../engine/network/model.ts';
import type { NetworkScene } from '../../engine/network/scene.ts';
import type { Box, Vec2 } from '../../engine/types.ts';
import type { OutputPicture } from '../../render/network/boundaryLayer.ts';

/**
 * Cells per side of a panel's grid. Measured (`tsx bench/boundary.bench.ts`, CPU per θ, grid and
 * ½ line, worst round of each of 4 fresh processes on the shared machine, load 2–5): [2, 16, 16, 1]
 * tanh 1.4 ms at 32², 2.5–5.0 ms at 48², 4.1–7.0 ms at 64² (bimodal between processes); ReLU
 * 0.4 / 0.6 / 1.0–2.2 ms. 64² would meet 8 ms for one panel but not for three changing step
 * together (playback); 48² keeps three near 7.5–15 ms in the worst process.
 */
export const GRID = 48;

/** What every panel of one network scene shares: its data, one network's workspaces, the grid. */
export interface BoundaryModel {
  readonly data: Dataset;
  readonly head: Head;
  readonly box: Box;
  /** The scale's ends and the boundary's level: probabilities, or the targets' range. */
  readonly range: Vec2;
  readonly level: number;
  readonly net: Network;
  readonly grid: OutputGrid;
}

/** The shared part of the panels of `network`: made once per scene. */
export function boundaryModel(network: NetworkScene): BoundaryModel {
  const set = getNetworkDataset(network.data);
  if (!set) throw new Error(`unknown network data set "${network.data}"`);
  const data = set.dataset(network.params);
  const net = new Network({
    hidden: network.hidden,
    activation: network.activation,
    head: network.head,
  });
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
  return { data, head: network.head, box, range, level, net, grid: new OutputGrid(net, box, GRID) };
}

/** One panel's picture at one θ and what its text says about it. */
export interface PanelFrame {
  readonly picture: OutputPicture;
  /** Shares of the training and test examples on the right side of ½ (classification), else null. */
  readonly trainAccuracy: number | null;
  readonly testAccuracy: number | null;
  /** The full-batch training loss at θ. */
  readonly trainLoss: number;
}

/**
 * Each θ's frame, computed once: the grid, the accuracies, the loss (≈ 2.5 ms for a 48² grid of
 * [2, 16, 16, 1] with tanh). Keyed by the θ array itself, so a caller that passes the same array
 * again (a step it already showed, a redraw for a resize) pays nothing; entries go with their θ.
 */
export class BoundaryFrames {
  readonly #frames = new WeakMap<Float64Array, PanelFrame>();
  readonly #train: Float64Array;
  readonly #test: Float64Array;

  constructor(readonly model: BoundaryModel) {
    this.#train = new Float64Array(model.data.train.n);
    this.#test = new Float64Array(model.data.test.n);
  }

  frame(theta: Float64Array): PanelFrame {
    let f = this.#frames.get(theta);
    if (f) return f;
    const { net, grid, data, box, head } = this.model;
    const classify = head === 'classification';
    f = {
      picture: { values: grid.fill(theta), n: grid.n, box },
      trainAccuracy: classify ? accuracy(net, theta, data.train, this.#train) : null,
      testAccuracy:
        classify && data.test.n > 0 ? accuracy(net, theta, data.test, this.#test) : null,
      trainLoss: net.loss(theta, data.train, null),
    };
    this.#frames.set(theta, f);
    return f;
  }
}

const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;

/** A panel's text alternative: what the picture shows at this step, in words. */
export function boundaryText(
  label: string,
  frame: PanelFrame | null,
  model: BoundaryModel,
): string {
  const { train, test } = model.data;
  const what =
    model.head === 'classification'
      ? `${label}: the network's probability of label 1 over the inputs, its ½ line the decision boundary, with ${train.n} training examples (dots) and ${test.n} test examples (squares)`
      : `${label}: the network's prediction over the inputs, with ${train.n} training examples (rings) and ${test.n} test examples (squares)`;
  if (!frame) return `${what}; the parameters at this step are not known yet.`;
  const loss = `training loss ${frame.trainLoss.toPrecision(3)}`;
  if (frame.trainAccuracy === null) return `${what}. At this step: ${loss}.`;
  const testPart =
    frame.testAccuracy === null ? '' : `, test accuracy ${percent(frame.testAccuracy)}`;
  return `${what}. At this step: training accuracy ${percent(frame.trainAccuracy)}${testPart}, ${loss}.`;
}
