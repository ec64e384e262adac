import { describe, expect, it } from 'vitest';
import { batchGradients, layerStats } from '../../src/engine/network/layerStats.ts';
import { Network } from '../../src/engine/network/model.ts';
import { networkTraining } from '../../src/engine/network/scene.ts';
import { trainNetwork } from '../../src/engine/network/train.ts';
import { network as gallery } from '../../src/gallery/network.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { epochText } from '../../src/ui/network/epochText.ts';
import { flatnessSentence } from '../../src/ui/network/flatnessText.ts';
import { layerCharts } from '../../src/ui/network/layerCharts.ts';
import { layerNames, layerRows, layerSentence, pointOf } from '../../src/ui/network/layerText.ts';

const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 30,
  network: { data: 'xor', hidden: [4, 3], params: { n: 60, batch: 8 } },
  optimizers: [
    { type: 'sgd', lr: 0.2, label: 'SGD' },
    { type: 'adam', lr: 0.01, label: 'Adam' },
  ],
});
const training = networkTraining(scene, scene.network!);
const runs = trainNetwork(training);
const layout = new Network(training.arch).layout;
const stats = runs.map((r) =>
  layerStats(layout, r.params, r.loss.length, batchGradients(training, r)),
);
const names = layerNames(layout.sizes);

describe('the layer inspector’s words and numbers', () => {
  it('names each Linear with its shape', () => {
    expect(names).toEqual(['layer 1 (2 → 4)', 'layer 2 (4 → 3)', 'output (3 → 1)']);
  });

  it('reads the table at a step from the statistics: ‖θ‖ of the point, the rest of the step to it', () => {
    const rows = layerRows(stats[1]!, 7);
    rows.forEach((r, l) => {
      expect(r.theta).toBe(stats[1]!.theta[l]![7]);
      expect(r.grad).toBe(stats[1]!.grad![l]![6]);
      expect(r.step).toBe(stats[1]!.step[l]![6]);
      expect(r.rate).toBe(r.step! / r.grad!);
    });
    expect(layerRows(stats[1]!, 0).every((r) => r.grad === null && r.step === null)).toBe(true);
    expect(pointOf(stats[1]!, 999)).toBe(30);
  });

  it('says plain SGD moves every layer by γ times its gradient, and that Adam does not', () => {
    const sgd = layerSentence(names, stats[0]!, 12, 0.2).join(' ');
    expect(sgd).toMatch(
      /Every layer’s effective rate ‖step‖\/‖g‖ is 0\.2: .*γ = 0\.2 \(plain SGD\)/,
    );
    const adam = layerSentence(names, stats[1]!, 12, 0.01).join(' ');
    expect(adam).toMatch(/The effective rate ‖step‖\/‖g‖ runs from .* times apart/);
    // The largest gradient it names is the largest in the table.
    const g = layerRows(stats[1]!, 12).map((r) => r.grad!);
    const top = g.indexOf(Math.max(...g));
    expect(adam).toContain(`${names[top]} has the largest gradient`);
    expect(layerSentence(names, stats[1]!, 0, 0.01)[0]).toMatch(/^Point 0 is θ₀/);
  });

  it('draws a line a layer, step series shifted so entry k is step k', () => {
    const charts = layerCharts(stats[1]!);
    expect(charts.map((c) => c.key)).toEqual(['grad', 'step', 'rate', 'theta']);
    const grad = charts[0]!.series[2]!.values;
    expect(Number.isNaN(grad[0])).toBe(true);
    expect(grad[5]).toBe(stats[1]!.grad![2]![4]);
    expect(charts[3]!.series[0]!.values).toBe(stats[1]!.theta[0]);
  });

  it('tells the flattest and sharpest run apart, and which tests best', () => {
    const lines = flatnessSentence([
      { label: 'SGD', train: 0.3, test: 0.35, sharpness: 0.02 },
      { label: 'Adam', train: 0.1, test: 0.4, sharpness: 0.1 },
      { label: 'Gone', train: NaN, test: null, sharpness: null },
    ]);
    expect(lines).toEqual([
      'SGD ends flattest (sharpness 0.02), Adam sharpest (0.1, 5 times as much).',
      'The lowest training loss is Adam’s (0.1), the lowest test loss SGD’s (0.35); the largest ' +
        'gap between test and training loss is Adam’s (0.3).',
    ]);
    const bouncing = flatnessSentence([
      { label: 'SGD', train: 0.3, test: 0.35, sharpness: -0.04 },
      { label: 'Adam', train: 0.1, test: 0.4, sharpness: 0.1 },
    ]);
    expect(bouncing[0]).toBe('SGD ends flattest (sharpness −0.04), Adam sharpest (0.1).');
    expect(bouncing[1]).toMatch(/^SGD’s sharpness is negative: .* not \(yet\) at a minimum\.$/);
  });
});

describe('the epoch counter', () => {
  it('counts epochs as the batch order walks them (⌈N_train / B⌉ batches each)', () => {
    // The gallery's spiral: 120 examples, a quarter held out, B = 10: 9 batches an epoch.
    const spiral = sceneFromPreset(gallery[0]!.preset);
    const order = networkTraining(spiral, spiral.network!).order;
    expect(order.perEpoch).toBe(9);
    expect(epochText(spiral.network!, 240, 500)).toBe('epoch 26.6 of 55.5');
    expect(epochText(spiral.network!, 0, 500)).toBe('epoch 0 of 55.5');
    // N_train = 45 with B = 8: 6 batches, the last of 5; never rounded up to the next epoch.
    const { order: xor } = training;
    expect(xor.perEpoch).toBe(6);
    for (let k = 0; k <= 30; k++) {
      const [epoch] = /epoch ([\d.]+) of 5$/.exec(epochText(scene.network!, k, 30))!.slice(1);
      expect(Math.floor(Number(epoch))).toBe(Math.floor(k / xor.perEpoch));
    }
  });
});
