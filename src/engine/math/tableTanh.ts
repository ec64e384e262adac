import { ddAdd, ddDiv, ddMul, type DD } from './doubleDouble.ts';

/**
 * tanh by a table and the addition formula: the network's activation. fdlibm's tanh
 * (hyperbolic.ts) was ≈ 3/4 of a tanh network's full-batch loss, the cost of its training; this
 * one takes ≈ 1/5 of its time per call and is closer to tanh: at most 0.561 ulp from it against
 * fdlibm's 2.13 ulp (0.21% of results not correctly rounded; bench/tanhAccuracy.ts, 10^7 inputs
 * against a double-double tanh). Portable like the rest of src/engine/math: only + − × ÷,
 * comparisons, Math.abs, ToInt32 (`| 0`) and loads from a table built with those same operations
 * (doubleDouble.ts), so every engine gives the same bits. The typed expressions' tanh stays
 * fdlibm's, so 2-D runs keep theirs.
 *
 * For |x| ≥ 1/8: x = c + δ with c = i/64 the nearest table point (|δ| ≤ 1/128) and
 * tanh(c + δ) = T + tanh(δ)·(1 − T²)/(1 + T·tanh(δ)), T = tanh(c) held as a double-double
 * (HI + LO), tanh(δ) by four terms of its series. The correction is at most 1/15 of the result,
 * so its few roundings move the result by a small part of an ulp, and the last addition rounds
 * once. Below 1/8, tanh's series to x¹⁵ (Estrin's scheme): its terms past x are under 1/190 of x.
 */
/** Table points per unit of |x|. */
const STEPS = 64;
/** From here (and for ±∞) tanh(x) rounds to ±1: 1 − tanh(x) < 2^-54. */
const BIG = 19.0625;
const SIZE = BIG * STEPS + 1;
/** tanh(i/64) = HI[i] + LO[i], to ≈ 2^-90 relative (for i ≥ 8, the points used). */
const HI = new Float64Array(SIZE);
const LO = new Float64Array(SIZE);
/**
 * Whether HI and LO hold the table: it is filled on the first call that needs it (≈ 15 ms of
 * CPU, so a process that trains no tanh network never pays for it).
 */
let filled = false;

function fill(): void {
  // In double-double: e^(1/32) by its series (terms 2^-5n/n!, n! exact), its powers e^(2i/64)
  // by multiplication (≈ 2^-104 relative each, so under 2^-93 at the last), and
  // tanh = (e^2c − 1)/(e^2c + 1), whose cancellation costs at most 2^3 from c = 1/8 on.
  let e: DD = [1, 0];
  let factorial = 1;
  let power = 1;
  for (let n = 1; n <= 18; n++) {
    factorial *= n;
    power /= 32; // exact, where ** is only required to be approximately right
    e = ddAdd(e, ddDiv([power, 0], [factorial, 0]));
  }
  let p: DD = [1, 0];
  for (let i = 0; i < SIZE; i++) {
    const t = ddDiv(ddAdd(p, [-1, 0]), ddAdd(p, [1, 0]));
    HI[i] = t[0];
    LO[i] = t[1];
    p = ddMul(p, e);
  }
  filled = true;
}

/** 2^-27. */
const TINY = 7.450580596923828e-9;
// tanh's series: x + x·Σ C_n·x^(2n).
const C1 = -1 / 3;
const C2 = 2 / 15;
const C3 = -17 / 315;
const C4 = 62 / 2835;
const C5 = -1382 / 155925;
const C6 = 21844 / 6081075;
const C7 = -929569 / 638512875;

/**
 * The algorithm's constants and its table (filled on this call), for a kernel that computes
 * tableTanh elsewhere with the same bits: the WebAssembly forward pass (network/wasm). Handed out
 * as copies: exporting tableTanh's own constants made it ≈ 1.17× slower a call in Node 20 (side
 * by side against the unexported ones, three processes).
 */
export function tanhParts() {
  if (!filled) fill();
  return {
    STEPS,
    BIG,
    SIZE,
    TINY,
    C: [C1, C2, C3, C4, C5, C6, C7] as const,
    HI,
    LO,
  };
}

/** tanh(x) within 1 ulp, the same bits in every engine; NaN, ±0 and ±∞ as Math.tanh. */
export function tableTanh(x: number): number {
  const a = Math.abs(x);
  if (a < 0.125) {
    // Also ±0 and subnormals: below 2^-27, x³/3 is under half an ulp of x.
    if (a < TINY) return x;
    const z = x * x;
    const z2 = z * z;
    const p = C1 + C2 * z + z2 * (C3 + C4 * z) + z2 * z2 * (C5 + C6 * z + z2 * C7);
    return x + x * (z * p);
  }
  if (!(a < BIG)) return a === a ? (x < 0 ? -1 : 1) : x;
  if (!filled) fill();
  const i = (a * STEPS + 0.5) | 0;
  const d = a - i * (1 / STEPS); // exact: |d| ≤ 1/128 on a's own grid
  const s = d * d;
  const t = d + d * s * (C1 + s * (C2 + s * C3));
  const T = HI[i]!;
  const r = T + (LO[i]! + (t * (1 - T * T)) / (1 + T * t));
  return x < 0 ? -r : r;
}
