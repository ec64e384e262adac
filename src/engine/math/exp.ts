import { fromWords, highWord, lowWord } from './words.ts';

/* exp and expm1: ports of FreeBSD msun's e_exp.c and s_expm1.c. */

const o_threshold = 7.09782712893383973096e2;
const u_threshold = -7.4513321910194110842e2;
const ln2HI = 6.9314718036912381649e-1;
const ln2LO = 1.90821492927058770002e-10;
const invln2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const twom1000 = 9.3326361850321887899e-302;
const two1023 = 8.98846567431157953865e307;

/**
 * exp's constants, for a kernel computing it elsewhere with the same bits (the WebAssembly
 * log-loss head, network/wasm/expPair.ts). Copies, as tanhParts hands out tableTanh's.
 */
export function expParts() {
  return { u_threshold, ln2HI, ln2LO, invln2, P: [P1, P2, P3, P4, P5] as const, twom1000 };
}

/**
 * e^x, fdlibm's: within 1 ulp, the same bits in every engine. The finite path is apart from the
 * rest and small enough for V8 to inline: a call V8 does not inline boxes its double argument and
 * result into fresh heap numbers, and a log-loss over a data set then allocated four of them per
 * example (a scavenge every few milliseconds in a worker).
 */
export function exp(x: number): number {
  const hx = highWord(x) & 0x7fffffff;
  return hx >= 0x40862e42 || x === 1 ? expEdge(x, hx) : expFinite(x, hx);
}

/** |x| ≥ 709.78…: NaN, ±∞, overflow, underflow or the last finite range; and x = 1. */
function expEdge(x: number, hx: number): number {
  if (hx >= 0x7ff00000) {
    if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x;
    return x < 0 ? 0 : x;
  }
  if (x > o_threshold) return Infinity;
  if (x < u_threshold) return 0;
  // Why: the reduction gives 2.7182818284590455; the correctly rounded e is one ulp lower.
  if (x === 1) return 2.718281828459045;
  return expFinite(x, hx);
}

/** e^x for finite x within the thresholds; `hx` is the high word of |x|. */
function expFinite(x: number, hx: number): number {
  const negative = x < 0;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: x = k·ln2 + r.
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + ln2HI : x - ln2HI;
      lo = negative ? -ln2LO : ln2LO;
      k = negative ? -1 : 1;
    } else {
      k = (invln2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * ln2HI; // exact
      lo = k * ln2LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return k >= -1021 && k !== 1024 ? y * fromWords((0x3ff + k) << 20, 0) : scaleFar(y, k);
}

/** y·2^k where 2^k is not a normal double: k = 1024, or a subnormal result. */
function scaleFar(y: number, k: number): number {
  if (k === 1024) return y * 2 * two1023;
  return y * fromWords((0x3ff + k + 1000) << 20, 0) * twom1000;
}

const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/** e^x − 1, fdlibm's, accurate near 0 (sinh, cosh and tanh are built on it). */
export function expm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| ≥ 56·ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x;
        return negative ? -1 : x;
      }
      if (x > o_threshold) return Infinity;
    }
    if (negative) return -1;
  }
  let k: number;
  let c = 0;
  if (hx > 0x3fd62e42) {
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + ln2HI : x - ln2HI;
      lo = negative ? -ln2LO : ln2LO;
      k = negative ? -1 : 1;
    } else {
      k = (invln2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * ln2HI;
      lo = k * ln2LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54
  } else k = 0;
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const twopk = fromWords((0x3ff + k) << 20, 0);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2 * (e - (x + 0.5));
    return 1 + 2 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) {
    y = 1 - (e - x);
    y = k === 1024 ? y * 2 * two1023 : y * twopk;
    return y - 1;
  }
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 − 2^-k
    y = t - (e - x);
  } else {
    t = fromWords((0x3ff - k) << 20, 0); // 2^-k
    y = x - (e + t);
    y += 1;
  }
  return y * twopk;
}
