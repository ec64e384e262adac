import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/engine/data/logistic.ts';
import { OutputGrid } from '../../../src/engine/network/boundary.ts';
import {
  BOUNDARY_GRID,
  BoundaryKernel,
  type BoundaryFrame,
} from '../../../src/engine/network/boundaryFrame.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import type { NetworkScene } from '../../../src/engine/network/scene.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';
import { BoundaryFrames, boundaryText } from '../../../src/ui/network/DecisionBoundariesFrame.ts';
import { BoundaryClient } from '../../../src/workers/boundaryClient.ts';
import type { BoundaryAnswer, BoundaryRequest } from '../../../src/workers/boundaryProtocol.ts';
import { BoundaryService } from '../../../src/workers/boundaryService.ts';

const networkOf = (net: Record<string, unknown>) =>
  sceneFromPreset({
    v: 1,
    fn: { id: 'rosenbrock' },
    steps: 5,
    noise: { sigma: 0, seed: 1 },
    optimizers: [{ type: 'adam' }],
    network: net,
  }).network!;

describe('the decision-boundary panels’ kernel', () => {
  it('a classifier: the grid, the accuracies and the loss at θ, and the text says them', () => {
    const network = networkOf({ data: 'spiral', params: { n: 160 }, hidden: [6, 5] });
    const kernel = new BoundaryKernel(network);
    const { model } = kernel;
    const theta = initialParameters(kernel.net.arch, 3);
    const frame = kernel.frame(theta);
    expect(frame.n).toBe(BOUNDARY_GRID);
    expect([model.range, model.level]).toEqual([[0, 1], 0.5]);
    // The grid is OutputGrid's over the inputs' box, bit for bit.
    const net = new Network(kernel.net.arch);
    expect([...frame.values]).toEqual([
      ...new OutputGrid(net, model.box, BOUNDARY_GRID).fill(theta),
    ]);
    // Accuracy counted by hand from the network's own outputs.
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
    expect(() => kernel.frame(theta.subarray(1))).toThrow(/θ has \d+ values, the network \d+/);
  });

  it('a regression: the prediction on the targets’ range, its middle as the line, no accuracy', () => {
    const network = networkOf({ data: 'plane', params: { n: 100 }, hidden: [4] });
    const kernel = new BoundaryKernel(network);
    const { model } = kernel;
    const targets = Array.from(model.data.train.t);
    expect(model.range).toEqual([Math.min(...targets), Math.max(...targets)]);
    expect(model.level).toBe((model.range[0] + model.range[1]) / 2);
    const frame = kernel.frame(initialParameters(kernel.net.arch, 1));
    expect([frame.trainAccuracy, frame.testAccuracy]).toEqual([null, null]);
    expect(boundaryText('SGD', frame, model)).toMatch(/prediction .* At this step: training loss /);
  });
});

/** A stand-in worker that runs the real service when the test lets it answer. */
class ServiceWorker extends EventTarget {
  readonly service = new BoundaryService();
  readonly sent: BoundaryRequest[] = [];
  postMessage(request: BoundaryRequest) {
    this.sent.push(request);
  }
  terminate() {}
  /** Answers the oldest unanswered request, as the worker would. */
  answerNext() {
    const [answer] = this.service.answer(this.sent.shift()!);
    this.dispatchEvent(Object.assign(new Event('message'), { data: answer }));
  }
}

describe('the boundary worker and the page’s frames', () => {
  const network = networkOf({ data: 'circle', params: { n: 120 }, hidden: [5] });
  const kernel = new BoundaryKernel(network);
  const run = new Float64Array(3 * kernel.net.count);
  for (let k = 0; k < 3; k++)
    run.set(initialParameters(kernel.net.arch, k + 1), k * kernel.net.count);
  /** Point k of the run: one view per point, as NetworkPicture.theta gives. */
  const points = [0, 1, 2].map((k) =>
    run.subarray(k * kernel.net.count, (k + 1) * kernel.net.count),
  );
  const at = (k: number) => points[k]!;

  it('the service answers each θ with the kernel’s frame, sending only θ', () => {
    const service = new BoundaryService();
    const thetas = [at(0), at(2)];
    const [answer, transfer] = service.answer({ type: 'frames', requestId: 4, network, thetas });
    expect(answer.type).toBe('frames');
    const frames = (answer as Extract<BoundaryAnswer, { type: 'frames' }>).frames;
    expect(frames).toEqual(thetas.map((t) => kernel.frame(t)));
    expect(transfer).toEqual(frames.map((f) => f.values.buffer));
    const [bad] = service.answer({
      type: 'frames',
      requestId: 5,
      network,
      thetas: [at(0).subarray(2)],
    });
    expect(bad).toMatchObject({
      type: 'error',
      requestId: 5,
      message: expect.stringMatching(/^θ has/),
    });
  });

  it('the page asks for what it lacks, newest first, and keeps frames by its own θ arrays', () => {
    const worker = new ServiceWorker();
    const client = new BoundaryClient(() => worker as unknown as Worker);
    const frames = new BoundaryFrames(network);
    client.onFrames((n, thetas, computed) => frames.receive(n, thetas, computed));
    client.onError((message) => frames.fail(message));
    let notified = 0;
    frames.subscribe(() => notified++);
    frames.attach(client);
    // A playback: steps 0, 1, 2 asked while step 0 computes; only the newest goes next.
    frames.want([at(0), null]);
    frames.want([at(1), null]);
    frames.want([at(2), null]);
    expect(worker.sent).toHaveLength(1);
    // Only θ travels, a copy: not the run the view belongs to.
    expect(worker.sent[0]!.thetas[0]!.buffer.byteLength).toBe(8 * kernel.net.count);
    worker.answerNext();
    expect(frames.get(at(0))).toEqual(kernel.frame(at(0)));
    expect(worker.sent.map((r) => r.thetas.length)).toEqual([1]);
    // While step 2 computes, step 1 is shown by step 0's frame: the newest of the same run.
    expect(frames.get(at(1))).toBeNull();
    expect(frames.newest(at(1))).toBe(frames.get(at(0)));
    expect(frames.newest(new Float64Array(kernel.net.count))).toBeNull();
    worker.answerNext();
    expect(frames.get(at(1))).toBeNull();
    expect(frames.get(at(2))).toEqual(kernel.frame(at(2)));
    expect(frames.newest(at(1))).toBe(frames.get(at(2)));
    expect(notified).toBe(2);
    // Steps already computed cost nothing; another scene's frames are not this one's.
    frames.want([at(0), at(2)]);
    expect(worker.sent).toEqual([]);
    const other = new BoundaryFrames({ ...network } as NetworkScene);
    other.receive(network, [at(1)], [kernel.frame(at(1)) as BoundaryFrame]);
    expect(other.get(at(1))).toBeNull();
    // A failure reaches the panels, and frames that arrive later clear it.
    frames.want([at(1).subarray(1)]);
    worker.answerNext();
    expect(frames.error).toMatch(/^θ has/);
    frames.want([at(1)]);
    worker.answerNext();
    expect([frames.error, frames.get(at(1))]).toEqual([null, kernel.frame(at(1))]);
    client.dispose();
  });
});
