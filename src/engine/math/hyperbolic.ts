import { exp, expm1 } from './exp.ts';
import { highWord } from './words.ts';

/*
 * sinh, cosh and tanh: ports of FreeBSD msun's e_sinh.c, e_cosh.c and s_tanh.c; near the overflow
 * threshold, fdlibm 5.3's exp(|x|/2)² instead of msun's __ldexp_exp.
 */

/** sinh(x), fdlibm's. */
export function sinh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  const h = jx < 0 ? -0.5 : 0.5;
  const a = Math.abs(x);
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    const t = expm1(a);
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * exp(a); // |x| < log(maxdouble)
  if (ix <= 0x408633ce) {
    // Up to the overflow threshold: exp(|x|) itself would overflow.
    const w = exp(0.5 * a);
    return h * w * w;
  }
  return x * 1e307;
}

/** cosh(x), fdlibm's. */
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix >= 0x7ff00000) return x * x;
  const a = Math.abs(x);
  if (ix < 0x3fd62e43) {
    // |x| < ln2/2: 1 + expm1(|x|)²/(2·exp(|x|))
    const t = expm1(a);
    const w = 1 + t;
    if (ix < 0x3c800000) return w; // cosh(tiny) = 1
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    // |x| < 22
    const t = exp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(a);
  if (ix <= 0x408633ce) {
    const w = exp(0.5 * a);
    return 0.5 * w * w;
  }
  return Infinity;
}

/** tanh(x), fdlibm's. */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // ±1, or NaN
  let z: number;
  if (ix < 0x40360000) {
    // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else z = 1; // |x| ≥ 22: 1 − tiny rounds to 1
  return jx >= 0 ? z : -z;
}
