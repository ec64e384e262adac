import { bool, nonNegative, num, type Optimizer, type OptimizerSpec } from './spec.ts';

/** torch.optim.SGD: plain, with momentum, or Nesterov. */
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
  create(hp): Optimizer {
    const momentum = num(hp, 'momentum');
    const dampening = num(hp, 'dampening');
    const nesterov = bool(hp, 'nesterov');
    const wd = num(hp, 'weight_decay');
    const buf = new Float64Array(2);
    let started = false;
    return {
      step(p, g, lr) {
        for (let i = 0; i < 2; i++) {
          let d = g[i]!;
          if (wd !== 0) d += wd * p[i]!;
          if (momentum !== 0) {
            // The buffer starts as the raw gradient, so dampening does nothing on step 1.
            const b = started ? buf[i]! * momentum + (1 - dampening) * d : d;
            buf[i] = b;
            d = nesterov ? d + momentum * b : b;
          }
          p[i] = p[i]! - lr * d;
        }
        started = true;
      },
    };
  },
};
