import { describe, expect, it } from 'vitest';
import { NormalSource } from '../../../src/engine/noise.ts';
import { layoutOf } from '../../../src/engine/network/architecture.ts';
import { filterNormalized } from '../../../src/engine/network/directions.ts';
import { getNetworkDataset } from '../../../src/engine/network/datasets.ts';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { sharpness } from '../../../src/engine/network/sharpness.ts';

const arch = { hidden: [6], activation: 'relu', head: 'classification' } as const;
const data = getNetworkDataset('circle')!.dataset({
  n: 120,
  test: 0.25,
  batch: 10,
  seed: 2,
  noise: 0,
});

describe('sharpness along filter-normalised random directions (Li et al.)', () => {
  it('is 0 at radius 0 and the same number for the same seed', () => {
    const net = new Network(arch);
    const theta = initialParameters(arch, 3);
    expect(sharpness(net, data.train, theta, 0, 4, 1)).toBe(0);
    expect(sharpness(net, data.train, theta, 0.2, 4, 1)).toBe(
      sharpness(new Network(arch), data.train, theta, 0.2, 4, 1),
    );
  });

  it('is the mean rise (L(θ + r·d) + L(θ − r·d))/2 − L(θ) over the directions drawn from the seed', () => {
    const net = new Network(arch);
    const theta = initialParameters(arch, 4);
    const r = 0.3;
    const loss = (t: Float64Array) => net.loss(t, data.train, null);
    const source = new NormalSource(9);
    let sum = 0;
    for (let k = 0; k < 3; k++) {
      const d = filterNormalized(net.layout, theta, source);
      sum += loss(theta.map((v, i) => v + r * d[i]!)) + loss(theta.map((v, i) => v - r * d[i]!));
    }
    const want = sum / 6 - loss(theta);
    expect(sharpness(net, data.train, theta, r, 3, 9)).toBeCloseTo(want, 14);
    expect(want).toBeGreaterThan(0);
  });

  it('does not change when a ReLU net is rescaled layer by layer (the same function), as a plain random direction would', () => {
    const net = new Network(arch);
    const theta = initialParameters(arch, 5);
    const { weight, bias, sizes } = layoutOf(arch);
    const c = 4;
    // Layer 0's weights and biases × c, layer 1's weights ÷ c: ReLU is positively homogeneous.
    const scaled = theta.slice();
    for (let i = weight[0]!; i < bias[0]! + sizes[1]!; i++) scaled[i] = theta[i]! * c;
    for (let i = weight[1]!; i < bias[1]!; i++) scaled[i] = theta[i]! / c;
    const loss = (t: Float64Array) => net.loss(t, data.train, null);
    expect(loss(scaled)).toBeCloseTo(loss(theta), 12);
    const a = sharpness(net, data.train, theta, 0.25, 6, 2);
    const b = sharpness(net, data.train, scaled, 0.25, 6, 2);
    expect(a).toBeGreaterThan(1e-4);
    expect(Math.abs(a - b)).toBeLessThan(1e-9 * Math.abs(a) + 1e-13);
  });
});
