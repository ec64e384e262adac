import {
  coord,
  lrEffField,
  nonNegative,
  num,
  scalar,
  type HyperValues,
  type ReusableOptimizer,
  type OptimizerSpec,
  statePair,
  type StateVector,
  type StateField,
} from './spec.ts';

/** torch.optim.Adagrad's update. */
class Adagrad implements ReusableOptimizer {
  private lrDecay = NaN;
  private wd = NaN;
  private eps = NaN;
  declare private readonly sum: StateVector;
  private t = 0;
  /** The decayed rate of the step begun. */
  private clr = NaN;
  readonly fields: readonly StateField[] = [
    coord('sum', 'accumulated g² (the sum)', 's_t', 'log'),
    scalar('clr', 'decayed learning rate', '\\tilde\\gamma_t', 'log'),
    lrEffField('\\tilde\\gamma_t / (\\sqrt{s_t} + \\epsilon)'),
  ];

  constructor(hp: HyperValues, n = 2) {
    this.sum = statePair(n);
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    this.lrDecay = num(hp, 'lr_decay');
    this.wd = num(hp, 'weight_decay');
    this.eps = num(hp, 'eps');
    this.sum.fill(num(hp, 'initial_accumulator_value'));
    this.t = 0;
  }

  /** The rate of step t after lr_decay; step 1 is undecayed. */
  private decayed(lr: number, t: number): number {
    return lr / (1 + (t - 1) * this.lrDecay);
  }

  inspect(out: Float64Array, lr: number): void {
    const clr = this.decayed(lr, Math.max(1, this.t));
    out[0] = this.sum[0]!;
    out[1] = this.sum[1]!;
    out[2] = clr;
    for (let i = 0; i < 2; i++) out[3 + i] = clr / (Math.sqrt(this.sum[i]!) + this.eps);
  }

  begin(lr: number): void {
    this.t++;
    this.clr = this.decayed(lr, this.t);
  }

  /** Coordinate i's update at the decayed rate: its sum moves on. */
  update(i: number, p: number, g: number): number {
    const { eps, sum, clr } = this;
    const wd = this.wd;
    const d = wd !== 0 ? g + wd * p : g;
    const s = sum[i]! + d * d;
    sum[i] = s;
    // eps sits outside the square root.
    return p - clr * (d / (Math.sqrt(s) + eps));
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
  create: (hp, n) => new Adagrad(hp, n),
};
