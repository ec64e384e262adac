import {
  betas,
  nonNegative,
  num,
  pair,
  type HyperValues,
  type Optimizer,
  type OptimizerSpec,
} from './spec.ts';

/** Lion's update (Chen et al. 2023, Algorithm 2), as in the authors' PyTorch code. */
class Lion implements Optimizer {
  private readonly b1: number;
  private readonly b2: number;
  private readonly wd: number;
  private readonly m = new Float64Array(2);

  constructor(hp: HyperValues) {
    [this.b1, this.b2] = pair(hp, 'betas');
    this.wd = num(hp, 'weight_decay');
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { b1, b2, m } = this;
    const shrink = 1 - lr * this.wd;
    for (let i = 0; i < 2; i++) {
      const d = g[i]!;
      const c = m[i]! * b1 + d * (1 - b1);
      // Decoupled decay first; Math.sign(0) is 0, like torch.sign.
      p[i] = p[i]! * shrink - lr * Math.sign(c);
      m[i] = m[i]! * b2 + d * (1 - b2);
    }
  }
}

/** Lion (Chen et al. 2023): not part of torch; the authors' PyTorch code. */
export const lion: OptimizerSpec = {
  type: 'lion',
  name: 'Lion',
  hyper: {
    lr: nonNegative(1e-4),
    betas: betas(0.9, 0.99),
    weight_decay: nonNegative(0),
  },
  create: (hp) => new Lion(hp),
};
