import {
  bool,
  coord,
  lrEffField,
  nonNegative,
  num,
  type HyperValues,
  type ReusableOptimizer,
  type OptimizerSpec,
  statePair,
  type StateVector,
  type StateField,
} from './spec.ts';

/** torch.optim.RMSprop's update: no bias correction; optional momentum and centring. */
class RmsProp implements ReusableOptimizer {
  private alpha = NaN;
  private eps = NaN;
  private wd = NaN;
  private momentum = NaN;
  private centered = false;
  declare private readonly sq: StateVector;
  declare private readonly avg: StateVector;
  declare private readonly buf: StateVector;

  constructor(hp: HyperValues, n = 2) {
    this.sq = statePair(n);
    this.avg = statePair(n);
    this.buf = statePair(n);
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    this.alpha = num(hp, 'alpha');
    this.eps = num(hp, 'eps');
    this.wd = num(hp, 'weight_decay');
    this.momentum = num(hp, 'momentum');
    this.centered = bool(hp, 'centered');
    this.sq.fill(0);
    this.avg.fill(0);
    this.buf.fill(0);
  }

  get fields(): readonly StateField[] {
    return [
      coord('square_avg', 'v (average of g²)', 'v_t', 'log'),
      ...(this.centered ? [coord('grad_avg', 'average of g', '\\bar g_t')] : []),
      ...(this.momentum > 0
        ? [coord('momentum_buffer', 'momentum buffer b', 'b_t', 'linear', 'direction')]
        : []),
      lrEffField('\\gamma / (\\sqrt{v_t} + \\epsilon)'),
    ];
  }

  inspect(out: Float64Array, lr: number): void {
    const { sq, avg, buf, centered, momentum } = this;
    let k = 0;
    for (let i = 0; i < 2; i++) out[k + i] = sq[i]!;
    k += 2;
    if (centered) {
      for (let i = 0; i < 2; i++) out[k + i] = avg[i]!;
      k += 2;
    }
    if (momentum > 0) {
      for (let i = 0; i < 2; i++) out[k + i] = buf[i]!;
      k += 2;
    }
    for (let i = 0; i < 2; i++) out[k + i] = lr / this.denom(i);
  }

  /** √v + ε, or √(v − ḡ²) + ε when centred: what the gradient is divided by. */
  private denom(i: number): number {
    const s = this.sq[i]!;
    const a = this.avg[i]!;
    return (this.centered ? Math.sqrt(s - a * a) : Math.sqrt(s)) + this.eps;
  }

  /** Nothing is shared between the coordinates: the rate comes with each update. */
  begin(): void {}

  update(i: number, p: number, g: number, lr: number): number {
    const { alpha, eps, sq } = this;
    const wd = this.wd;
    const d = wd !== 0 ? g + wd * p : g;
    const s = sq[i]! * alpha + (1 - alpha) * d * d;
    sq[i] = s;
    let denom: number;
    if (this.centered) {
      const avg = this.avg;
      const a = avg[i]! * alpha + (1 - alpha) * d;
      avg[i] = a;
      denom = Math.sqrt(s - a * a) + eps;
    } else {
      denom = Math.sqrt(s) + eps;
    }
    const momentum = this.momentum;
    if (momentum > 0) {
      // lr multiplies the whole buffer.
      const buf = this.buf;
      const b = buf[i]! * momentum + d / denom;
      buf[i] = b;
      return p - lr * b;
    }
    return p - lr * (d / denom);
  }
}

/** torch.optim.RMSprop. */
export const rmsprop: OptimizerSpec = {
  type: 'rmsprop',
  name: 'RMSprop',
  hyper: {
    lr: nonNegative(1e-2),
    alpha: nonNegative(0.99),
    eps: nonNegative(1e-8),
    weight_decay: nonNegative(0),
    momentum: nonNegative(0),
    centered: { kind: 'boolean', default: false },
  },
  create: (hp, n) => new RmsProp(hp, n),
};
