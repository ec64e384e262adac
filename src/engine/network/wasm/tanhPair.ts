import { tanhParts } from '../../math/tableTanh.ts';
import type { Code } from '../../wasm/code.ts';

/** The temporaries `emitTanh` needs, by name. */
export const TANH_TEMPS = ['a', 'h', 'd', 's', 't', 'v0', 'v1', 'hi', 'lo', 'r', 'neg'] as const;

/** The v128 locals `emitTanh` uses: its input x, and each temporary's. */
export interface TanhLocals {
  readonly x: number;
  readonly temps: Readonly<Record<(typeof TANH_TEMPS)[number], number>>;
}

/** Byte shuffles of two table loads (HI, LO of lane 0; HI, LO of lane 1): the HIs, the LOs. */
const HIS = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const LOS = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/**
 * Pushes tableTanh of both lanes of local x, the same bits as tableTanh.ts lane by lane, each
 * value by the same operations in the same order as there (f64x2 arithmetic is IEEE per lane,
 * and a·b = b·a exactly, so only the order of additions and of the factors' grouping matters).
 * The table (HI, LO interleaved, 16 bytes an entry) sits at `table`; a point's high word >> 15 is
 * its 64-bit lane >> 47. Where a lane may lie outside the table's range (below TINY, from BIG on,
 * ±∞, NaN), its point is taken of |x| clamped to [TINY, BIG] first, so its loads stay in the
 * table; its result is then discarded.
 */
export function emitTanh(c: Code, { x, temps }: TanhLocals, table: number): Code {
  const { a, h, d, s, t, v0, v1, hi, lo, r, neg } = temps;
  const { BIG, TINY, SPLIT, BASE, C } = tanhParts();
  const [c1, c2, c3, c4] = C;
  c.get(x).abs().set(a);
  // x's sign bit alone: r·sign is r XOR it, and ±1 is 1 OR it.
  c.get(x).k(-0).and().set(neg);
  /** Sets r: the table's result with x's sign; `clamp` for lanes that may be outside it. */
  const fromTable = (clamp: boolean) => {
    // The point h = p − (p − a), p = a·SPLIT (a to six significant bits), and d = a − h.
    if (clamp) c.k(BIG).k(TINY).get(a).pmax().pmin();
    else c.get(a);
    c.set(h).get(h).k(SPLIT).mul().tee(d).get(d).get(h).sub().sub().set(h);
    c.get(a).get(h).sub().set(d);
    // t = d + d·s·(C1 + s·(C2 + s·(C3 + s·C4))).
    c.get(d).get(d).mul().set(s);
    c.get(d).get(d).get(s).mul();
    c.k(c1).get(s).k(c2).get(s).k(c3).get(s).k(c4).mul().add().mul().add().mul().add();
    c.mul().add().set(t);
    // The entries' addresses: (h's bits >> 47) − BASE in the low 32 bits of each lane, times 16.
    c.get(h).i32(47).i64x2ShrU().kI64(BASE).i64x2Sub().set(v1);
    c.get(v1).i32x4Lane(0).i32(4).i32Shl().load(table).set(v0);
    c.get(v1).i32x4Lane(2).i32(4).i32Shl().load(table).set(v1);
    c.get(v0).get(v1).shuffle(HIS).set(hi);
    c.get(v0).get(v1).shuffle(LOS).set(lo);
    // r = T + (L + t·((1 − T)·(1 + T) − (T + T)·L) / (1 + T·t)), negated for x < 0.
    c.get(hi).get(lo).get(t);
    c.k(1).get(hi).sub().k(1).get(hi).add().mul().get(hi).get(hi).add().get(lo).mul().sub();
    c.mul().k(1).get(hi).get(t).mul().add().div().add().add().get(neg).xor().set(r);
  };
  // Both lanes in the table's range, as nearly all pre-activations are: r alone.
  c.get(a).k(TINY).ge().get(a).k(BIG).lt().and().allTrue().ifV128();
  fromTable(false);
  c.get(r).otherwise();
  fromTable(true);
  // The result: x below TINY (±0 and subnormals too), r below BIG, ±1 from BIG on, NaN as itself.
  c.get(x).get(r);
  c.k(1).get(neg).or();
  c.get(x).get(a).get(a).eq().bitselect();
  c.get(a).k(BIG).lt().bitselect();
  c.get(a).k(TINY).lt().bitselect();
  return c.end();
}
