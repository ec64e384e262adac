import type { Vec2 } from '../types.ts';
import type { Examples } from './examples.ts';
import { sigmoid } from './logistic.ts';

/** The least-squares line w·a + c through the examples (the normal equations), or null if a is constant. */
export function leastSquares({ a, t, n }: Examples): Vec2 | null {
  let sa = 0;
  let saa = 0;
  let st = 0;
  let sat = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i]!;
    saa += a[i]! * a[i]!;
    st += t[i]!;
    sat += a[i]! * t[i]!;
  }
  const det = n * saa - sa * sa;
  if (!(det > 0)) return null;
  return [(n * sat - sa * st) / det, (saa * st - sa * sat) / det];
}

/**
 * The minimiser of the mean log-loss of z = w₁a + w₂b by Newton's method from 0, or null when it
 * does not converge (separable data has no minimiser: the loss keeps falling as ‖w‖ grows).
 */
export function logisticFit({ a, b, t, n }: Examples): Vec2 | null {
  let w1 = 0;
  let w2 = 0;
  for (let iter = 0; iter < 100; iter++) {
    let g1 = 0;
    let g2 = 0;
    let h11 = 0;
    let h12 = 0;
    let h22 = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(w1 * a[i]! + w2 * b[i]!);
      const r = p - t[i]!;
      const s = p * (1 - p);
      g1 += r * a[i]!;
      g2 += r * b[i]!;
      h11 += s * a[i]! * a[i]!;
      h12 += s * a[i]! * b[i]!;
      h22 += s * b[i]! * b[i]!;
    }
    const det = h11 * h22 - h12 * h12;
    if (!(det > 0)) return null;
    const d1 = (h22 * g1 - h12 * g2) / det;
    const d2 = (h11 * g2 - h12 * g1) / det;
    w1 -= d1;
    w2 -= d2;
    if (!(Math.abs(w1) < 1e6 && Math.abs(w2) < 1e6)) return null;
    if (Math.abs(d1) + Math.abs(d2) <= 1e-13 * (1 + Math.abs(w1) + Math.abs(w2))) return [w1, w2];
  }
  return null;
}
