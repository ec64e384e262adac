import {
  bool,
  coord,
  lrEffField,
  nonNegative,
  num,
  type HyperValues,
  type ReusableOptimizer,
  type OptimizerSpec,
  type StateField,
} from './spec.ts';
import { coordsOf, type Coords, type Pair } from './pair.ts';

/** torch.optim.SGD's update: plain, with momentum, or Nesterov. */
class Sgd implements ReusableOptimizer {
  private momentum = NaN;
  /** 1 − dampening: the share of the gradient a step adds to the buffer. */
  private keep = NaN;
  private nesterov = false;
  private wd = NaN;
  /**
   * momentum ≠ 0 and wd ≠ 0, kept apart for the hot loop: a boolean field is tested in one compare,
   * a number field in five instructions (its box, its value, a compare, two branches for NaN).
   */
  private moves = false;
  private decays = false;
  declare private readonly buf: Pair | Coords;
  /** Steps begun with momentum (only the buffer needs the count). */
  private t = 0;

  constructor(hp: HyperValues, n = 2) {
    this.buf = coordsOf(n);
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    this.momentum = num(hp, 'momentum');
    this.keep = 1 - num(hp, 'dampening');
    this.nesterov = bool(hp, 'nesterov');
    this.wd = num(hp, 'weight_decay');
    this.moves = this.momentum !== 0;
    this.decays = this.wd !== 0;
    this.buf.fill(0);
    this.t = 0;
  }

  get fields(): readonly StateField[] {
    return [
      ...(this.momentum !== 0
        ? [coord('momentum_buffer', 'momentum buffer b', 'b_t', 'linear', 'direction')]
        : []),
      lrEffField('\\gamma'),
    ];
  }

  inspect(out: Float64Array, lr: number): void {
    let k = 0;
    if (this.momentum !== 0) {
      out[k++] = this.t > 0 ? this.buf.at(0) : NaN;
      out[k++] = this.t > 0 ? this.buf.at(1) : NaN;
    }
    // Every coordinate moves by lr times its (momentum-filtered) gradient.
    out[k++] = lr;
    out[k] = lr;
  }

  begin(): void {
    if (this.moves) this.t++;
  }

  /** p − lr·d, d the gradient with weight decay, momentum-filtered when there is momentum. */
  update(i: number, p: number, g: number, lr: number): number {
    // Each field is read where it is used: plain SGD reads two flags, the buffer only with momentum.
    const d = this.decays ? g + this.wd * p : g;
    return p - lr * (this.moves ? this.filtered(i, d, this.momentum) : d);
  }

  /** The momentum-filtered direction of coordinate i, updating its buffer. */
  private filtered(i: number, d: number, momentum: number): number {
    const buf = this.buf;
    // The buffer starts as the raw gradient, so dampening does nothing on step 1.
    const b = this.t > 1 ? buf.at(i) * momentum + this.keep * d : d;
    buf.set(i, b);
    return this.nesterov ? d + momentum * b : b;
  }
}

/** torch.optim.SGD. */
export const sgd: OptimizerSpec = {
  type: 'sgd',
  name: 'SGD',
  hyper: {
    lr: nonNegative(1e-3),
    momentum: nonNegative(0),
    // torch does not bound dampening.
    dampening: { kind: 'number', default: 0 },
    nesterov: { kind: 'boolean', default: false },
    weight_decay: nonNegative(0),
  },
  check: (hp) =>
    bool(hp, 'nesterov') && (num(hp, 'momentum') <= 0 || num(hp, 'dampening') !== 0)
      ? { key: 'nesterov', message: 'Nesterov momentum requires a momentum and zero dampening' }
      : null,
  create: (hp, n) => new Sgd(hp, n),
};
