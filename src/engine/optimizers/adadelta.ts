import { nonNegative, num, type Optimizer, type OptimizerSpec } from './spec.ts';

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
  create(hp): Optimizer {
    const rho = num(hp, 'rho');
    const eps = num(hp, 'eps');
    const wd = num(hp, 'weight_decay');
    const sq = new Float64Array(2);
    const acc = new Float64Array(2);
    return {
      step(p, g, lr) {
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
      },
    };
  },
};
