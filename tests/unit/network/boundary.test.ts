import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/engine/data/logistic.ts';
import { accuracy, inputBox, OutputGrid } from '../../../src/engine/network/boundary.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { networkTraining } from '../../../src/engine/network/scene.ts';
import { trainNetwork } from '../../../src/engine/network/train.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { sceneFromPreset } from '../../../src/preset/index.ts';

/** A circle scene trained with Adam; θ₀ and the batch order from `seed`. */
function circle(seed: number) {
  const scene = sceneFromPreset({
    v: 1,
    fn: { id: 'rosenbrock' },
    steps: 300,
    noise: { sigma: 0, seed },
    optimizers: [{ type: 'adam', lr: 0.03 }],
    network: { data: 'circle', params: { n: 200, batch: 10 }, hidden: [6], init: seed },
  });
  const training = networkTraining(scene, scene.network!);
  const [run] = trainNetwork(training);
  const k = run!.loss.length - 1;
  return { training, theta: run!.params.slice(k * run!.count, (k + 1) * run!.count) };
}

describe('the output grid (decision boundaries)', () => {
  it('equals the network’s own output at each input, bit for bit: σ(z) for a classifier, z for a regression', () => {
    for (const [data, hidden, activation] of [
      ['spiral', [5, 7], 'tanh'],
      ['plane', [9], 'relu'],
      ['xor', [3, 4, 6], 'relu'],
    ] as const) {
      const arch = {
        hidden,
        activation,
        head: data === 'plane' ? ('regression' as const) : ('classification' as const),
      };
      const net = new Network(arch);
      const theta = initialParameters(arch, 5);
      const box = { x: [-6, 5] as const, y: [-4.5, 7] as const };
      const n = 37;
      const grid = new OutputGrid(net, box, n);
      const values = grid.fill(theta);
      const one = new Float64Array(1);
      for (const [i, j] of [
        [0, 0],
        [36, 36],
        [5, 30],
        [17, 2],
        [36, 0],
      ] as const) {
        // The cell's centre as field.ts's sampleGrid places it.
        const x = box.x[0] + (i + 0.5) * ((box.x[1] - box.x[0]) / n);
        const y = box.y[0] + (j + 0.5) * ((box.y[1] - box.y[0]) / n);
        // A fresh network, one point: no chunk or workspace shared with the grid's pass.
        new Network(arch).predict(theta, Float64Array.of(x), Float64Array.of(y), one);
        const want = arch.head === 'classification' ? sigmoid(one[0]!) : one[0]!;
        expect(Object.is(values[i + j * n], want), `${data} (${i}, ${j})`).toBe(true);
      }
      // Refilled into the same array with other parameters: the new parameters' values.
      const other = initialParameters(arch, 6);
      const again = grid.fill(other, values);
      expect(again).toBe(values);
      expect(Array.from(again)).toEqual(Array.from(new OutputGrid(net, box, n).fill(other)));
    }
  });

  it('the box holds every example, training and test, with a margin', () => {
    const { training } = circle(1);
    const box = inputBox(training.data);
    for (const ex of [training.data.train, training.data.test]) {
      for (let i = 0; i < ex.n; i++) {
        expect(ex.a[i]!).toBeGreaterThan(box.x[0]);
        expect(ex.a[i]!).toBeLessThan(box.x[1]);
        expect(ex.b[i]!).toBeGreaterThan(box.y[0]);
        expect(ex.b[i]!).toBeLessThan(box.y[1]);
      }
    }
  });

  it('the ½ level of a trained circle net separates most training points, over 10 seeds', () => {
    // Measured (seeds 1–10): 0.987 to 1 of the 150 training points on the right side of σ = ½
    // at the grid's cell holding each point, and the network's own accuracy within one point of
    // that (a cell is ≈ 0.17 wide: a point near the line can land in a cell across it).
    const shares: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const { training, theta } = circle(seed);
      const net = new Network(training.arch);
      const box = inputBox(training.data);
      const n = 64;
      const values = new OutputGrid(net, box, n).fill(theta);
      const { train } = training.data;
      let right = 0;
      for (let k = 0; k < train.n; k++) {
        const i = Math.floor(((train.a[k]! - box.x[0]) / (box.x[1] - box.x[0])) * n);
        const j = Math.floor(((train.b[k]! - box.y[0]) / (box.y[1] - box.y[0])) * n);
        if ((values[i + j * n]! >= 0.5 ? 1 : 0) === train.t[k]) right++;
      }
      shares.push(right / train.n);
      // The grid agrees with the network's own accuracy up to the points near the line.
      const exact = accuracy(net, theta, train, new Float64Array(train.n));
      expect(Math.abs(exact - right / train.n)).toBeLessThan(0.02);
    }
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.95);
  });
});
