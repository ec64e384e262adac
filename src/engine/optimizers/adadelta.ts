import {
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

/** torch.optim.Adadelta's update. */
class Adadelta implements ReusableOptimizer {
  private rho = NaN;
  private eps = NaN;
  private wd = NaN;
  declare private readonly sq: StateVector;
  declare private readonly acc: StateVector;
  /** The last step's √(u + ε)/√(v + ε): it needs u before its update, which step overwrites. */
  declare private readonly ratio: StateVector;
  readonly fields: readonly StateField[] = [
    coord('square_avg', 'v (average of g²)', 'v_t', 'log'),
    coord('acc_delta', 'u (average of Δ²)', 'u_t', 'log'),
    lrEffField('\\gamma\\sqrt{u_{t-1} + \\epsilon} / \\sqrt{v_t + \\epsilon}'),
  ];

  constructor(hp: HyperValues, n = 2) {
    this.sq = statePair(n);
    this.acc = statePair(n);
    this.ratio = statePair(n);
    this.reset(hp);
  }

  /** Sets the hyperparameters and zeroes the state: the optimizer is as if just created. */
  reset(hp: HyperValues): void {
    this.rho = num(hp, 'rho');
    this.eps = num(hp, 'eps');
    this.wd = num(hp, 'weight_decay');
    this.sq.fill(0);
    this.acc.fill(0);
    this.ratio.fill(0);
  }

  inspect(out: Float64Array, lr: number): void {
    const { sq, acc, ratio } = this;
    for (let i = 0; i < 2; i++) {
      out[i] = sq[i]!;
      out[2 + i] = acc[i]!;
      out[4 + i] = lr * ratio[i]!;
    }
  }

  /** Nothing is shared between the coordinates: the rate comes with each update. */
  begin(): void {}

  /** Coordinate i's update: its averages move on. */
  update(i: number, p: number, g: number, lr: number): number {
    const { rho, eps, sq, acc, ratio } = this;
    const wd = this.wd;
    const d = wd !== 0 ? g + wd * p : g;
    const s = sq[i]! * rho + (1 - rho) * d * d;
    sq[i] = s;
    // eps inside both square roots; the accumulated delta is stored before scaling by lr.
    const r = Math.sqrt(acc[i]! + eps) / Math.sqrt(s + eps);
    ratio[i] = r;
    const delta = r * d;
    acc[i] = acc[i]! * rho + (1 - rho) * delta * delta;
    return p - lr * delta;
  }
}

/** torch.optim.Adadelta. */
export const adadelta: OptimizerSpec = {
  type: 'adadelta',
  name: 'Adadelta',
  hyper: {
    lr: nonNegative(1.0),
    rho: { kind: 'number', default: 0.9, min: 0, max: 1 },
    eps: nonNegative(1e-6),
    weight_decay: nonNegative(0),
  },
  create: (hp, n) => new Adadelta(hp, n),
};
