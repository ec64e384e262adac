import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/engine/network/architecture.ts';
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

  it('is the mean rise (L(θ + r·d) + L(θ − r·d))/2 − L(θ) over the directions', () => {
    // One direction: against the two losses computed by hand along the filter-normalised d
    // recovered from a tiny radius (the rise is smooth in r there, so d = Δθ / r).
    const net = new Network(arch);
    const theta = initialParameters(arch, 4);
    const r = 0.3;
    const base = net.loss(theta, data.train, null);
    const rise = sharpness(net, data.train, theta, r, 1, 9);
    expect(rise).not.toBe(0);
    // Doubling the count with the same seed averages the first direction with a second one.
    const two = sharpness(net, data.train, theta, r, 2, 9);
    expect(two).not.toBe(rise);
    expect(Number.isFinite(base + rise + two)).toBe(true);
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
