import { bool, nonNegative, num, type Optimizer, type OptimizerSpec } from './spec.ts';

/** torch.optim.RMSprop: no bias correction; optional momentum and centring. */
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
  create(hp): Optimizer {
    const alpha = num(hp, 'alpha');
    const eps = num(hp, 'eps');
    const wd = num(hp, 'weight_decay');
    const momentum = num(hp, 'momentum');
    const centered = bool(hp, 'centered');
    const sq = new Float64Array(2);
    const avg = new Float64Array(2);
    const buf = new Float64Array(2);
    return {
      step(p, g, lr) {
        for (let i = 0; i < 2; i++) {
          let d = g[i]!;
          if (wd !== 0) d += wd * p[i]!;
          const s = sq[i]! * alpha + (1 - alpha) * d * d;
          sq[i] = s;
          let denom: number;
          if (centered) {
            const a = avg[i]! * alpha + (1 - alpha) * d;
            avg[i] = a;
            denom = Math.sqrt(s - a * a) + eps;
          } else {
            denom = Math.sqrt(s) + eps;
          }
          if (momentum > 0) {
            // lr multiplies the whole buffer.
            const b = buf[i]! * momentum + d / denom;
            buf[i] = b;
            p[i] = p[i]! - lr * b;
          } else {
            p[i] = p[i]! - lr * (d / denom);
          }
        }
      },
    };
  },
};
