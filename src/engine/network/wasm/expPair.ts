import { expParts } from '../../math/exp.ts';
import { fromWords } from '../../math/words.ts';
import type { Code } from '../../wasm/code.ts';

/** 2^52: below it, an integer i + 2^52 holds i in its significand's low bits. */
const TWO52 = 4503599627370496;

// exp.ts's tests on the high word hx of |x|, as bounds on |x| itself: for a ≥ 0, hx ≥ H exactly
// when a ≥ fromWords(H, 0).
/** hx > 0x3fd62e42 (|x| > ln2/2): x is reduced. */
const REDUCE = fromWords(0x3fd62e43, 0);
/** hx < 0x3ff0a2b2 (|x| < 1.5·ln2): k = −1 for x < 0. */
const ONE_STEP = fromWords(0x3ff0a2b2, 0);
/** hx < 0x3e300000 (|x| < 2^-28): 1 + x. */
const TINY = fromWords(0x3e300000, 0);

/**
 * Pushes e^x for both lanes of local x, for x ≤ 0 or NaN (the log-loss's exp(−|z|)), local a
 * holding |x|: exp.ts's bits lane by lane. Every path of exp that such x reach is here, computed
 * in both lanes and picked by masks: NaN, and x < u_threshold (−∞ too) as 0; for the rest
 * x = k·ln2 + r with k = −1 below 1.5·ln2, (invln2·x − 0.5) | 0 from there (trunc: ToInt32 of
 * values between −1076 and −1), and k = 0 up to ln2/2, where exp.ts skips the reduction and returns
 * 1 − ((x·c)/(c − 2) − x): the general 1 − (lo − (x·c)/(2 − c) − hi) with hi = x − 0·ln2HI = x
 * and lo = +0 has the same bits there (0 − q = −q, and x·c/(c − 2) = −(x·c/(2 − c)) exactly, as
 * rounding is symmetric; x·c ≠ 0 in that range). Its 2^k is built as bits ((k + 1023) << 52, by
 * 2^52 + k + 1023 shifted), and below k = −1021 as exp.ts's scaleFar: 2^(k + 1000), then 2^-1000;
 * elsewhere ·1, which is exact. Below 2^-28 (±0 too): 1 + x. x = 1 and overflow are out of reach.
 */
export function emitExpNonPositive(c: Code, x: number, a: number): Code {
  const { u_threshold, ln2HI, ln2LO, invln2, P, twom1000 } = expParts();
  const [p1, p2, p3, p4, p5] = P;
  const { k, hi, lo, r, t, cc, far, y } = c.temps('k', 'hi', 'lo', 'r', 't', 'cc', 'far', 'y');
  // k: x·invln2 + (−0.5) truncated, −1 below 1.5·ln2, +0 up to ln2/2 (never trunc's −0).
  c.get(x).k(invln2).mul().k(-0.5).add().trunc().set(k);
  c.k(-1).get(k).get(a).k(ONE_STEP).lt().bitselect().set(k);
  c.k(0).get(k).get(a).k(REDUCE).lt().bitselect().set(k);
  // hi = x − k·ln2HI (x + ln2HI for k = −1: a − (−b) is a + b exactly), lo = k·ln2LO, r = hi − lo.
  c.get(x).get(k).k(ln2HI).mul().sub().set(hi);
  c.get(k).k(ln2LO).mul().set(lo);
  c.get(hi).get(lo).sub().set(r);
  // c = r − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5)))), t = r·r.
  c.get(r).get(r).mul().set(t);
  c.get(r).get(t);
  c.k(p1).get(t).k(p2).get(t).k(p3).get(t).k(p4).get(t).k(p5);
  c.mul().add().mul().add().mul().add().mul().add();
  c.mul().sub().set(cc);
  // y = 1 − (lo − (r·c)/(2 − c) − hi).
  c.k(1).get(lo).get(r).get(cc).mul().k(2).get(cc).sub().div().sub().get(hi).sub().sub().set(y);
  // y·2^k, or y·2^(k + 1000)·2^-1000 below k = −1021.
  c.get(k).k(-1021).lt().set(far);
  c.get(y);
  c.get(k).k(2023).k(1023).get(far).bitselect().add().k(TWO52).add().i32(52).i64x2Shl();
  c.mul().k(twom1000).k(1).get(far).bitselect().mul().set(y);
  c.k(1).get(x).add().get(y).get(a).k(TINY).lt().bitselect().set(y);
  // x < u_threshold is −|x| < u_threshold; NaN compares false and keeps the general path's NaN.
  return c.k(0).get(y).get(a).k(-u_threshold).gt().bitselect();
}
