import { nonNegative, num, type HyperValues, type Optimizer, type OptimizerSpec } from './spec.ts';

/** torch.optim.Adagrad's update. */
class Adagrad implements Optimizer {
  private readonly lrDecay: number;
  private readonly wd: number;
  private readonly eps: number;
  private readonly sum: Float64Array;
  private t = 0;

  constructor(hp: HyperValues) {
    this.lrDecay = num(hp, 'lr_decay');
    this.wd = num(hp, 'weight_decay');
    this.eps = num(hp, 'eps');
    this.sum = new Float64Array(2).fill(num(hp, 'initial_accumulator_value'));
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { wd, eps, sum } = this;
    this.t++;
    // Step 1 is undecayed.
    const clr = lr / (1 + (this.t - 1) * this.lrDecay);
    for (let i = 0; i < 2; i++) {
      let d = g[i]!;
      if (wd !== 0) d += wd * p[i]!;
      const s = sum[i]! + d * d;
      sum[i] = s;
      // eps sits outside the square root.
      p[i] = p[i]! - clr * (d / (Math.sqrt(s) + eps));
    }
  }
}

/** torch.optim.Adagrad. */
export const adagrad: OptimizerSpec = {
  type: 'adagrad',
  name: 'Adagrad',
  hyper: {
    lr: nonNegative(1e-2),
    lr_decay: nonNegative(0),
    weight_decay: nonNegative(0),
    initial_accumulator_value: nonNegative(0),
    eps: nonNegative(1e-10),
  },
  create: (hp) => new Adagrad(hp),
};
