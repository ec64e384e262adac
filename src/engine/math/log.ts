import { highWord, lowWord, withHighWord } from './words.ts';

/**
 * Natural logarithm in plain IEEE arithmetic (a port of fdlibm's e_log.c), so the same input gives
 * the same bits in every JavaScript engine; `Math.log` is only required to be approximately right
 * and engines differ in the last bit. Accurate to < 1 ulp.
 */
const ln2Hi = 6.9314718036912381649e-1;
const ln2Lo = 1.90821492927058770002e-10;
const two54 = 1.8014398509481984e16;
const Lg1 = 6.66666666666673513e-1;
const Lg2 = 3.999999999940941908e-1;
const Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1;
const Lg5 = 1.818357216161805012e-1;
const Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

/**
 * ln's constants, for a kernel computing it elsewhere with the same bits (the WebAssembly
 * log-loss head, network/wasm/lnPair.ts). Copies, as tanhParts hands out tableTanh's.
 */
export function lnParts() {
  return { ln2Hi, ln2Lo, Lg: [Lg1, Lg2, Lg3, Lg4, Lg5, Lg6, Lg7] as const };
}

/**
 * ln(x) with fdlibm's results: NaN below 0, −∞ at 0, +∞ at +∞. Normal positive x takes a path kept
 * under V8's inlining limit, the rest goes apart: a call V8 does not inline boxes its double
 * argument and result (see `exp`).
 */
export function ln(x: number): number {
  const hx = highWord(x);
  return hx < 0x00100000 || hx >= 0x7ff00000 ? lnEdge(x, hx) : lnNormal(x, hx, 0);
}

/** x < 2^-1022 (zero, negative or subnormal), ∞ or NaN. */
function lnEdge(x: number, hx: number): number {
  if (hx >= 0x7ff00000) return x + x;
  if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
  if (hx < 0) return NaN;
  x *= two54;
  return lnNormal(x, highWord(x), -54);
}

/** ln x for x a normal positive double with high word `hx`, x·2^k being the caller's value. */
function lnNormal(x: number, hx: number, k: number): number {
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  // Normalise x to [sqrt(2)/2, sqrt(2)).
  const f = withHighWord(x, hx | (i ^ 0x3ff00000)) - 1;
  k += i >> 20;
  if ((0x000fffff & (2 + hx)) < 3) return lnNearPowerOfTwo(f, k);
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  // fdlibm writes k = 0 apart, to skip work; the general form gives the same bits there (0 − d is
  // −d exactly, and rounding is symmetric: −fl(b − a) = fl(a − b)), and one form keeps this small.
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * ln2Hi - (hfsq - (s * (hfsq + R) + k * ln2Lo) - f);
  }
  return k * ln2Hi - (s * (f - R) - k * ln2Lo - f);
}

/** ln(2^k·(1 + f)) for |f| < 2^-20: x within a millionth of a power of two. */
function lnNearPowerOfTwo(f: number, k: number): number {
  if (f === 0) return k === 0 ? 0 : k * ln2Hi + k * ln2Lo;
  const R = f * f * (0.5 - 0.3333333333333333 * f);
  return k === 0 ? f - R : k * ln2Hi - (R - k * ln2Lo - f);
}
