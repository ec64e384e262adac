/**
 * tanh in double-double arithmetic (≈ 2^-100 relative), the reference that tableTanh's error is
 * measured against in ulps (tests/unit/math/tableTanh.test.ts, bench/tanhAccuracy.ts). Slow and
 * plain (double-double operations from src/engine/math/doubleDouble.ts): expm1 by its Taylor series on y/2^k ≤ 1, squared back k times, then tanh = e/(e + 2).
 * Checked against mpmath at 60 digits when written: within 2^-104 relative on 20,000 inputs
 * (half uniform on [−25, 25], half log-uniform in magnitude from 2^-40 to 32).
 */
import { ddAdd, ddDiv, ddMul, type DD } from '../../../src/engine/math/doubleDouble.ts';

/** e^y − 1 for 0 ≤ y ≤ 1, by its series. */
function expm1Small(y: number): DD {
  let sum: DD = [0, 0];
  let term: DD = [1, 0];
  for (let n = 1; n < 40; n++) {
    term = ddDiv(ddMul(term, [y, 0]), [n, 0]);
    sum = ddAdd(sum, term);
    if (Math.abs(term[0]) < 1e-40 * Math.abs(sum[0])) break;
  }
  return sum;
}

/** tanh(x) as a double-double [hi, lo] (hi the nearest double, up to a final tie). */
export function referenceTanh(x: number): DD {
  const a = Math.abs(x);
  const sign = x < 0 ? -1 : 1;
  if (a < 2 ** -30) return [x, (-x * x * x) / 3];
  if (a > 40) return [sign, 0];
  // e^2a − 1 = (1 + expm1(2a/2^k))^(2^k) − 1, squaring w ↦ w(w + 2) so no 1 is ever cancelled.
  let k = 0;
  let y = 2 * a;
  while (y > 1) {
    y /= 2;
    k++;
  }
  let w = expm1Small(y);
  for (let i = 0; i < k; i++) w = ddMul(w, ddAdd(w, [2, 0]));
  const t = ddDiv(w, ddAdd(w, [2, 0]));
  return [sign * t[0], sign * t[1]];
}

/** The distance of `v` from the reference `ref` in ulps of the true value. */
export function ulpError(v: number, ref: DD): number {
  const [hi, lo] = ref;
  const exact = Math.abs(hi);
  // The binade of the true value: below a power of two when lo pulls it down.
  let e = Math.floor(Math.log2(exact));
  if (2 ** e > exact) e--;
  if (2 ** (e + 1) <= exact) e++;
  if (2 ** e === exact && lo * hi < 0) e--;
  const ulp = 2 ** (Math.max(e, -1022) - 52);
  return Math.abs(v - hi - lo) / ulp;
}
