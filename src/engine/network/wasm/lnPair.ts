import { lnParts } from '../../math/log.ts';
import { fromWords } from '../../math/words.ts';
import type { Code } from '../../wasm/code.ts';

// log.ts's tests on hx, the top 20 fraction bits of x, as bounds on x itself: for x in [1, 2),
// hx ≥ H exactly when x ≥ fromWords(0x3ff00000 | H, 0). x = 2 has hx = 0.
/** hx ≥ 0x6a09c (x ≥ √2 about): x is halved and k = 1. */
const HALVE = fromWords(0x3ff6a09c, 0);
/** 0x6147a ≤ hx ≤ 0x6b851: the hfsq form. */
const MID_FROM = fromWords(0x3ff6147a, 0);
const MID_TO = fromWords(0x3ff6b852, 0);
/** (2 + hx) & 0xfffff < 3, hx ∈ {0xffffe, 0xfffff, 0}: within 2^-20 of 1 or 2. */
const NEAR_ONE = fromWords(0x3ff00001, 0);
const NEAR_TWO = fromWords(0x3ffffffe, 0);

/**
 * Pushes ln(u) for both lanes of local u, for u in (1, 2] or NaN (ln(1 + e) with e = e^−|z|):
 * log.ts's bits lane by lane, its paths for such u computed in both lanes and picked by masks.
 * k is 0 or 1 (1 from √2 on, x halved, exactly); k·ln2Hi and k·ln2Lo are then +0 as in log.ts
 * for k = 0. lnNearPowerOfTwo is its k ≠ 0 form throughout: for k = 0 it returns f − R, the same
 * bits as 0 − (R − 0 − f) (R = f²(…) ≠ 0, R ≠ f, and rounding is symmetric), and its f = 0 case
 * (u = 2: ln2Hi + ln2Lo) is that form with R = 0. u = 1 is not handled: log1pSmall takes e there.
 */
export function emitLnOneToTwo(c: Code, u: number): Code {
  const { ln2Hi, ln2Lo, Lg } = lnParts();
  const [lg1, lg2, lg3, lg4, lg5, lg6, lg7] = Lg;
  const { halve, k, f, s, z, w } = c.temps('halve', 'k', 'f', 's', 'z', 'w');
  const { R, kh, kl, hfsq, mid } = c.temps('R', 'kh', 'kl', 'hfsq', 'mid');
  // f = x·(1/2 or 1) − 1: log.ts's withHighWord(x, …) − 1, x with exponent 0x3fe or 0x3ff.
  c.get(u).k(HALVE).ge().tee(halve).k(1).and().set(k);
  c.get(u).k(0.5).k(1).get(halve).bitselect().mul().k(1).sub().set(f);
  // s = f/(2 + f), z = s², w = z², R = t2 + t1.
  c.get(f).k(2).get(f).add().div().tee(s).get(s).mul().tee(z).get(z).mul().set(w);
  c.get(z).k(lg1).get(w).k(lg3).get(w).k(lg5).get(w).k(lg7);
  c.mul().add().mul().add().mul().add().mul();
  c.get(w).k(lg2).get(w).k(lg4).get(w).k(lg6).mul().add().mul().add().mul();
  c.add().set(R);
  c.get(k).k(ln2Hi).mul().set(kh);
  c.get(k).k(ln2Lo).mul().set(kl);
  // Mid: k·ln2Hi − (hfsq − (s·(hfsq + R) + k·ln2Lo) − f), hfsq = 0.5·f·f.
  c.k(0.5).get(f).mul().get(f).mul().set(hfsq);
  c.get(kh).get(hfsq).get(s).get(hfsq).get(R).add().mul().get(kl).add().sub().get(f).sub().sub();
  c.set(mid);
  // Otherwise: k·ln2Hi − (s·(f − R) − k·ln2Lo − f).
  c.get(mid);
  c.get(kh).get(s).get(f).get(R).sub().mul().get(kl).sub().get(f).sub().sub();
  c.get(u).k(MID_FROM).ge().get(u).k(MID_TO).lt().and().bitselect().set(mid);
  // Near 1 or 2: k·ln2Hi − (R − k·ln2Lo − f), R = f·f·(0.5 − 0.3333333333333333·f).
  c.get(kh).get(f).get(f).mul().k(0.5).k(0.3333333333333333).get(f).mul().sub().mul();
  c.get(kl).sub().get(f).sub().sub();
  c.get(mid).get(u).k(NEAR_ONE).lt().get(u).k(NEAR_TWO).ge().or();
  return c.bitselect();
}
