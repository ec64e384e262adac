import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/engine/data/logistic.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';
import {
  boundaryModel,
  boundaryText,
  BoundaryFrames,
  GRID,
} from '../../../src/ui/network/DecisionBoundariesFrame.ts';

const networkOf = (net: Record<string, unknown>) =>
  sceneFromPreset({
    v: 1,
    fn: { id: 'rosenbrock' },
    steps: 5,
    noise: { sigma: 0, seed: 1 },
    optimizers: [{ type: 'adam' }],
    network: net,
  }).network!;

describe('the decision-boundary panels’ frames', () => {
  it('a classifier: the grid, the accuracies and the loss at θ, computed once per θ, and the text says them', () => {
    const network = networkOf({ data: 'spiral', params: { n: 160 }, hidden: [6, 5] });
    const frames = new BoundaryFrames(boundaryModel(network));
    const { model } = frames;
    const theta = initialParameters(model.net.arch, 3);
    const frame = frames.frame(theta);
    expect(frames.frame(theta)).toBe(frame);
    expect(frames.frame(theta.slice())).not.toBe(frame);
    expect(frame.picture.n).toBe(GRID);
    expect([model.range, model.level]).toEqual([[0, 1], 0.5]);
    // Accuracy counted by hand from the network's own outputs.
    const net = new Network(model.net.arch);
    const { train, test } = model.data;
    const z = new Float64Array(train.n);
    net.predict(theta, train.a as Float64Array, train.b as Float64Array, z);
    let right = 0;
    for (let i = 0; i < train.n; i++) if ((sigmoid(z[i]!) >= 0.5 ? 1 : 0) === train.t[i]) right++;
    expect(frame.trainAccuracy).toBe(right / train.n);
    expect(frame.testAccuracy).not.toBeNull();
    expect(frame.trainLoss).toBe(net.loss(theta, train, null));
    const text = boundaryText('Adam', frame, model);
    expect(text).toContain(`training accuracy ${((100 * right) / train.n).toFixed(1)}%`);
    expect(text).toContain(`${train.n} training examples (dots) and ${test.n} test examples`);
    expect(text.startsWith('Adam: ')).toBe(true);
    expect(boundaryText('SGD', null, model)).toMatch(/^SGD: .*not known yet\.$/);
  });

  it('a regression: the prediction on the targets’ range, its middle as the line, no accuracy', () => {
    const network = networkOf({ data: 'plane', params: { n: 100 }, hidden: [4] });
    const frames = new BoundaryFrames(boundaryModel(network));
    const { model } = frames;
    const targets = Array.from(model.data.train.t);
    expect(model.range).toEqual([Math.min(...targets), Math.max(...targets)]);
    expect(model.level).toBe((model.range[0] + model.range[1]) / 2);
    const frame = frames.frame(initialParameters(model.net.arch, 1));
    expect([frame.trainAccuracy, frame.testAccuracy]).toEqual([null, null]);
    expect(boundaryText('SGD', frame, model)).toMatch(/prediction .* At this step: training loss /);
  });
});
