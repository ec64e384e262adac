import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialParameters } from '../../../src/engine/network/init.ts';
import { Network } from '../../../src/engine/network/model.ts';
import { examplesOf, gradientCases } from '../../fixtures/torch-network/gradientCases.ts';

interface Fixture {
  readonly gradients: readonly { name: string; loss: number; grad: number[] }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/torch-network/runs.json', import.meta.url), 'utf8'),
) as Fixture;

/**
 * |engine − torch| ≤ TOL·max(1, |torch|) for the loss and every gradient entry. torch's addmm and
 * autograd sum in their own order and its tanh is another implementation (ours is tableTanh), so
 * the bits may differ; the largest difference over these cases is 4.4e-16 (a few ulps), 225
 * times under TOL — the same with fdlibm's tanh before it.
 */
const TOL = 1e-13;

describe('the network’s loss and gradient match PyTorch (tests/fixtures/torch-network)', () => {
  it('has a case for every activation with every head', () => {
    expect(fixture.gradients.map((g) => g.name)).toEqual(gradientCases.map((c) => c.name));
  });

  for (const [k, c] of gradientCases.entries()) {
    it(c.name, () => {
      const expected = fixture.gradients[k]!;
      const net = new Network(c.arch);
      const theta = initialParameters(c.arch, c.seed);
      const grad = new Float64Array(net.count);
      const list = Int32Array.from(c.list);
      const loss = net.lossGrad(theta, grad, examplesOf(c), list, 0, list.length);
      expect(grad).toHaveLength(expected.grad.length);
      const rel = (a: number, e: number) => Math.abs(a - e) / Math.max(1, Math.abs(e));
      let worst = rel(loss, expected.loss);
      expected.grad.forEach((e, i) => (worst = Math.max(worst, rel(grad[i]!, e))));
      expect(worst).toBeLessThanOrEqual(TOL);
      // Not a vacuous match: the gradient is not zero.
      expect(Math.max(...expected.grad.map(Math.abs))).toBeGreaterThan(1e-3);
    });
  }
});
