import { cos, sin } from '../../engine/math/index.ts';
import type { Params } from '../../engine/types.ts';
import { pyFloat } from './python.ts';

/**
 * The built-in test functions as torch expressions: the body of `def f(x, y):` over tensors (0-d
 * for a point, any shape for a grid), written operation for operation as src/engine/functions
 * computes f, parameters filled in. The gradient is torch autograd's.
 */
type Body = (p: Params) => readonly string[];

const n = pyFloat;

export const FUNCTION_BODIES: Readonly<Record<string, Body>> = {
  rosenbrock: (p) => [
    `u = ${n(p['a']!)} - x`,
    'v = y - x * x',
    `return u * u + ${n(p['b']!)} * v * v`,
  ],
  narrow_valley: (p) => {
    // cos θ and sin θ as the lab computes them (its portable cos and sin), written as numbers.
    const t = (p['angle']! * Math.PI) / 180;
    return [
      `kappa, c, s = ${n(p['kappa']!)}, ${n(cos(t))}, ${n(sin(t))}  # s, c = sin, cos of ${n(p['angle']!)} degrees`,
      'u = x * c + y * s',
      'v = -x * s + y * c',
      'return 0.5 * (u * u + kappa * (v * v))',
    ];
  },
  saddle: (p) => [`return ${n(p['a']!)} * x * x - ${n(p['b']!)} * y * y`],
  beale: () => [
    'y2 = y * y',
    'p = 1.5 - x + x * y',
    'q = 2.25 - x + x * y2',
    'r = 2.625 - x + x * y2 * y',
    'return p * p + q * q + r * r',
  ],
  himmelblau: () => ['p = x * x + y - 11', 'q = x + y * y - 7', 'return p * p + q * q'],
  rastrigin: (p) => [
    `A = ${n(p['A']!)}`,
    'return 2 * A + x * x - A * torch.cos(TAU * x) + y * y - A * torch.cos(TAU * y)',
  ],
  ackley: () => [
    'r2 = 0.5 * (x * x + y * y)',
    '# sqrt has no derivative at 0; the lab takes the gradient of this term there as 0, and so',
    '# does this form (torch.where passes no gradient to the branch it does not take).',
    'r = torch.where(r2 > 0, torch.sqrt(torch.where(r2 > 0, r2, torch.ones_like(r2))), r2)',
    'c = 0.5 * (torch.cos(TAU * x) + torch.cos(TAU * y))',
    'return -20 * torch.exp(-0.2 * r) - torch.exp(c) + math.e + 20',
  ],
  booth: () => ['p = x + 2 * y - 7', 'q = 2 * x + y - 5', 'return p * p + q * q'],
  six_hump_camel: () => [
    'x2 = x * x',
    'y2 = y * y',
    'return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (-4 + 4 * y2) * y2',
  ],
  matyas: () => ['return 0.26 * (x * x + y * y) - 0.48 * x * y'],
  monkey_saddle: () => ['return x * x * x - 3 * x * y * y'],
  styblinski_tang: () => [
    'x2 = x * x',
    'y2 = y * y',
    'return 0.5 * (x2 * x2 - 16 * x2 + 5 * x + (y2 * y2 - 16 * y2 + 5 * y))',
  ],
};
