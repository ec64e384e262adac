import {
  betas,
  coord,
  lrEffField,
  nonNegative,
  num,
  pair,
  type HyperValues,
  type ReusableOptimizer,
  type OptimizerSpec,
  type StateField,
} from './spec.ts';
import type { XY } from '../types.ts';

/** Lion's update (Chen et al. 2023, Algorithm 2), as in the authors' PyTorch code. */
class Lion implements ReusableOptimizer {
  private b1 = 0;
  private b2 = 0;
  private wd = 0;
  private readonly m = new Float64Array(2);
  /** The last step's interpolation c = β₁m + (1 − β₁)g, whose sign is the step; m moves on after. */
  private readonly c = new Float64Array(2);
  readonly fields: readonly StateField[] = [
    coord('exp_avg', 'm (momentum)', 'm_t'),
    coord('c', 'c (interpolation; the step is −γ·sign c)', 'c_t', 'linear', 'direction'),
    lrEffField('\\gamma'),
  ];

  constructor(hp: HyperValues) {
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    const beta = pair(hp, 'betas');
    this.b1 = beta[0];
    this.b2 = beta[1];
    this.wd = num(hp, 'weight_decay');
    this.m.fill(0);
    this.c.fill(0);
  }

  inspect(out: Float64Array, lr: number): void {
    for (let i = 0; i < 2; i++) {
      out[i] = this.m[i]!;
      out[2 + i] = this.c[i]!;
      // sign(c) has magnitude 1: every coordinate moves by lr exactly.
      out[4 + i] = lr;
    }
  }

  step(p: XY, g: XY, lr: number): void {
    const shrink = 1 - lr * this.wd;
    // Each coordinate by the same code, written out twice: V8 does not unroll a two-pass loop.
    p[0] = this.coordinate(0, p[0]!, g[0]!, lr, shrink);
    p[1] = this.coordinate(1, p[1]!, g[1]!, lr, shrink);
  }

  /** Coordinate i's update: m moves on after the sign is taken; returns the new p_i. */
  private coordinate(i: number, p: number, d: number, lr: number, shrink: number): number {
    const { b1, b2, m, c: last } = this;
    const c = m[i]! * b1 + d * (1 - b1);
    last[i] = c;
    m[i] = m[i]! * b2 + d * (1 - b2);
    // Decoupled decay first; Math.sign(0) is 0, like torch.sign.
    return p * shrink - lr * Math.sign(c);
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
