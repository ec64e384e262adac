import { ddAdd, ddDiv, ddMul, type DD } from './doubleDouble.ts';
import { highWord } from './words.ts';

/**
 * tanh by a table and the addition formula: the network's activation. fdlibm's tanh
 * (hyperbolic.ts) was ≈ 3/4 of a tanh network's full-batch loss, the cost of its training; this
 * one takes ≈ 1/5 of its time per call and is closer to tanh: at most 0.524 ulp from it against
 * fdlibm's 2.13 ulp (bench/tanhAccuracy.ts, 10^7 inputs against a double-double tanh). Portable
 * like the rest of src/engine/math: only + − × ÷, comparisons, Math.abs, a double's high word
 * (words.ts) and loads from a table built with those same operations (doubleDouble.ts), so every
 * engine gives the same bits. The typed expressions' tanh stays fdlibm's, so 2-D runs keep theirs.
 *
 * For 2^-27 ≤ |x| < BIG: |x| = c + δ with c the nearest double of six significant bits (Veltkamp's
 * split, so |δ| ≤ c/64), and tanh(c + δ) = T + tanh(δ)·(1 − T²)/(1 + T·tanh(δ)), T = tanh(c) held
 * as a double-double (HI + LO) at the entry that c's high word names, tanh(δ) by five terms of its
 * series, and 1 − T² as (1 − HI)·(1 + HI) − 2·HI·LO: near 1, where |δ| reaches 0.3, 1 − HI·HI
 * would be off by a good part of an ulp of the result. The correction is at most 1/60 of the
 * result, so its few roundings move the result by a small part of an ulp, and the last addition
 * rounds once. One formula and one kind of point over the whole range is what lets the
 * WebAssembly kernel (network/wasm/tanhPair.ts) run a pair down one short path: points i/64 from
 * 1/8 on and a series below, as before, made a pair with a lane on each side compute both, and a
 * tanh network's full-batch loss ≈ 1.3× as long (bench/network.bench.ts, side by side).
 */
/** From here (and for ±∞) tanh(x) rounds to ±1: 1 − tanh(x) < 2^-54. */
const BIG = 19.0625;
/** 2^-27: below it, x³/3 is under half an ulp of x, so tanh(x) rounds to x. */
const TINY = 7.450580596923828e-9;
/** Veltkamp's split at 47 bits: a·SPLIT − (a·SPLIT − a) is a to 53 − 47 = 6 significant bits. */
const SPLIT = 140737488355329;
/** The point c is entry (highWord(c) >> 15) − BASE: 32 a binade from TINY's on. */
const BASE = highWord(TINY) >> 15;
/** The points up to 19, the largest split of an |x| below BIG: 31 binades and 19's 7. */
const SIZE = 31 * 32 + 7;
/** 2^-110: a series term below this share of the sum no longer moves a double-double. */
const EPSILON_DD = 7.703719777548943e-34;
/** tanh at each point = HI[k] + LO[k], to ≈ 2^-100 relative. */
const HI = new Float64Array(SIZE);
const LO = new Float64Array(SIZE);
/**
 * Whether HI and LO hold the table: it is filled on the first call that needs it (a few ms of
 * CPU, so a process that trains no tanh network never pays for it).
 */
let filled = false;

function fill(): void {
  // c_k = (32 + m)·Δ for entry k = 32b + m, Δ = 2^b·TINY/32. tanh(c) = w/(w + 2), w = e^2c − 1
  // from expm1's series at the first point, then stepped from point to point as w' = w + v·(1 + w),
  // v = e^2Δ − 1 by its series (2Δ ≤ 1): nothing cancels, ≈ 2^-104 relative a step.
  let delta = TINY / 32;
  let v = expm1Series(2 * delta);
  let w = expm1Series(2 * TINY);
  for (let k = 0; k < SIZE; k++) {
    if (k > 0) {
      w = ddAdd(w, ddMul(v, ddAdd(w, [1, 0])));
      // The binade's first point, 64 of the last Δ; its own Δ is twice that.
      if (k % 32 === 0) v = expm1Series(2 * (delta *= 2));
    }
    const t = ddDiv(w, ddAdd(w, [2, 0]));
    HI[k] = t[0];
    LO[k] = t[1];
  }
  filled = true;
}

/** e^y − 1 for 0 ≤ y ≤ 1 in double-double, by its series up to terms under 2^-110 of the sum. */
function expm1Series(y: number): DD {
  let term: DD = [1, 0];
  let sum: DD = [0, 0];
  for (let n = 1; n <= 32 && !(term[0] < EPSILON_DD * sum[0]); n++) {
    term = ddDiv(ddMul(term, [y, 0]), [n, 0]);
    sum = ddAdd(sum, term);
  }
  return sum;
}

// tanh(δ)'s series: δ + δ·s·(C1 + s·(C2 + s·(C3 + s·C4))), s = δ².
const C1 = -1 / 3;
const C2 = 2 / 15;
const C3 = -17 / 315;
const C4 = 62 / 2835;

/**
 * The algorithm's constants and its table (filled on this call), for a kernel that computes
 * tableTanh elsewhere with the same bits: the WebAssembly forward pass (network/wasm). Handed out
 * as copies: exporting tableTanh's own constants made it ≈ 1.17× slower a call in Node 20 (side
 * by side against the unexported ones, three processes).
 */
export function tanhParts() {
  if (!filled) fill();
  return { BIG, TINY, SPLIT, BASE, SIZE, C: [C1, C2, C3, C4] as const, HI, LO };
}

/** tanh(x) within 1 ulp, the same bits in every engine; NaN, ±0 and ±∞ as Math.tanh. */
export function tableTanh(x: number): number {
  const a = Math.abs(x);
  if (!(a < BIG)) return a === a ? (x < 0 ? -1 : 1) : x;
  if (a < TINY) return x; // also ±0 and subnormals
  if (!filled) fill();
  const p = a * SPLIT;
  const c = p - (p - a);
  const d = a - c; // exact, as Veltkamp's low part
  const k = (highWord(c) >> 15) - BASE;
  const s = d * d;
  const t = d + d * s * (C1 + s * (C2 + s * (C3 + s * C4)));
  const T = HI[k]!;
  const L = LO[k]!;
  const r = T + (L + (t * ((1 - T) * (1 + T) - (T + T) * L)) / (1 + T * t));
  return x < 0 ? -r : r;
}
