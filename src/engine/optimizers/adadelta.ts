import { nonNegative, num, type HyperValues, type Optimizer, type OptimizerSpec } from './spec.ts';

/** torch.optim.Adadelta's update. */
class Adadelta implements Optimizer {
  private readonly rho: number;
  private readonly eps: number;
  private readonly wd: number;
  private readonly sq = new Float64Array(2);
  private readonly acc = new Float64Array(2);

  constructor(hp: HyperValues) {
    this.rho = num(hp, 'rho');
    this.eps = num(hp, 'eps');
    this.wd = num(hp, 'weight_decay');
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { rho, eps, wd, sq, acc } = this;
    for (let i = 0; i < 2; i++) {
      let d = g[i]!;
      if (wd !== 0) d += wd * p[i]!;
      const s = sq[i]! * rho + (1 - rho) * d * d;
      sq[i] = s;
      // eps inside both square roots; the accumulated delta is stored before scaling by lr.
      const delta = (Math.sqrt(acc[i]! + eps) / Math.sqrt(s + eps)) * d;
      acc[i] = acc[i]! * rho + (1 - rho) * delta * delta;
      p[i] = p[i]! - lr * delta;
    }
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
  create: (hp) => new Adadelta(hp),
};
