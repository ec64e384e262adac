import { nonNegative, num, type Optimizer, type OptimizerSpec } from './spec.ts';

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
  create(hp): Optimizer {
    const lrDecay = num(hp, 'lr_decay');
    const wd = num(hp, 'weight_decay');
    const eps = num(hp, 'eps');
    const sum = new Float64Array(2).fill(num(hp, 'initial_accumulator_value'));
    let t = 0;
    return {
      step(p, g, lr) {
        t++;
        // Step 1 is undecayed.
        const clr = lr / (1 + (t - 1) * lrDecay);
        for (let i = 0; i < 2; i++) {
          let d = g[i]!;
          if (wd !== 0) d += wd * p[i]!;
          const s = sum[i]! + d * d;
          sum[i] = s;
          // eps sits outside the square root.
          p[i] = p[i]! - clr * (d / (Math.sqrt(s) + eps));
        }
      },
    };
  },
};
