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
  type StateField,
} from './spec.ts';

/** torch.optim.SGD's update: plain, with momentum, or Nesterov. */
class Sgd implements ReusableOptimizer {
  private momentum = NaN;
  private dampening = NaN;
  private nesterov = false;
  private wd = NaN;
  private readonly buf = statePair();
  /** Steps begun. */
  private t = 0;
  /** The rate of the step begun. */
  private lr = NaN;

  constructor(hp: HyperValues) {
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    this.momentum = num(hp, 'momentum');
    this.dampening = num(hp, 'dampening');
    this.nesterov = bool(hp, 'nesterov');
    this.wd = num(hp, 'weight_decay');
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
      out[k++] = this.t > 0 ? this.buf[0]! : NaN;
      out[k++] = this.t > 0 ? this.buf[1]! : NaN;
    }
    // Every coordinate moves by lr times its (momentum-filtered) gradient.
    out[k++] = lr;
    out[k] = lr;
  }

  begin(lr: number): void {
    this.t++;
    this.lr = lr;
  }

  update(i: number, p: number, g: number): number {
    return p - this.lr * this.direction(p, g, i);
  }

  /** The direction of coordinate i (the step is −lr times it), updating its momentum buffer. */
  private direction(p: number, g: number, i: number): number {
    const { momentum, dampening, nesterov, wd, buf } = this;
    let d = g;
    if (wd !== 0) d += wd * p;
    if (momentum !== 0) {
      // The buffer starts as the raw gradient, so dampening does nothing on step 1.
      const b = this.t > 1 ? buf[i]! * momentum + (1 - dampening) * d : d;
      buf[i] = b;
      d = nesterov ? d + momentum * b : b;
    }
    return d;
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
  create: (hp) => new Sgd(hp),
};
